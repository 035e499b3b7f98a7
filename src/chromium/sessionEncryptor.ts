/**
 * For `npm run start:chromium`, where there is no OS key store: real AES-256-GCM with a key that lives
 * only in this process. A secret entered there works until the window closes and is unreadable after
 * (the profile then asks for it again), so nothing usable is ever left on disk.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Encryptor } from '../main/encryptor';

const ivLength = 12;
const tagLength = 16;

export function createSessionEncryptor(): Encryptor {
  const key = randomBytes(32);
  return {
    isAvailable: () => true,
    backend: () => 'test',
    encrypt(plain) {
      const iv = randomBytes(ivLength);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    decrypt(bytes) {
      const data = Buffer.from(bytes);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, ivLength));
      decipher.setAuthTag(data.subarray(ivLength, ivLength + tagLength));
      return Buffer.concat([decipher.update(data.subarray(ivLength + tagLength)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
