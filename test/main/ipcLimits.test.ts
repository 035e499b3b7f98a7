/**
 * Payload bounds at the IPC entry: a very deep or very large argument is refused as invalid, and the
 * dispatcher answers with a result instead of throwing; ordinary drafts pass untouched.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_DEPTH, payloadProblem } from '../../src/main/ipcLimits';
import { openTestCore } from '../support/appCore';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { child: value };
  return value;
}

describe('IPC payload bounds', () => {
  it('measures depth and size without recursing', () => {
    expect(payloadProblem(nested(MAX_PAYLOAD_DEPTH - 1))).toBeNull();
    expect(payloadProblem(nested(MAX_PAYLOAD_DEPTH + 1))).toBe('too-deep');
    expect(payloadProblem(nested(1_000_000))).toBe('too-deep');
    expect(payloadProblem({ a: 'x'.repeat(100) }, 64, 50)).toBe('too-large');
    expect(
      payloadProblem(
        Array.from({ length: 100 }, () => []),
        64,
        500,
      ),
    ).toBe('too-large');
  });

  it('refuses a 5,000-deep draft as invalid, answering instead of throwing', async () => {
    const test = await openTestCore();
    const reply = await test.core.dispatch(
      'saveDraft',
      { id: 'doc.deep', data: nested(5000) },
      { trustedSender: true },
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await test.core.dispatch('listDrafts', undefined, { trustedSender: true })).toEqual({
      ok: true,
      value: [],
    });
  });

  it('lets a 20,000-SN scan draft through', async () => {
    const test = await openTestCore();
    const sns = Array.from({ length: 20_000 }, (_, i) => `SN${String(i).padStart(10, '0')}`);
    const data = { v: 2, state: { lines: [{ specNo: 'A', sns: [sns], count: sns.length }] }, fields: [] };
    expect(payloadProblem(data)).toBeNull();
    const reply = await test.core.dispatch('saveDraft', { id: 'scan.big', data }, { trustedSender: true });
    expect(reply).toMatchObject({ ok: true });
  });
});
