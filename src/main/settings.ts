/**
 * Typed settings kept in a KeyValueStore. What is read is validated field by field: a bad or missing field
 * falls back to its default and the rest survive, so a hand-edited or half-migrated file never stops the
 * app. The layout is versioned by the `schemaVersion` key and upgraded by the migrations below, in order.
 */
import { z } from 'zod';
import {
  defaultSettings,
  languages,
  scannerSuffixKeys,
  settingsBounds,
  type AppSettings,
  type SettingsPatch,
  type SettingsResult,
} from '../shared/profile';
import { fail } from '../shared/result';
import { snShapeError, type SnShape } from '../shared/snShape';
import type { KeyValueStore } from './keyValueStore';

export const SCHEMA_VERSION_KEY = 'schemaVersion';
export const SETTINGS_KEY = 'settings';

// ---------------------------------------------------------------------------------------------------------
// Migrations

export interface SettingsMigration {
  /** The schema version the store is at after this migration. */
  readonly to: number;
  /** Moves and renames keys in place; values are validated later, when read. */
  migrate(store: KeyValueStore): void;
}

/** v0 kept settings as flat top-level keys; v1 keeps them all in one `settings` object with new names. */
function flatKeysIntoSettingsObject(store: KeyValueStore): void {
  const moves: readonly (readonly [oldKey: string, path: readonly string[]])[] = [
    ['activeProfile', ['activeProfileId']],
    ['operator', ['operatorName']],
    ['soundEnabled', ['sound', 'enabled']],
    ['soundVolume', ['sound', 'volume']],
  ];
  const existing = store.get(SETTINGS_KEY);
  const next: Record<string, unknown> = isRecord(existing) ? { ...existing } : {};
  for (const [oldKey, path] of moves) {
    const value = store.get(oldKey);
    if (value === undefined) continue;
    const [section, leaf] = path;
    if (section === undefined) continue;
    if (leaf === undefined) {
      next[section] = value;
    } else {
      const current = next[section];
      next[section] = { ...(isRecord(current) ? current : {}), [leaf]: value };
    }
  }
  store.set(SETTINGS_KEY, next);
  for (const [oldKey] of moves) store.delete(oldKey);
}

export const settingsMigrations: readonly SettingsMigration[] = [
  { to: 1, migrate: flatKeysIntoSettingsObject },
];

function runMigrations(
  store: KeyValueStore,
  migrations: readonly SettingsMigration[],
  problems: string[],
): void {
  const stored = store.get(SCHEMA_VERSION_KEY);
  let version = typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 ? stored : 0;
  const pending = [...migrations].filter((m) => m.to > version).sort((a, b) => a.to - b.to);
  for (const migration of pending) {
    try {
      migration.migrate(store);
      store.set(SCHEMA_VERSION_KEY, migration.to);
      version = migration.to;
    } catch (error) {
      // Stop here and read what there is leniently; the next start tries again.
      problems.push(
        `migration to v${migration.to} failed: ${error instanceof Error ? error.message : 'unknown'}`,
      );
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Field schemas and their Chinese messages

const integerIn = (range: { readonly min: number; readonly max: number }) =>
  z.number().int().min(range.min).max(range.max);

const snShapeSchema = z
  .object({ minLength: z.number(), maxLength: z.number(), pattern: z.string() })
  .refine((shape: SnShape) => snShapeError(shape) === null);

const fields = {
  snShapes: z.record(z.string().min(1).max(200), snShapeSchema),
  activeProfileId: z.string().min(1).max(200).nullable(),
  operatorName: z.string().max(settingsBounds.operatorNameMaxLength),
  soundEnabled: z.boolean(),
  soundVolume: z.number().min(0).max(1),
  suffixKeys: z
    .array(z.enum(scannerSuffixKeys))
    .min(1)
    .transform((keys) => [...new Set(keys)]),
  maxInterKeyMs: integerIn(settingsBounds.maxInterKeyMs),
  minLength: integerIn(settingsBounds.minLength),
  bounceWindowMs: integerIn(settingsBounds.bounceWindowMs),
  language: z.enum(languages),
  outerTransferReference: z.boolean(),
};

const { maxInterKeyMs, minLength, bounceWindowMs } = settingsBounds;
const messages: Readonly<Record<keyof typeof fields, string>> = {
  snShapes: 'SN 格式设置无效。',
  activeProfileId: '当前配置编号无效。',
  operatorName: `操作员姓名不能超过 ${settingsBounds.operatorNameMaxLength} 个字。`,
  soundEnabled: '声音开关只能是开或关。',
  soundVolume: '音量应在 0 到 1 之间。',
  suffixKeys: '请至少选择一个扫码结束键（Enter、小键盘 Enter 或 Tab）。',
  maxInterKeyMs: `扫码按键最大间隔应为 ${maxInterKeyMs.min} 到 ${maxInterKeyMs.max} 毫秒之间的整数。`,
  minLength: `最短条码长度应为 ${minLength.min} 到 ${minLength.max} 之间的整数。`,
  bounceWindowMs: `重复扫码忽略时间应为 ${bounceWindowMs.min} 到 ${bounceWindowMs.max} 毫秒之间的整数。`,
  language: '目前只支持简体中文。',
  outerTransferReference: '外仓调拨核对参考号只能是开或关。',
};

/** Where each field lives, as a dotted path (also what `fallbacks` and `field` report). */
const paths: Readonly<Record<keyof typeof fields, string>> = {
  snShapes: 'snShapes',
  activeProfileId: 'activeProfileId',
  operatorName: 'operatorName',
  soundEnabled: 'sound.enabled',
  soundVolume: 'sound.volume',
  suffixKeys: 'scanner.suffixKeys',
  maxInterKeyMs: 'scanner.maxInterKeyMs',
  minLength: 'scanner.minLength',
  bounceWindowMs: 'scanner.bounceWindowMs',
  language: 'language',
  outerTransferReference: 'outerTransferReference',
};

/** Every field as raw, unvalidated values, from whatever object shape was found. */
function flatten(value: unknown): Record<keyof typeof fields, unknown> {
  const root = isRecord(value) ? value : {};
  const sound = isRecord(root['sound']) ? root['sound'] : {};
  const scanner = isRecord(root['scanner']) ? root['scanner'] : {};
  return {
    snShapes: root['snShapes'],
    activeProfileId: root['activeProfileId'],
    operatorName: root['operatorName'],
    soundEnabled: sound['enabled'],
    soundVolume: sound['volume'],
    suffixKeys: scanner['suffixKeys'],
    maxInterKeyMs: scanner['maxInterKeyMs'],
    minLength: scanner['minLength'],
    bounceWindowMs: scanner['bounceWindowMs'],
    language: root['language'],
    outerTransferReference: root['outerTransferReference'],
  };
}

type FieldValues = { [K in keyof typeof fields]: z.output<(typeof fields)[K]> };

function flattenDefaults(): FieldValues {
  const { sound, scanner } = defaultSettings;
  return {
    snShapes: { ...defaultSettings.snShapes },
    activeProfileId: defaultSettings.activeProfileId,
    operatorName: defaultSettings.operatorName,
    soundEnabled: sound.enabled,
    soundVolume: sound.volume,
    suffixKeys: [...scanner.suffixKeys],
    maxInterKeyMs: scanner.maxInterKeyMs,
    minLength: scanner.minLength,
    bounceWindowMs: scanner.bounceWindowMs,
    language: defaultSettings.language,
    outerTransferReference: defaultSettings.outerTransferReference,
  };
}

function assemble(values: FieldValues): AppSettings {
  return {
    snShapes: values.snShapes,
    activeProfileId: values.activeProfileId,
    operatorName: values.operatorName,
    sound: { enabled: values.soundEnabled, volume: values.soundVolume },
    scanner: {
      suffixKeys: values.suffixKeys,
      maxInterKeyMs: values.maxInterKeyMs,
      minLength: values.minLength,
      bounceWindowMs: values.bounceWindowMs,
    },
    language: values.language,
    outerTransferReference: values.outerTransferReference,
  };
}

const fieldNames = Object.keys(fields) as (keyof typeof fields)[];

/** Each field validated on its own; a bad one takes its default and is named in `fallbacks`. */
function readLeniently(raw: unknown, fallbacks: string[]): AppSettings {
  const found = flatten(raw);
  const values = flattenDefaults();
  for (const name of fieldNames) {
    if (found[name] === undefined) continue;
    const parsed = fields[name].safeParse(found[name]);
    if (parsed.success) (values as Record<string, unknown>)[name] = parsed.data;
    else fallbacks.push(paths[name]);
  }
  return assemble(values);
}

type Checked = { ok: true; value: AppSettings } | { ok: false; message: string; field: string };

/** All fields validated strictly; the first bad one is reported. */
function readStrictly(candidate: unknown): Checked {
  const found = flatten(candidate);
  const values = flattenDefaults();
  for (const name of fieldNames) {
    const parsed = fields[name].safeParse(found[name]);
    if (!parsed.success) return { ok: false, message: messages[name], field: paths[name] };
    (values as Record<string, unknown>)[name] = parsed.data;
  }
  return { ok: true, value: assemble(values) };
}

// ---------------------------------------------------------------------------------------------------------
// The settings object

export interface Settings {
  get(): AppSettings;
  /** Merges, validates the whole result, and persists it; nothing changes when it is refused. */
  update(patch: SettingsPatch): SettingsResult<AppSettings>;
  /** Dotted paths of fields that were unreadable at load and fell back to their defaults. */
  readonly fallbacks: readonly string[];
  /** Migrations that failed at load (kept for the log; contain no values). */
  readonly problems: readonly string[];
}

interface SettingsOptions {
  readonly store: KeyValueStore;
  /** Defaults to settingsMigrations; tests pass their own to check ordering. */
  readonly migrations?: readonly SettingsMigration[];
}

export function openSettings({ store, migrations = settingsMigrations }: SettingsOptions): Settings {
  const problems: string[] = [];
  runMigrations(store, migrations, problems);
  const fallbacks: string[] = [];
  let current = readLeniently(store.get(SETTINGS_KEY), fallbacks);

  return {
    fallbacks,
    problems,
    get: () => current,
    update(patch) {
      if (patch.snShape?.shape) {
        const problem = snShapeError(patch.snShape.shape);
        if (problem !== null) return fail('VALIDATION', problem, { field: 'snShapes' });
      }
      const operatorName = typeof patch.operatorName === 'string' ? patch.operatorName.trim() : undefined;
      const candidate = {
        ...current,
        ...definedOnly({
          activeProfileId: patch.activeProfileId,
          operatorName,
          language: patch.language,
          outerTransferReference: patch.outerTransferReference,
        }),
        sound: { ...current.sound, ...definedOnly(patch.sound) },
        scanner: { ...current.scanner, ...definedOnly(patch.scanner) },
        snShapes: withSnShape(current.snShapes, patch.snShape),
      };
      const checked = readStrictly(candidate);
      if (!checked.ok) return fail('VALIDATION', checked.message, { field: checked.field });
      try {
        store.set(SETTINGS_KEY, checked.value);
      } catch {
        return fail('STORE_FAILED', '设置未能保存到磁盘，请检查磁盘空间或权限后重试。');
      }
      current = checked.value;
      return { ok: true, value: current };
    },
  };
}

/** The pointer the vault keeps its active profile in: the settings' `activeProfileId`. */
export interface ActiveProfilePointer {
  get(): string | null;
  /** False when it could not be persisted. */
  set(id: string | null): boolean;
}

export function activeProfilePointer(settings: Settings): ActiveProfilePointer {
  return {
    get: () => settings.get().activeProfileId,
    set: (id) => settings.update({ activeProfileId: id }).ok,
  };
}

function withSnShape(
  shapes: AppSettings['snShapes'],
  change: SettingsPatch['snShape'],
): AppSettings['snShapes'] {
  if (change === undefined) return shapes;
  const { [change.profileId]: _replaced, ...others } = shapes;
  return change.shape === null ? others : { ...others, [change.profileId]: change.shape };
}

/** The entries whose value is not undefined, so `{ volume: undefined }` leaves the volume alone. */
function definedOnly(source: object | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(source ?? {}).filter(([, value]) => value !== undefined));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
