import { expect, it } from 'vitest';
import { createRedactor, redactLogged } from '../../src/main/redactOutgoing';
import { REDACTION } from '../../src/main/journal/forbidden';

const salt = 'Salt/With+Url=Chars';
const secret = 'SecretPartOfTheKey';

it('replaces every secret, in every form, in every string of a reply, keys included', () => {
  let forbidden: string[] = [secret, salt];
  const redact = createRedactor(() => forbidden);
  const bytes = new Uint8Array([1, 2, 3]);
  const reply = {
    ok: true,
    value: {
      message: `签名错误 ${salt}`,
      bodyExcerpt: `<p>/openapi?x=${encodeURIComponent(salt)}</p>`,
      nested: [{ [secret]: JSON.stringify({ s: salt }) }],
      bytes,
      count: 3,
    },
  };
  const safe = redact(reply);
  expect(JSON.stringify(safe)).not.toContain(salt);
  expect(JSON.stringify(safe)).not.toContain(encodeURIComponent(salt));
  expect(JSON.stringify(safe)).not.toContain(secret);
  expect(safe.value.message).toBe(`签名错误 ${REDACTION}`);
  // Export bytes pass as they are; the original reply is left alone.
  expect(safe.value.bytes).toBe(bytes);
  expect(reply.value.message).toContain(salt);
  // The list is read at each call: a profile added later is covered at once.
  forbidden = [];
  expect(redact(reply)).toBe(reply);
});

it('ignores strings too short to be secrets', () => {
  expect(createRedactor(() => ['abc'])('abc and more')).toBe('abc and more');
});

it('keeps a log line whole unless it holds a secret', () => {
  const harmless = new Error('disk full');
  expect(redactLogged(harmless, [salt])).toBe(harmless);
  const leaking = new Error('bad answer', { cause: new Error(`echo ${salt}`) });
  const logged = redactLogged(leaking, [salt]);
  expect(typeof logged).toBe('string');
  expect(String(logged)).toContain('bad answer');
  expect(String(logged)).not.toContain(salt);
});
