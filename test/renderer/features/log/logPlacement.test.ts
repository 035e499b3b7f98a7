import { describe, expect, it } from 'vitest';
import { placeEntry } from '../../../../src/renderer/features/log/logPlacement';
import { makeEntry } from '../../support/logFakeBridge';

const loaded = [makeEntry(1), makeEntry(3), makeEntry(5)];

describe('placing a changed entry in the loaded list', () => {
  it('inserts by time, newest first, inside the loaded range', () => {
    const placed = placeEntry({ rows: loaded, total: 10 }, makeEntry(4), true, false);
    expect(placed.rows.map((row) => row.businessKey)).toEqual([
      'OUT00001',
      'OUT00003',
      'OUT00004',
      'OUT00005',
    ]);
    expect(placed.total).toBe(11);
  });

  it('leaves an entry older than everything loaded to the next page, but counts it', () => {
    const placed = placeEntry({ rows: loaded, total: 10 }, makeEntry(9), true, false);
    expect(placed.rows).toBe(loaded);
    expect(placed.total).toBe(11);
  });

  it('appends an older entry when every match is already loaded', () => {
    const placed = placeEntry({ rows: loaded, total: 3 }, makeEntry(9), true, false);
    expect(placed.rows.at(-1)?.businessKey).toBe('OUT00009');
    expect(placed.total).toBe(4);
  });

  it('does not count twice an unloaded entry that was counted before its result arrived', () => {
    expect(placeEntry({ rows: loaded, total: 10 }, makeEntry(9), true, true).total).toBe(10);
    expect(placeEntry({ rows: loaded, total: 10 }, makeEntry(9), false, true).total).toBe(9);
  });
});
