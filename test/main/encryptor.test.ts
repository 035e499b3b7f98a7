import { describe, expect, it } from 'vitest';
import { encryptionRefusal, openSecret, parseEnvelope, sealSecret } from '../../src/main/encryptor';
import { createTestEncryptor } from '../support/testEncryptor';

const plain = 'abc123secret:salt456';

describe('encryptionRefusal', () => {
  it('refuses basic_text and unavailable in Chinese, accepts a real backend', () => {
    expect(encryptionRefusal(createTestEncryptor('basic_text'))).toContain('Linux 需要密钥环');
    expect(encryptionRefusal(createTestEncryptor('unavailable'))).toContain('不保存应用密钥');
    expect(encryptionRefusal(createTestEncryptor())).toBeNull();
  });
});

describe('the envelope', () => {
  it('round-trips through seal and open and names its backend', () => {
    const encryptor = createTestEncryptor();
    const envelope = sealSecret(encryptor, plain);
    expect(envelope).toMatchObject({ v: 1, backend: 'test' });
    expect(JSON.stringify(envelope)).not.toContain('salt456');
    expect(openSecret(encryptor, JSON.parse(JSON.stringify(envelope)))).toBe(plain);
  });

  it.each([
    ['not an object', 'text'],
    ['unknown version', { v: 2, backend: 'test', data: 'AAAA' }],
    ['unknown backend', { v: 1, backend: 'rot13', data: 'AAAA' }],
    ['not base64', { v: 1, backend: 'test', data: 'not base64!' }],
  ])('rejects %s', (_label, value) => {
    expect(parseEnvelope(value)).toBeNull();
    expect(openSecret(createTestEncryptor(), value)).toBeNull();
  });

  it('opens to null, without throwing, when decryption fails', () => {
    const envelope = sealSecret(createTestEncryptor(), plain);
    expect(openSecret(createTestEncryptor('keyLost'), envelope)).toBeNull();
    expect(openSecret(createTestEncryptor('unavailable'), envelope)).toBeNull();
  });
});
