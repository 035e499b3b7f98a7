import { describe, expect, it } from 'vitest';
import { createTestEncryptor } from './testEncryptor';

const plain = 'abc123secret:salt456';

describe('the test encryptor', () => {
  it('really encrypts: the bytes are not the plaintext, differ each time, and a new instance decrypts them', () => {
    const first = createTestEncryptor().encrypt(plain);
    const second = createTestEncryptor().encrypt(plain);
    expect(Buffer.from(first).toString('latin1')).not.toContain('abc123');
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false);
    expect(createTestEncryptor().decrypt(first)).toBe(plain);
  });

  it('cannot decrypt after the key is lost, nor tampered bytes', () => {
    const encryptor = createTestEncryptor();
    const bytes = encryptor.encrypt(plain);
    const tampered = Uint8Array.from(bytes);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => encryptor.decrypt(tampered)).toThrow();
    encryptor.setMode('keyLost');
    expect(() => encryptor.decrypt(bytes)).toThrow();
  });

  it('simulates an unavailable key store like safeStorage: not available, and both directions throw', () => {
    const encryptor = createTestEncryptor('unavailable');
    expect(encryptor.isAvailable()).toBe(false);
    expect(encryptor.backend()).toBe('unavailable');
    expect(() => encryptor.encrypt(plain)).toThrow();
  });
});
