/**
 * The appsecret must never leave the vault except through credentialsFor: not in summaries, results,
 * error messages, settings, nor the store file (which holds only the encrypted envelope).
 */
import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { PRACTICE_PROFILE_ID } from '../../../src/shared/profile';
import { createHarness, sampleInput, SALT_PART, SECRET_PART, type Harness } from './harness';

let harness: Harness;
afterEach(() => harness.dispose());

const FULL_SECRET = `${SECRET_PART}:${SALT_PART}`;

function assertNoLeak(step: string, returned: unknown): void {
  const { vault, settings } = harness;
  const everything = JSON.stringify({
    returned,
    list: vault.listProfiles(),
    active: vault.getActive(),
    protection: vault.protectionStatus(),
    settings: settings.get(),
    fallbacks: settings.fallbacks,
    file: readFileSync(harness.file, 'utf8'),
  });
  for (const part of [SECRET_PART, SALT_PART]) {
    expect(everything.includes(part), `${step} exposed part of the secret`).toBe(false);
  }
}

it('keeps the secret and the salt out of everything but credentialsFor', async () => {
  harness = createHarness();
  const { vault } = harness;

  const created = vault.createProfile(sampleInput());
  assertNoLeak('create', created);
  if (!created.ok) throw new Error(created.error.message);
  const id = created.value.id;

  // Refusals that see the secret must not echo it.
  const cases: [string, () => unknown][] = [
    [
      'create with an empty salt',
      () => vault.createProfile(sampleInput({ name: 'b', appsecret: `${SECRET_PART}:` })),
    ],
    [
      'create with a space',
      () => vault.createProfile(sampleInput({ name: 'c', appsecret: `${SECRET_PART} :${SALT_PART}` })),
    ],
    [
      'update with a full-width colon',
      () => vault.updateProfile(id, { appsecret: `${SECRET_PART}：${SALT_PART}` }),
    ],
    ['create with a duplicate name', () => vault.createProfile(sampleInput())],
    ['update keeping the secret', () => vault.updateProfile(id, { name: '改名', environment: 'test' })],
    ['update with the same secret again', () => vault.updateProfile(id, { appsecret: FULL_SECRET })],
    ['rename', () => vault.renameProfile(id, '再改名')],
    ['setActive', () => vault.setActive(id)],
    ['settings update', () => harness.settings.update({ operatorName: '李四' })],
  ];
  for (const [step, run] of cases) assertNoLeak(step, run());

  harness.encryptor.setMode('basic_text');
  assertNoLeak('basic_text create', vault.createProfile(sampleInput({ name: 'd' })));
  assertNoLeak('basic_text update', vault.updateProfile(id, { appsecret: FULL_SECRET }));
  harness.encryptor.setMode('unavailable');
  assertNoLeak('unavailable update', vault.updateProfile(id, { appsecret: FULL_SECRET }));

  harness.encryptor.setMode('keyLost');
  harness.reload();
  assertNoLeak('reload with the key lost', harness.vault.listProfiles());
  assertNoLeak('credentialsFor with the key lost', await harness.vault.credentialsFor(id));

  harness.encryptor.setMode('secure');
  harness.reload();
  assertNoLeak('practice credentials', await harness.vault.credentialsFor(PRACTICE_PROFILE_ID));
  // The secret is really there: credentialsFor, and only it, returns it.
  expect(await harness.vault.credentialsFor(id)).toMatchObject({
    ok: true,
    value: { appsecret: FULL_SECRET },
  });
  // Only the redaction of what leaves main (redactOutgoing.ts) learns them, and only while they are stored.
  expect(harness.vault.forbiddenStrings()).toEqual(
    expect.arrayContaining([FULL_SECRET, SECRET_PART, SALT_PART]),
  );
  assertNoLeak('delete', harness.vault.deleteProfile(id));
  expect(harness.vault.forbiddenStrings()).toEqual([]);
});
