/**
 * What the renderer may know about credential profiles and settings: types, labels and defaults only.
 * Nothing here carries a secret; the appsecret stays in main (src/main/vault/vault.ts) and leaves it only to sign.
 */
import type { ErrorCode, Result } from './result';
import type { SnShape } from './snShape';

// ---------------------------------------------------------------------------------------------------------
// Results as data (src/shared/result.ts), narrowed to the codes each module can fail with.

export type VaultErrorCode = Extract<
  ErrorCode,
  /** An input is malformed; `field` says which. */
  | 'VALIDATION'
  /** The OS offers no real encryption (no keyring, `basic_text`), so no secret is stored. */
  | 'ENCRYPTION_UNAVAILABLE'
  /** No profile with that id. */
  | 'NOT_FOUND'
  /** The stored secret no longer decrypts (another Windows user, lost key): re-enter it. */
  | 'SECRET_UNREADABLE'
  /** The profile has no secret stored. */
  | 'SECRET_MISSING'
  /** The built-in practice profile cannot be deleted or given credentials. */
  | 'BUILT_IN'
  /** The built-in simulator could not be reached or started. */
  | 'PRACTICE_UNAVAILABLE'
  /** Writing to disk failed. */
  | 'STORE_FAILED'
>;

export type VaultResult<T> = Result<T, VaultErrorCode>;

type SettingsErrorCode = Extract<ErrorCode, 'VALIDATION' | 'STORE_FAILED'>;
export type SettingsResult<T> = Result<T, SettingsErrorCode>;

// ---------------------------------------------------------------------------------------------------------
// Environments

export const environmentIds = ['practice', 'test', 'production', 'custom'] as const;
export type EnvironmentId = (typeof environmentIds)[number];

export const environmentLabels: Readonly<Record<EnvironmentId, string>> = {
  practice: '练习环境',
  test: '测试环境',
  production: '正式环境',
  custom: '自定义地址',
};

/** The vendor's fixed endpoints. `practice` resolves at call time (the simulator starts on demand). */
export const fixedEnvironmentUrls = {
  test: 'http://47.92.239.46/openapi',
  production: 'http://wdt.wangdian.cn/openapi',
} as const satisfies Partial<Record<EnvironmentId, string>>;

/** The id of the built-in practice profile, which always exists and cannot be deleted. */
export const PRACTICE_PROFILE_ID = 'practice';

// ---------------------------------------------------------------------------------------------------------
// Protection of secrets

/**
 * Which key store protects a secret. Mirrors Electron's safeStorage (DPAPI on Windows, Keychain on macOS,
 * a Linux keyring or `basic_text`), plus `unavailable` and the test encryptor's `test`.
 */
export const protectionBackends = [
  'dpapi',
  'keychain',
  'kwallet',
  'kwallet5',
  'kwallet6',
  'gnome_libsecret',
  'basic_text',
  'unavailable',
  'test',
] as const;
export type ProtectionBackend = (typeof protectionBackends)[number];

export const protectionLabels: Readonly<Record<ProtectionBackend, string>> = {
  dpapi: 'Windows 数据保护（DPAPI）',
  keychain: 'macOS 钥匙串',
  kwallet: 'KDE 钱包',
  kwallet5: 'KDE 钱包 5',
  kwallet6: 'KDE 钱包 6',
  gnome_libsecret: 'GNOME 密钥环',
  basic_text: '无保护（明文级别）',
  unavailable: '不可用',
  test: '测试加密（仅用于测试）',
};

export type SecretState = 'set' | 'missing' | 'needsReentry';

export const secretStateLabels: Readonly<Record<SecretState, string>> = {
  set: '已设置',
  missing: '未设置',
  needsReentry: '请重新输入凭证',
};

// ---------------------------------------------------------------------------------------------------------
// How a profile reaches the ERP (issue #19): the proxy, as the settings form edits it.

export const proxyModes = ['system', 'direct', 'manual'] as const;
export type ProxyMode = (typeof proxyModes)[number];

export const proxyModeLabels: Readonly<Record<ProxyMode, string>> = {
  system: '跟随系统',
  direct: '不使用代理',
  manual: '手动',
};

/** A profile stored before proxies existed, or made without choosing, follows Windows' settings. */
export const DEFAULT_PROXY_MODE: ProxyMode = 'system';

/** Inclusive bounds the form and main both enforce. */
export const proxyBounds = { serverMaxLength: 255, pacUrlMaxLength: 2048, usernameMaxLength: 128 } as const;

/**
 * What the form sends. `server` is host:port (manual only); `pacUrl` an http(s) address of a PAC script
 * (manual only, optional; when given, the script chooses the proxy). The login is for a proxy that asks
 * for one (system or manual): an absent or empty `password` keeps the stored one, `clearLogin` drops both.
 */
export interface ProxyInput {
  readonly mode: ProxyMode;
  readonly server?: string;
  readonly pacUrl?: string;
  readonly username?: string;
  readonly password?: string;
  readonly clearLogin?: boolean;
}

/** What the renderer may know about a profile's proxy: never the password, only whether one is stored. */
export interface ProxySummary {
  readonly mode: ProxyMode;
  /** host:port, '' unless manual. */
  readonly server: string;
  /** '' when none. */
  readonly pacUrl: string;
  /** '' when no proxy login is stored. */
  readonly username: string;
  readonly passwordState: SecretState;
}

// ---------------------------------------------------------------------------------------------------------
// Profiles as the renderer sees them

export interface ProfileSummary {
  readonly id: string;
  readonly name: string;
  readonly environment: EnvironmentId;
  /** The base URL; null for `practice`, whose simulator address is only known once it runs. */
  readonly url: string | null;
  /** Empty for `practice`: its demo credentials are built in. */
  readonly sid: string;
  readonly appkey: string;
  /** The operator's name recorded with each submission made under this profile ('' when not given). */
  readonly operator: string;
  readonly secretState: SecretState;
  /** Which key store protects the stored secret; null when none is stored (or for `practice`). */
  readonly protection: ProtectionBackend | null;
  readonly active: boolean;
  /** True for the practice profile: not deletable, no credentials to enter. */
  readonly builtIn: boolean;
  /**
   * How calls leave this PC; the practice profile (a simulator on this PC) is always direct. The vault
   * always fills it; optional only so summaries built elsewhere (test doubles) stay valid.
   */
  readonly proxy?: ProxySummary;
}

/**
 * An appsecret is `secret:salt`, split at its FIRST colon: the salt may itself contain colons (PROTOCOL.md).
 * Undefined when there is no colon. The form, the vault and the signer all split with this one function.
 */
export function splitAppsecret(
  appsecret: string,
): { readonly secret: string; readonly salt: string } | undefined {
  const colon = appsecret.indexOf(':');
  if (colon < 0) return undefined;
  return { secret: appsecret.slice(0, colon), salt: appsecret.slice(colon + 1) };
}

/** What the settings form sends to create a profile. `appsecret` is `secret:salt`. */
export interface ProfileInput {
  readonly name: string;
  readonly environment: Exclude<EnvironmentId, 'practice'>;
  /** Required for `custom`, ignored otherwise. */
  readonly url?: string;
  readonly sid: string;
  readonly appkey: string;
  readonly appsecret: string;
  readonly operator?: string;
  /** Absent: 跟随系统 for a new profile, unchanged for an edited one. */
  readonly proxy?: ProxyInput;
}

/**
 * What the form sends to change a profile: every field optional; an absent or empty `appsecret` keeps the
 * stored one. For the practice profile only `name` and `operator` may change.
 */
export type ProfilePatch = Partial<ProfileInput>;

// ---------------------------------------------------------------------------------------------------------
// Settings

/** KeyboardEvent.code values a scanner may end a code with. */
export const scannerSuffixKeys = ['Enter', 'NumpadEnter', 'Tab'] as const;
export type ScannerSuffixKey = (typeof scannerSuffixKeys)[number];

export const languages = ['zh-CN'] as const;
type Language = (typeof languages)[number];

export interface SoundSettings {
  readonly enabled: boolean;
  /** 0..1 */
  readonly volume: number;
}

interface ScannerSettings {
  /** Keys that end a scanned code; at least one. */
  readonly suffixKeys: readonly ScannerSuffixKey[];
  /** Longest gap between two keys of one scanner burst; a human types slower. */
  readonly maxInterKeyMs: number;
  /** A burst shorter than this is treated as typing, not a scan. */
  readonly minLength: number;
  /** The same code scanned again within this window is a bounce and ignored. */
  readonly bounceWindowMs: number;
}

export interface AppSettings {
  /** What an SN looks like, per profile id (absent: any code may be an SN). */
  readonly snShapes: Readonly<Record<string, SnShape>>;
  /** null until the user picks one; the vault then uses the practice profile. */
  readonly activeProfileId: string | null;
  /** Default operator name, used when the active profile names none. */
  readonly operatorName: string;
  readonly sound: SoundSettings;
  readonly scanner: ScannerSettings;
  readonly language: Language;
  /**
   * Append a 核对 reference (" #K7Q2XM") to each outer-warehouse transfer's remark, so an unknown outcome
   * can be proven either way (src/shared/transferReference.ts). On unless turned off.
   */
  readonly outerTransferReference: boolean;
}

export interface SettingsPatch {
  /** Sets (or, with null, clears) one profile's SN shape. */
  readonly snShape?: { readonly profileId: string; readonly shape: SnShape | null };
  readonly activeProfileId?: string | null;
  readonly operatorName?: string;
  readonly sound?: Partial<SoundSettings>;
  readonly scanner?: Partial<ScannerSettings>;
  readonly language?: Language;
  readonly outerTransferReference?: boolean;
}

/** Inclusive bounds the settings form and main both enforce. */
export const settingsBounds = {
  operatorNameMaxLength: 32,
  maxInterKeyMs: { min: 5, max: 200 },
  minLength: { min: 1, max: 64 },
  bounceWindowMs: { min: 0, max: 5000 },
} as const;

export const defaultSettings: AppSettings = {
  snShapes: {},
  activeProfileId: null,
  operatorName: '',
  sound: { enabled: true, volume: 0.8 },
  scanner: {
    suffixKeys: ['Enter', 'NumpadEnter', 'Tab'],
    maxInterKeyMs: 35,
    minLength: 4,
    bounceWindowMs: 300,
  },
  language: 'zh-CN',
  outerTransferReference: true,
};
