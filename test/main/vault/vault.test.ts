import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestEncryptor } from '../../support/testEncryptor';
import { createMemoryStore, type KeyValueStore } from '../../../src/main/keyValueStore';
import { activeProfilePointer, openSettings } from '../../../src/main/settings';
import { openVault } from '../../../src/main/vault/vault';
import { PRACTICE_PROFILE_ID } from '../../../src/shared/profile';
import { createHarness, practiceDemo, sampleInput, SALT_PART, SECRET_PART, type Harness } from './harness';

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

let harness: Harness;
afterEach(() => harness.dispose());

function createOk(input = sampleInput()) {
  const result = harness.vault.createProfile(input);
  if (!result.ok) throw new Error(`create failed: ${result.error.message}`);
  return result.value;
}

describe('first start', () => {
  it('has only the practice profile, active, pointing at the simulator through the provider', async () => {
    harness = createHarness();
    const profiles = harness.vault.listProfiles();
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({
      id: PRACTICE_PROFILE_ID,
      name: '练习环境',
      environment: 'practice',
      url: null,
      active: true,
      builtIn: true,
      secretState: 'set',
    });
    expect(harness.vault.getActive().id).toBe(PRACTICE_PROFILE_ID);
    expect(await harness.vault.credentialsFor(PRACTICE_PROFILE_ID)).toEqual({
      ok: true,
      value: practiceDemo,
    });
  });

  it('refuses to delete the practice profile or give it credentials, but lets it be renamed', () => {
    harness = createHarness();
    expect(harness.vault.deleteProfile(PRACTICE_PROFILE_ID)).toMatchObject({
      ok: false,
      error: { code: 'BUILT_IN' },
    });
    expect(harness.vault.updateProfile(PRACTICE_PROFILE_ID, { sid: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'BUILT_IN' },
    });
    expect(harness.vault.renameProfile(PRACTICE_PROFILE_ID, '试用')).toMatchObject({
      ok: true,
      value: { name: '试用' },
    });
    harness.reload();
    expect(harness.vault.listProfiles().map((p) => p.name)).toEqual(['试用']);
  });

  it('reports a simulator that fails to start as PRACTICE_UNAVAILABLE', async () => {
    harness = createHarness();
    const vault = openVault({
      store: harness.store,
      encryptor: harness.encryptor,
      activeProfile: activeProfilePointer(harness.settings),
      practiceCredentials: () => Promise.reject(new Error('port in use')),
    });
    const result = await vault.credentialsFor(PRACTICE_PROFILE_ID);
    expect(result).toMatchObject({ ok: false, error: { code: 'PRACTICE_UNAVAILABLE' } });
  });
});

describe('creating and using a profile', () => {
  it('accepts a salt that itself contains colons and keeps the appsecret whole', async () => {
    harness = createHarness();
    const created = createOk(sampleInput({ appsecret: 'abc:def:ghi' }));
    expect(await harness.vault.credentialsFor(created.id)).toMatchObject({
      ok: true,
      value: { appsecret: 'abc:def:ghi' },
    });
  });

  it('stores the appsecret encrypted and gives it back only through credentialsFor', async () => {
    harness = createHarness();
    const created = createOk();
    expect(created).toMatchObject({
      name: '仓库一号',
      environment: 'production',
      url: 'http://wdt.wangdian.cn/openapi',
      sid: 'wdterp30',
      appkey: 'czhc',
      operator: '张三',
      secretState: 'set',
      protection: 'test',
      active: false,
    });
    expect(await harness.vault.credentialsFor(created.id)).toEqual({
      ok: true,
      value: {
        url: 'http://wdt.wangdian.cn/openapi',
        sid: 'wdterp30',
        appkey: 'czhc',
        appsecret: `${SECRET_PART}:${SALT_PART}`,
      },
    });

    const raw = readFileSync(harness.file, 'utf8');
    expect(raw).not.toContain(SECRET_PART);
    expect(raw).not.toContain(SALT_PART);
    const stored = (JSON.parse(raw) as { profiles: { id: string; secret: { v: number; data: string } }[] })
      .profiles;
    const envelope = stored.find((p) => p.id === created.id)?.secret;
    expect(envelope?.v).toBe(1);
    const bytes = Buffer.from(envelope?.data ?? '', 'base64');
    expect(bytes.toString('latin1')).not.toContain(SECRET_PART);
    expect(harness.encryptor.decrypt(bytes)).toBe(`${SECRET_PART}:${SALT_PART}`);
  });

  it('accepts a custom http(s) URL and normalizes its trailing slash', () => {
    harness = createHarness();
    const created = createOk(
      sampleInput({ environment: 'custom', url: '  https://proxy.example.cn/openapi/ ' }),
    );
    expect(created.url).toBe('https://proxy.example.cn/openapi');
  });

  it('keeps the active profile across a restart from the same file', () => {
    harness = createHarness();
    const created = createOk();
    expect(harness.vault.setActive(created.id)).toMatchObject({
      ok: true,
      value: { id: created.id, active: true },
    });
    harness.reload();
    expect(harness.vault.getActive()).toMatchObject({ id: created.id, name: '仓库一号', secretState: 'set' });
    expect(harness.vault.listProfiles().find((p) => p.id === PRACTICE_PROFILE_ID)?.active).toBe(false);
  });

  it('makes the practice profile active again when the active profile is deleted', () => {
    harness = createHarness();
    const created = createOk();
    harness.vault.setActive(created.id);
    const result = harness.vault.deleteProfile(created.id);
    expect(result).toMatchObject({ ok: true, value: [{ id: PRACTICE_PROFILE_ID, active: true }] });
    harness.reload();
    expect(harness.vault.getActive().id).toBe(PRACTICE_PROFILE_ID);
    expect(harness.vault.listProfiles()).toHaveLength(1);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    harness = createHarness();
    expect(harness.vault.setActive('nope')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(harness.vault.deleteProfile('nope')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(harness.vault.renameProfile('nope', 'x')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await harness.vault.credentialsFor('nope')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('updating', () => {
  it('keeps the stored secret when none is given and replaces it when one is', async () => {
    harness = createHarness();
    const created = createOk();
    const renamed = harness.vault.updateProfile(created.id, {
      name: '仓库二号',
      environment: 'test',
      appsecret: '',
    });
    expect(renamed).toMatchObject({
      ok: true,
      value: { name: '仓库二号', url: 'http://47.92.239.46/openapi' },
    });
    expect(await harness.vault.credentialsFor(created.id)).toMatchObject({
      ok: true,
      value: { appsecret: `${SECRET_PART}:${SALT_PART}`, url: 'http://47.92.239.46/openapi' },
    });

    harness.vault.updateProfile(created.id, { appsecret: 'new:pepper' });
    expect(await harness.vault.credentialsFor(created.id)).toMatchObject({
      ok: true,
      value: { appsecret: 'new:pepper' },
    });
  });

  it('changes nothing when the update is invalid', async () => {
    harness = createHarness();
    const created = createOk();
    const result = harness.vault.updateProfile(created.id, { sid: 'has space', appsecret: 'other:salt' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'sid' } });
    expect(await harness.vault.credentialsFor(created.id)).toMatchObject({
      ok: true,
      value: { sid: 'wdterp30', appsecret: `${SECRET_PART}:${SALT_PART}` },
    });
  });

  it('rejects a second profile with the same name', () => {
    harness = createHarness();
    createOk();
    const result = harness.vault.createProfile(sampleInput({ name: ' 仓库一号 ' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'name' } });
    if (!result.ok) expect(result.error.message).toContain('已有名为');
  });
});

describe('input validation, answered in Chinese', () => {
  const cases: [string, Parameters<typeof sampleInput>[0], string, string][] = [
    ['no colon', { appsecret: 'abcdef' }, 'appsecret', '缺少英文冒号'],
    ['full-width colon', { appsecret: 'abc：def' }, 'appsecret', '中文冒号'],
    ['empty secret part', { appsecret: ':salt' }, 'appsecret', '冒号前'],
    ['empty salt part', { appsecret: 'secret:' }, 'appsecret', '冒号后'],
    ['empty appsecret', { appsecret: '  ' }, 'appsecret', '请输入'],
    ['empty name', { name: ' ' }, 'name', '配置名称'],
    ['sid missing', { sid: '' }, 'sid', 'sid'],
    ['appkey with a space', { appkey: 'a b' }, 'appkey', '空格'],
    ['custom without URL', { environment: 'custom' }, 'url', '接口地址'],
    ['custom with ftp', { environment: 'custom', url: 'ftp://x.cn/openapi' }, 'url', 'http'],
    ['custom not a URL', { environment: 'custom', url: 'wdt.wangdian.cn' }, 'url', '格式不正确'],
    ['custom with a password', { environment: 'custom', url: 'https://u:p@x.cn/openapi' }, 'url', '密码'],
    ['operator too long', { operator: '张'.repeat(33) }, 'operator', '操作员'],
  ];
  it.each(cases)('%s', (_label, overrides, field, phrase) => {
    harness = createHarness();
    const result = harness.vault.createProfile(sampleInput(overrides));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field } });
    if (result.ok) return;
    expect(hasChinese(result.error.message)).toBe(true);
    expect(result.error.message).toContain(phrase);
    expect(harness.vault.listProfiles()).toHaveLength(1);
  });

  it('refuses to create another practice profile', () => {
    harness = createHarness();
    const result = harness.vault.createProfile({ ...sampleInput(), environment: 'practice' as 'test' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'environment' } });
  });
});

describe('when the OS offers no real encryption', () => {
  it('refuses to store a secret under basic_text and says why in Chinese', () => {
    harness = createHarness(createTestEncryptor('basic_text'));
    const result = harness.vault.createProfile(sampleInput());
    expect(result).toMatchObject({ ok: false, error: { code: 'ENCRYPTION_UNAVAILABLE' } });
    if (!result.ok) expect(result.error.message).toContain('Linux 需要密钥环');
    expect(harness.vault.listProfiles()).toHaveLength(1);
    expect(harness.vault.protectionStatus()).toMatchObject({ backend: 'basic_text', canStoreSecrets: false });
    expect(readFileSync(harness.file, 'utf8')).not.toContain(SALT_PART);
  });

  it('refuses when encryption is unavailable, also for a new secret on an existing profile', () => {
    harness = createHarness();
    const created = createOk();
    harness.encryptor.setMode('unavailable');
    const created2 = harness.vault.createProfile(sampleInput({ name: '另一个' }));
    expect(created2).toMatchObject({ ok: false, error: { code: 'ENCRYPTION_UNAVAILABLE' } });
    if (!created2.ok) expect(created2.error.message).toContain('不保存应用密钥');
    const updated = harness.vault.updateProfile(created.id, { appsecret: 'x:y' });
    expect(updated).toMatchObject({
      ok: false,
      error: { code: 'ENCRYPTION_UNAVAILABLE', field: 'appsecret' },
    });
    expect(harness.vault.protectionStatus()).toMatchObject({ canStoreSecrets: false });
    expect(harness.vault.protectionStatus().warning).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('a secret that no longer decrypts', () => {
  it('marks only that profile needsReentry; the app still loads and re-entry repairs it', async () => {
    harness = createHarness();
    const good = createOk();
    harness.encryptor.setMode('keyLost'); // written under a key this "user" will not have after restart
    const lost = createOk(sampleInput({ name: '别的用户' }));
    harness.encryptor.setMode('secure');
    harness.reload();

    const states = Object.fromEntries(harness.vault.listProfiles().map((p) => [p.name, p.secretState]));
    expect(states).toEqual({ 练习环境: 'set', 仓库一号: 'set', 别的用户: 'needsReentry' });
    expect(await harness.vault.credentialsFor(good.id)).toMatchObject({ ok: true });
    const unreadable = await harness.vault.credentialsFor(lost.id);
    expect(unreadable).toMatchObject({ ok: false, error: { code: 'SECRET_UNREADABLE' } });
    if (!unreadable.ok) expect(unreadable.error.message).toContain('请重新输入凭证');

    // Renaming keeps the unreadable envelope (the key may come back); a new secret repairs it.
    harness.vault.renameProfile(lost.id, '别的用户2');
    expect(harness.vault.listProfiles().find((p) => p.id === lost.id)?.secretState).toBe('needsReentry');
    harness.vault.updateProfile(lost.id, { appsecret: 'fresh:salt' });
    expect(harness.vault.listProfiles().find((p) => p.id === lost.id)?.secretState).toBe('set');
  });

  it('survives a corrupt envelope and a broken record, keeping the broken record on disk', () => {
    harness = createHarness();
    const good = createOk();
    const data = JSON.parse(readFileSync(harness.file, 'utf8')) as { profiles: Record<string, unknown>[] };
    const stored = data.profiles.find((p) => p['id'] === good.id);
    data.profiles.push(
      { ...stored, id: 'corrupt', name: '损坏', secret: { v: 1, backend: 'test', data: '@@not base64' } },
      { name: 'no id at all' },
    );
    writeFileSync(harness.file, JSON.stringify(data));
    harness.reload();

    expect(harness.vault.listProfiles().map((p) => [p.name, p.secretState])).toEqual([
      ['练习环境', 'set'],
      ['仓库一号', 'set'],
      ['损坏', 'needsReentry'],
    ]);
    harness.vault.renameProfile(good.id, '仓库改名');
    expect(readFileSync(harness.file, 'utf8')).toContain('no id at all');
  });

  it('treats a stored profile without a secret as missing', async () => {
    harness = createHarness();
    const created = createOk();
    const data = JSON.parse(readFileSync(harness.file, 'utf8')) as { profiles: Record<string, unknown>[] };
    for (const profile of data.profiles) delete profile['secret'];
    writeFileSync(harness.file, JSON.stringify(data));
    harness.reload();
    expect(harness.vault.listProfiles().find((p) => p.id === created.id)).toMatchObject({
      secretState: 'missing',
      protection: null,
    });
    expect(await harness.vault.credentialsFor(created.id)).toMatchObject({
      ok: false,
      error: { code: 'SECRET_MISSING' },
    });
  });
});

describe('when the disk refuses a write', () => {
  it('answers STORE_FAILED and keeps the previous state', () => {
    harness = createHarness();
    const inner = createMemoryStore();
    let failWrites = false;
    const flaky: KeyValueStore = {
      get: (key) => inner.get(key),
      set: (key, value) => {
        if (failWrites) throw new Error('ENOSPC');
        inner.set(key, value);
      },
      delete: (key) => inner.delete(key),
    };
    const vault = openVault({
      store: flaky,
      encryptor: createTestEncryptor(),
      activeProfile: activeProfilePointer(openSettings({ store: flaky })),
      practiceCredentials: () => Promise.resolve(practiceDemo),
    });
    const created = vault.createProfile(sampleInput());
    if (!created.ok) throw new Error(created.error.message);
    failWrites = true;
    expect(vault.renameProfile(created.value.id, '新名字')).toMatchObject({
      ok: false,
      error: { code: 'STORE_FAILED' },
    });
    expect(vault.setActive(created.value.id)).toMatchObject({ ok: false, error: { code: 'STORE_FAILED' } });
    expect(vault.createProfile(sampleInput({ name: '第三个' }))).toMatchObject({
      ok: false,
      error: { code: 'STORE_FAILED' },
    });
    expect(vault.listProfiles().map((p) => p.name)).toEqual(['练习环境', '仓库一号']);
    expect(vault.getActive().id).toBe(PRACTICE_PROFILE_ID);
  });
});
