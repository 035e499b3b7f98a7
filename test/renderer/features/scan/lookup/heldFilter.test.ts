/**
 * The filter the scan views hold (heldFilter.ts, behind both the sent-SN and the catalog code filters): one
 * fetch however many views ask, no stale filter installed after main said its content changed, and no filter
 * at all (every value looked up) when main cannot give one.
 */
import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../../../src/shared/result';
import { buildSnFilter, type SnFilterData } from '../../../../../src/shared/snFilter';
import { holdFilter } from '../../../../../src/renderer/features/scan/lookup/heldFilter';

/** A fetch from main that answers only when the test says so. */
function pendingFetches() {
  const answers: ((result: Result<SnFilterData>) => void)[] = [];
  const fetch = () => new Promise<Result<SnFilterData>>((resolve) => answers.push(resolve));
  return { fetch, answers };
}

describe('a filter held from main', () => {
  it('is fetched once however many views ask, and held from then on', async () => {
    const { fetch, answers } = pendingFetches();
    const held = holdFilter(fetch);
    expect(held.current()).toBeNull();
    const first = held.load();
    const second = held.load();
    expect(answers).toHaveLength(1);
    answers[0]?.(ok(buildSnFilter(['SN1'])));
    await Promise.all([first, second]);
    expect(held.current()?.mayHold('SN1')).toBe(true);
    await held.load();
    expect(answers).toHaveLength(1);
  });

  it('never installs a filter asked for before a drop, and fetches anew after it', async () => {
    const { fetch, answers } = pendingFetches();
    const held = holdFilter(fetch);
    const stale = held.load();
    held.drop();
    const fresh = held.load();
    expect(answers).toHaveLength(2);
    answers[0]?.(ok(buildSnFilter(['OLD'])));
    await stale;
    expect(held.current()).toBeNull();
    answers[1]?.(ok(buildSnFilter(['NEW'])));
    await fresh;
    expect(held.current()?.mayHold('NEW')).toBe(true);
    held.drop();
    expect(held.current()).toBeNull();
  });

  it('holds none when main fails or refuses, and asks again next time', async () => {
    let calls = 0;
    const held = holdFilter(() => {
      calls++;
      return calls === 1
        ? Promise.reject(new Error('bridge gone'))
        : Promise.resolve(fail('INTERNAL', '内部错误'));
    });
    await held.load();
    expect(held.current()).toBeNull();
    await held.load();
    expect(held.current()).toBeNull();
    expect(calls).toBe(2);
  });
});
