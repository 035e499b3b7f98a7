import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore, openJsonFileStore, type KeyValueStore } from '../../src/main/keyValueStore';
import {
  activeProfilePointer,
  openSettings,
  SCHEMA_VERSION_KEY,
  SETTINGS_KEY,
  settingsMigrations,
  type SettingsMigration,
} from '../../src/main/settings';
import { defaultSettings } from '../../src/shared/profile';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('reading', () => {
  it('starts with the defaults on an empty store', () => {
    const settings = openSettings({ store: createMemoryStore() });
    expect(settings.get()).toEqual(defaultSettings);
    expect(settings.get().scanner).toMatchObject({ maxInterKeyMs: 35, bounceWindowMs: 300 });
    expect(settings.fallbacks).toEqual([]);
  });

  it('falls back field by field: bad fields take defaults, good ones survive', () => {
    const store = createMemoryStore({
      [SCHEMA_VERSION_KEY]: 1,
      [SETTINGS_KEY]: {
        operatorName: '王五',
        sound: { enabled: false, volume: 7 },
        scanner: { suffixKeys: ['Tab', 'Escape'], maxInterKeyMs: 50, minLength: 'six', bounceWindowMs: 500 },
        language: 'en-US',
        activeProfileId: 42,
        snShapes: { p1: { minLength: 5, maxLength: 2, pattern: '' } },
        outerTransferReference: 'yes',
      },
    });
    const settings = openSettings({ store });
    expect(settings.get()).toEqual({
      snShapes: {},
      activeProfileId: null,
      operatorName: '王五',
      sound: { enabled: false, volume: defaultSettings.sound.volume },
      scanner: {
        suffixKeys: defaultSettings.scanner.suffixKeys,
        maxInterKeyMs: 50,
        minLength: defaultSettings.scanner.minLength,
        bounceWindowMs: 500,
      },
      language: 'zh-CN',
      outerTransferReference: true,
    });
    expect([...settings.fallbacks].sort()).toEqual(
      [
        'activeProfileId',
        'language',
        'outerTransferReference',
        'scanner.minLength',
        'scanner.suffixKeys',
        'snShapes',
        'sound.volume',
      ].sort(),
    );
  });

  it('does not crash on a settings value of the wrong shape', () => {
    const settings = openSettings({
      store: createMemoryStore({ [SCHEMA_VERSION_KEY]: 1, [SETTINGS_KEY]: [1, 2] }),
    });
    expect(settings.get()).toEqual(defaultSettings);
  });
});

describe('updating', () => {
  it('merges a partial change, persists it, and survives a restart from the same file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'wdt-settings-'));
    folders.push(folder);
    const file = join(folder, 'config.json');
    const result = openSettings({ store: openJsonFileStore(file) }).update({
      operatorName: '  赵六 ',
      sound: { volume: 0.25 },
      scanner: { suffixKeys: ['NumpadEnter', 'NumpadEnter'], maxInterKeyMs: 20 },
    });
    expect(result.ok).toBe(true);
    const reopened = openSettings({ store: openJsonFileStore(file) }).get();
    expect(reopened).toMatchObject({
      operatorName: '赵六',
      sound: { enabled: true, volume: 0.25 },
      scanner: { suffixKeys: ['NumpadEnter'], maxInterKeyMs: 20, minLength: 4, bounceWindowMs: 300 },
    });
  });

  it.each([
    [{ sound: { volume: 1.5 } }, 'sound.volume', '音量'],
    [{ scanner: { suffixKeys: [] } }, 'scanner.suffixKeys', '扫码结束键'],
    [{ scanner: { maxInterKeyMs: 2.5 } }, 'scanner.maxInterKeyMs', '毫秒'],
    [{ scanner: { bounceWindowMs: -1 } }, 'scanner.bounceWindowMs', '重复扫码'],
    [{ operatorName: '名'.repeat(33) }, 'operatorName', '操作员'],
  ] as const)('refuses %j in Chinese and keeps the old value', (patch, field, phrase) => {
    const settings = openSettings({ store: createMemoryStore() });
    const result = settings.update(patch);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field } });
    if (!result.ok) expect(result.error.message).toContain(phrase);
    expect(settings.get()).toEqual(defaultSettings);
  });

  it('keeps an SN shape per profile, refuses a broken one with its reason, and clears it with null', () => {
    const store = createMemoryStore();
    const settings = openSettings({ store });
    const shape = { minLength: 9, maxLength: 9, pattern: 'SN[0-9]{7}' };
    expect(settings.update({ snShape: { profileId: 'p1', shape } }).ok).toBe(true);
    expect(settings.update({ snShape: { profileId: 'practice', shape: { ...shape, pattern: '' } } }).ok).toBe(
      true,
    );
    const refused = settings.update({ snShape: { profileId: 'p1', shape: { ...shape, pattern: 'SN[' } } });
    expect(refused).toMatchObject({ ok: false, error: { message: 'SN 格式不是有效的正则表达式。' } });
    expect(openSettings({ store }).get().snShapes).toEqual({
      p1: shape,
      practice: { ...shape, pattern: '' },
    });
    settings.update({ snShape: { profileId: 'p1', shape: null } });
    expect(openSettings({ store }).get().snShapes).toEqual({ practice: { ...shape, pattern: '' } });
  });

  it('reports STORE_FAILED when the store cannot write, keeping the old value', () => {
    const inner = createMemoryStore({ [SCHEMA_VERSION_KEY]: 1 });
    const broken: KeyValueStore = {
      ...inner,
      set: () => {
        throw new Error('EACCES');
      },
    };
    const failing = openSettings({ store: broken });
    expect(failing.update({ sound: { enabled: false } })).toMatchObject({
      ok: false,
      error: { code: 'STORE_FAILED' },
    });
    expect(failing.get().sound.enabled).toBe(true);
    expect(openSettings({ store: inner }).get().sound.enabled).toBe(true);
  });

  it('keeps the active profile id for the vault through activeProfilePointer', () => {
    const store = createMemoryStore();
    const pointer = activeProfilePointer(openSettings({ store }));
    expect(pointer.get()).toBeNull();
    expect(pointer.set('abc')).toBe(true);
    expect(openSettings({ store }).get().activeProfileId).toBe('abc');
  });
});

describe('migrations', () => {
  it('moves the flat v0 keys into the v1 settings object, renaming them', () => {
    const store = createMemoryStore({
      activeProfile: 'p-1',
      operator: '钱七',
      soundEnabled: false,
      soundVolume: 0.3,
      profiles: ['untouched'],
    });
    const settings = openSettings({ store });
    expect(settings.get()).toMatchObject({
      activeProfileId: 'p-1',
      operatorName: '钱七',
      sound: { enabled: false, volume: 0.3 },
    });
    expect(store.get(SCHEMA_VERSION_KEY)).toBe(1);
    for (const old of ['activeProfile', 'operator', 'soundEnabled', 'soundVolume']) {
      expect(store.get(old), old).toBeUndefined();
    }
    expect(store.get('profiles')).toEqual(['untouched']);
  });

  it('validates migrated values like any other: a bad v0 volume falls back alone', () => {
    const settings = openSettings({ store: createMemoryStore({ operator: '孙八', soundVolume: 'loud' }) });
    expect(settings.get()).toMatchObject({
      operatorName: '孙八',
      sound: { volume: defaultSettings.sound.volume },
    });
    expect(settings.fallbacks).toEqual(['sound.volume']);
  });

  it('runs each pending migration once, in order, and never again', () => {
    const ran: number[] = [];
    const record = (to: number): SettingsMigration => ({ to, migrate: () => void ran.push(to) });
    const migrations = [record(3), ...settingsMigrations, record(2)];
    const store = createMemoryStore();
    openSettings({ store, migrations });
    expect(ran).toEqual([2, 3]);
    expect(store.get(SCHEMA_VERSION_KEY)).toBe(3);
    openSettings({ store, migrations });
    expect(ran).toEqual([2, 3]);
  });

  it('stops at a failing migration without crashing, and retries it on the next start', () => {
    let fail = true;
    const migrations: SettingsMigration[] = [
      ...settingsMigrations,
      {
        to: 2,
        migrate: () => {
          if (fail) throw new Error('boom');
        },
      },
    ];
    const store = createMemoryStore({ operator: '周九' });
    const first = openSettings({ store, migrations });
    expect(first.get().operatorName).toBe('周九');
    expect(first.problems).toEqual(['migration to v2 failed: boom']);
    expect(store.get(SCHEMA_VERSION_KEY)).toBe(1);
    fail = false;
    expect(openSettings({ store, migrations }).problems).toEqual([]);
    expect(store.get(SCHEMA_VERSION_KEY)).toBe(2);
  });
});
