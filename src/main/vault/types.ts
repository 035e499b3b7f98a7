/**
 * The vault's contract (vault.ts implements it): what it hands out and what it depends on. Kept apart so
 * the implementation file holds only the logic.
 */
import type {
  ProfileInput,
  ProfilePatch,
  ProfileSummary,
  ProtectionBackend,
  VaultResult,
} from '../../shared/profile';
import type { Encryptor } from '../encryptor';
import type { KeyValueStore } from '../keyValueStore';
import type { ActiveProfilePointer } from '../settings';
import type { ProxyLogin, ProxySetting } from './proxy';

/** What signing needs. Main-internal: never sent to the renderer, logged, or put in an error. */
export interface Credentials {
  readonly url: string;
  readonly sid: string;
  readonly appkey: string;
  readonly appsecret: string;
}

export interface VaultDependencies {
  readonly store: KeyValueStore;
  readonly encryptor: Encryptor;
  /** Where the active profile id is kept (the settings' activeProfileId: activeProfilePointer(settings)). */
  readonly activeProfile: ActiveProfilePointer;
  /** The built-in simulator's address and demo credentials; it may start the simulator on demand. */
  readonly practiceCredentials: () => Promise<Credentials>;
  readonly newId?: () => string;
}

interface ProtectionStatus {
  readonly backend: ProtectionBackend;
  /** Whether a new secret can be stored now. */
  readonly canStoreSecrets: boolean;
  /** Why not, in Chinese, for the settings screen's warning; null when secrets can be stored. */
  readonly warning: string | null;
}

export interface Vault {
  listProfiles(): readonly ProfileSummary[];
  /** The active profile; the practice profile when none was chosen or the chosen one is gone. */
  getActive(): ProfileSummary;
  setActive(id: string): VaultResult<ProfileSummary>;
  createProfile(input: ProfileInput): VaultResult<ProfileSummary>;
  /** An absent or empty `appsecret` keeps the stored one. */
  updateProfile(id: string, patch: ProfilePatch): VaultResult<ProfileSummary>;
  renameProfile(id: string, name: string): VaultResult<ProfileSummary>;
  /** Returns the remaining profiles; deleting the active one makes the practice profile active. */
  deleteProfile(id: string): VaultResult<readonly ProfileSummary[]>;
  protectionStatus(): ProtectionStatus;
  /** MAIN-INTERNAL. The only function that returns a secret; for signing requests. */
  credentialsFor(id: string): Promise<VaultResult<Credentials>>;
  /**
   * MAIN-INTERNAL. Every stored appsecret, secret and salt, for the redaction of what leaves main
   * (redactOutgoing.ts) and nothing else.
   */
  forbiddenStrings(): readonly string[];
  /**
   * MAIN-INTERNAL. How a profile's calls leave this PC, and the stored proxy login (password in plain
   * text) for a proxy that asks for one; null when none is stored or it no longer decrypts.
   */
  networkFor(id: string): VaultResult<ProfileNetwork>;
}

/** MAIN-INTERNAL: what the network layer needs of a profile. */
export interface ProfileNetwork {
  readonly proxy: ProxySetting;
  readonly proxyLogin: () => ProxyLogin | null;
}
