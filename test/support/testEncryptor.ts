/**
 * The test encryptor: real AES-256-GCM under a fixed key, so stored bytes are genuinely not the plaintext
 * and a fresh instance (a "restart") can read what an earlier one wrote. It lives under test/ because a
 * fixed key must never reach the shipped app; `npm run start:chromium` uses src/chromium/sessionEncryptor.ts.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Encryptor } from '../../src/main/encryptor';

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
