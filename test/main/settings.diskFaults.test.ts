/**
 * The settings file (settings, profiles, encrypted secrets) under a failing disk: a write cut short, ENOSPC
 * or EIO at any step is reported as a failure, never as saved, and the previous good file survives; a
 * damaged file is set aside under a dated name, what is whole is recovered, and the app still starts and
 * says plainly what happened.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppCore } from '../../src/main/appCore';
import { createTestEncryptor } from '../support/testEncryptor';
import { openJsonFileStore } from '../../src/main/keyValueStore';
import { activeProfilePointer, openSettings } from '../../src/main/settings';
import { openVault } from '../../src/main/vault/vault';
import { sampleInput, practiceDemo } from './vault/harness';
import { faultyFiles, type Fault, type Operation } from '../support/faultyFiles';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'wdt-faults-'));
  folders.push(folder);
  return join(folder, 'settings.json');
}

const encryptor = createTestEncryptor();

function openAll(file: string, files = faultyFiles().files) {
  const store = openJsonFileStore(file, { files });
  const settings = openSettings({ store });
  const vault = openVault({
    store,
    encryptor,
    activeProfile: activeProfilePointer(settings),
    practiceCredentials: () => Promise.resolve(practiceDemo),
  });
  return { store, settings, vault };
}

const writeFaults: readonly (readonly [Operation, Fault])[] = [
  ['write', 'short'],
  ['write', 'ENOSPC'],
  ['write', 'EIO'],
  ['fsync', 'EIO'],
  ['rename', 'EIO'],
  ['open', 'ENOSPC'],
];

describe('settings and vault writes on a failing disk', () => {
  it.each(writeFaults)('%s %s: reported as failed, and the previous file is intact', (op, fault) => {
    const file = tempFile();
    const faults = faultyFiles();
    const first = openAll(file, faults.files);
    expect(first.settings.update({ operatorName: '李四' }).ok).toBe(true);
    const created = first.vault.createProfile(sampleInput({ name: '正式仓' }));
    expect(created.ok).toBe(true);
    const before = readFileSync(file, 'utf8');

    faults.failNext(op, fault, (path) => path.startsWith(file));
    const update = first.settings.update({ operatorName: '王五' });
    expect(update).toMatchObject({ ok: false, error: { code: 'STORE_FAILED' } });
    expect(first.settings.get().operatorName).toBe('李四');
    faults.heal();

    faults.failNext(op, fault, (path) => path.startsWith(file));
    const second = first.vault.createProfile(sampleInput({ name: '备用仓' }));
    expect(second).toMatchObject({ ok: false, error: { code: 'STORE_FAILED' } });
    faults.heal();

    expect(faults.injected).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(join(file, '..'))).toEqual(['settings.json']);
    const reopened = openAll(file);
    expect(reopened.settings.get().operatorName).toBe('李四');
    expect(reopened.vault.listProfiles().map((p) => [p.name, p.secretState])).toEqual([
      ['练习环境', 'set'],
      ['正式仓', 'set'],
    ]);
  });

  it('rewrites a settings file deleted (with its folder) while the app runs, with everything in it', () => {
    const file = tempFile();
    const faults = faultyFiles();
    const app = openAll(file, faults.files);
    expect(app.vault.createProfile(sampleInput({ name: '正式仓' })).ok).toBe(true);
    rmSync(join(file, '..'), { recursive: true });
    expect(app.settings.update({ operatorName: '赵六' }).ok).toBe(true);
    const reopened = openAll(file);
    expect(reopened.settings.get().operatorName).toBe('赵六');
    expect(reopened.vault.listProfiles().map((p) => p.name)).toContain('正式仓');
  });
});

describe('a damaged settings file', () => {
  /** A settings file with two profiles, as the app writes it. */
  function writeGoodFile(file: string): string {
    const app = openAll(file);
    app.settings.update({ operatorName: '李四' });
    expect(app.vault.createProfile(sampleInput({ name: '一号仓' })).ok).toBe(true);
    expect(app.vault.createProfile(sampleInput({ name: '二号仓', sid: 'second' })).ok).toBe(true);
    return readFileSync(file, 'utf8');
  }

  it('is set aside with a dated name at every cut, keeps what is whole, and the app starts and says so', async () => {
    const file = tempFile();
    const good = writeGoodFile(file);
    const secondStart = good.indexOf('二号仓');
    // Cuts across the whole file: inside the settings, inside each profile, inside the last secret.
    const cuts = [
      ...Array.from({ length: 24 }, (_, i) => Math.floor(((i + 1) * good.length) / 25)),
      good.length - 8,
      good.length - 1,
    ];
    const checked = { allWhole: 0, firstWhole: 0, reentry: 0 };
    for (const cut of cuts) {
      for (const name of readdirSync(join(file, '..')))
        rmSync(join(file, '..', name), { recursive: true, force: true });
      writeFileSync(file, good.slice(0, cut));
      const store = openJsonFileStore(file, { now: () => new Date('2026-12-01T09:30:00Z') });
      expect(store.opening.corruptFileMovedTo).toBe(`${file}.damaged-20261201-093000`);
      expect(readFileSync(`${file}.damaged-20261201-093000`, 'utf8')).toBe(good.slice(0, cut));

      const core = await openAppCore({
        dataFolder: join(file, '..'),
        encryptor,
        store,
        fetch,
        version: 'test',
        logError: () => undefined,
      });
      try {
        const info = await core.handlers.getAppInfo(undefined);
        if (!info.ok) throw new Error('getAppInfo failed');
        const notice = info.value.startupNotices?.join('') ?? '';
        expect(notice).toContain('设置文件已损坏');
        expect(notice).toContain(`${file}.damaged-20261201-093000`);
        const view = await core.handlers.listProfiles(undefined);
        if (!view.ok) throw new Error('listProfiles failed');
        const profiles = view.value.profiles.map((p) => [p.name, p.secretState]);
        // Everything written before the cut is kept; a profile cut short keeps its name and asks for the secret.
        if (cut > good.indexOf('}', good.indexOf('"data"', secondStart))) {
          checked.allWhole++;
          expect(profiles).toEqual([
            ['练习环境', 'set'],
            ['一号仓', 'set'],
            ['二号仓', 'set'],
          ]);
        } else if (cut > secondStart + 10) {
          checked.firstWhole++;
          expect(profiles.slice(0, 2)).toEqual([
            ['练习环境', 'set'],
            ['一号仓', 'set'],
          ]);
        }
        if (profiles.some(([, state]) => state === 'needsReentry') && ++checked.reentry)
          expect(notice).toContain('请在「设置」中重新输入凭证');
        // Nothing is saved over the damaged copy, and a new setting is saved normally.
        expect((await core.handlers.updateSettings({ operatorName: '王五' })).ok).toBe(true);
        expect(existsSync(`${file}.damaged-20261201-093000`)).toBe(true);
      } finally {
        await core.close();
      }
    }
    expect(checked.allWhole).toBeGreaterThan(0);
    expect(checked.firstWhole).toBeGreaterThan(1);
    expect(checked.reentry).toBeGreaterThan(0);
  });

  it('keeps a profile cut inside its secret, marked for re-entry', () => {
    const file = tempFile();
    const good = writeGoodFile(file);
    const secondSecret = good.indexOf('"secret"', good.indexOf('二号仓'));
    writeFileSync(file, good.slice(0, secondSecret + 40));
    const app = openAll(file);
    expect(app.store.opening?.recovered).toMatchObject({ profiles: 2, profilesNeedingSecret: 1 });
    expect(app.vault.listProfiles().map((p) => [p.name, p.sid, p.secretState])).toEqual([
      ['练习环境', '', 'set'],
      ['一号仓', 'wdterp30', 'set'],
      ['二号仓', 'second', 'needsReentry'],
    ]);
    expect(app.settings.get().operatorName).toBe('李四');
    // What was recovered is on disk at once: a restart without any change keeps it.
    const restarted = openAll(file);
    expect(restarted.store.opening?.recovered).toBeUndefined();
    expect(restarted.vault.listProfiles().map((p) => [p.name, p.secretState])).toEqual([
      ['练习环境', 'set'],
      ['一号仓', 'set'],
      ['二号仓', 'needsReentry'],
    ]);
  });

  it('does not overwrite a file it cannot move aside, and reports every change as not saved', () => {
    const file = tempFile();
    writeGoodFile(file);
    writeFileSync(file, '{"settings": {"operatorName": "李四"}, "profiles": [');
    const faults = faultyFiles();
    faults.failNext('rename', 'EIO', (path) => path === file);
    const app = openAll(file, faults.files);
    expect(app.store.opening?.readOnly).toBe(true);
    expect(app.settings.get().operatorName).toBe('李四');
    expect(app.settings.update({ operatorName: '王五' })).toMatchObject({
      ok: false,
      error: { code: 'STORE_FAILED' },
    });
    expect(readFileSync(file, 'utf8')).toBe('{"settings": {"operatorName": "李四"}, "profiles": [');
  });
});
