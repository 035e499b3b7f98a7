/**
 * The seam between the vault and the OS key store. In the app an edge file wraps Electron's safeStorage in
 * an Encryptor; tests and the Chromium harness pass in their own. Secrets are kept on disk only as a
 * versioned envelope around the encryptor's bytes, never as text.
 */
import { protectionBackends, type ProtectionBackend } from '../shared/profile';

export interface Encryptor {
  /** False when the OS cannot encrypt at all (safeStorage.isEncryptionAvailable()). */
  isAvailable(): boolean;
  /** Which key store protects what encrypt() returns. */
  backend(): ProtectionBackend;
  encrypt(plain: string): Uint8Array;
  /** Throws when the bytes cannot be decrypted (wrong user, lost key, tampering). */
  decrypt(bytes: Uint8Array): string;
}

/** Backends that do not actually protect anything: storing a secret through them would be a lie. */
const insecureBackends: ReadonlySet<ProtectionBackend> = new Set(['basic_text', 'unavailable']);

/**
 * Why no secret may be stored through this encryptor, in Chinese for the user, or null when it is safe.
 * No plaintext fallback exists: the caller refuses to store instead.
 */
export function encryptionRefusal(encryptor: Encryptor): string | null {
  if (!encryptor.isAvailable() || encryptor.backend() === 'unavailable') {
    return '系统未提供凭证加密功能。为安全起见，不保存应用密钥。';
  }
  if (insecureBackends.has(encryptor.backend())) {
    return '系统未提供安全的凭证加密（Linux 需要密钥环，例如 GNOME 密钥环或 KDE 钱包）。为安全起见，不保存应用密钥。';
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// The envelope stored in the key-value store.

const ENVELOPE_VERSION = 1;

export interface SecretEnvelope {
  readonly v: typeof ENVELOPE_VERSION;
  readonly backend: ProtectionBackend;
  /** base64 of the encryptor's bytes. */
  readonly data: string;
}

const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$/;

/** The envelope if `value` is a well-formed one, else null (corrupt, unknown version, hand-edited). */
export function parseEnvelope(value: unknown): SecretEnvelope | null {
  if (typeof value !== 'object' || value === null) return null;
  const { v, backend, data } = value as Record<string, unknown>;
  if (v !== ENVELOPE_VERSION) return null;
  if (typeof backend !== 'string' || !(protectionBackends as readonly string[]).includes(backend))
    return null;
  if (typeof data !== 'string' || data.length % 4 !== 0 || !base64Pattern.test(data)) return null;
  return { v, backend: backend as ProtectionBackend, data };
}

/** Encrypts `plain` into an envelope. The caller must have checked encryptionRefusal() first. */
export function sealSecret(encryptor: Encryptor, plain: string): SecretEnvelope {
  const bytes = encryptor.encrypt(plain);
  return { v: ENVELOPE_VERSION, backend: encryptor.backend(), data: Buffer.from(bytes).toString('base64') };
}

/** The plaintext, or null when the envelope is corrupt or no longer decrypts. Never throws. */
export function openSecret(encryptor: Encryptor, stored: unknown): string | null {
  const envelope = parseEnvelope(stored);
  if (envelope === null) return null;
  try {
    return encryptor.decrypt(Buffer.from(envelope.data, 'base64'));
  } catch {
    // Deliberately swallowed: decryption errors may echo input bytes, and the caller only needs to know
    // that the user must enter the secret again.
    return null;
  }
}
