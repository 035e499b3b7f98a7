/**
 * The seam between the vault and the OS key store. In the app an edge file wraps Electron's safeStorage in
 * an Encryptor; tests and the Chromium harness use createTestEncryptor. Secrets are kept on disk only as
 * a versioned envelope around the encryptor's bytes, never as text.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
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

export const ENVELOPE_VERSION = 1;

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

// ---------------------------------------------------------------------------------------------------------
// The test encryptor: real AES-256-GCM under a fixed key, so stored bytes are genuinely not the plaintext
// and a fresh instance (a "restart") can read what an earlier one wrote. Never use it in the shipped app.

export type TestEncryptorMode =
  /** Encrypts and decrypts; backend 'test', which the vault accepts. */
  | 'secure'
  /** Works, but reports 'basic_text' like safeStorage on Linux without a keyring. */
  | 'basic_text'
  /** isAvailable() is false; encrypt and decrypt throw, as safeStorage does. */
  | 'unavailable'
  /** Encrypts with a different key, so anything written before cannot be decrypted (another user). */
  | 'keyLost';

export interface TestEncryptor extends Encryptor {
  /** Switch behaviour mid-test, e.g. to lose the key after secrets were stored. */
  setMode(mode: TestEncryptorMode): void;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyFrom(label: string): Buffer {
  return createHash('sha256').update(`wdt-desk test encryptor: ${label}`).digest();
}

const testKey = keyFrom('the one key');
const lostKeyReplacement = keyFrom('a different user');

export function createTestEncryptor(initialMode: TestEncryptorMode = 'secure'): TestEncryptor {
  let mode = initialMode;
  const key = (): Buffer => (mode === 'keyLost' ? lostKeyReplacement : testKey);
  const ensureAvailable = (): void => {
    if (mode === 'unavailable') throw new Error('Encryption is not available.');
  };
  return {
    setMode(next) {
      mode = next;
    },
    isAvailable: () => mode !== 'unavailable',
    backend: () => (mode === 'unavailable' ? 'unavailable' : mode === 'basic_text' ? 'basic_text' : 'test'),
    encrypt(plain) {
      ensureAvailable();
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    decrypt(bytes) {
      ensureAvailable();
      const buffer = Buffer.from(bytes);
      if (buffer.length < IV_BYTES + TAG_BYTES) throw new Error('Ciphertext too short.');
      const decipher = createDecipheriv('aes-256-gcm', key(), buffer.subarray(0, IV_BYTES));
      decipher.setAuthTag(buffer.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([
        decipher.update(buffer.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
