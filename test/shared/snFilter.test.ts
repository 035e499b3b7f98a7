import { describe, expect, it } from 'vitest';
import { buildSnFilter, SnFilter } from '../../src/shared/snFilter';

const sent = Array.from({ length: 100_000 }, (_, i) => `SN${String(i).padStart(9, '0')}`);
const neverSent = Array.from({ length: 100_000 }, (_, i) => `NEW${String(i).padStart(8, '0')}`);

function filterOf(sns: readonly string[]): SnFilter {
  const filter = SnFilter.from(JSON.parse(JSON.stringify(buildSnFilter(sns))));
  if (filter === null) throw new Error('no filter');
  return filter;
}

describe('sent-SN filter', () => {
  it('holds every SN it was built from, after a trip through JSON (the IPC)', () => {
    const filter = filterOf(sent);
    expect(filter.count).toBe(sent.length);
    expect(sent.filter((sn) => !filter.mayHold(sn))).toEqual([]);
    // Main keys SNs trimmed; a scanned value with stray spaces is still found.
    expect(filter.mayHold(` ${sent[42] ?? ''} `)).toBe(true);
  });

  it('lets about 1 in 100 SNs that were never sent through to a lookup, no more', () => {
    const filter = filterOf(sent);
    const rate = neverSent.filter((sn) => filter.mayHold(sn)).length / neverSent.length;
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThan(0.02);
  });

  it('built from nothing, says of every SN that it was never sent', () => {
    const filter = filterOf([]);
    expect(neverSent.slice(0, 1000).some((sn) => filter.mayHold(sn))).toBe(false);
  });

  it('refuses data that is not a filter, so every SN is looked up instead', () => {
    expect(SnFilter.from(null)).toBeNull();
    expect(SnFilter.from({ bits: '', hashes: 7, count: 0 })).toBeNull();
    expect(SnFilter.from({ bits: '***not base64***', hashes: 7, count: 1 })).toBeNull();
    expect(SnFilter.from({ bits: 'AAAA', hashes: 0, count: 1 })).toBeNull();
    expect(SnFilter.from({ bits: 'AAAA', hashes: 7 })).toBeNull();
  });

  it('stays about 1.2 bytes per SN', () => {
    expect(buildSnFilter(sent).bits.length * 0.75).toBeLessThan(sent.length * 1.25);
  });
});
