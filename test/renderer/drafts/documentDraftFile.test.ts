import { describe, expect, it } from 'vitest';
import { draftToJson, readDraftData } from '../../../src/renderer/drafts/documentDraftFile';

describe('a document draft on disk', () => {
  it('a saved draft reads back as it was written', () => {
    const data = {
      version: 1 as const,
      header: { warehouse_no: 'W1', is_check: true },
      lines: [{ spec_no: 'A', num: '2', sn_list: ['S1', 'S2'] }],
      activeCell: { row: 0, col: 1 },
    };
    expect(readDraftData(JSON.parse(JSON.stringify(draftToJson(data))))).toEqual(data);
  });

  it('an unreadable draft yields nothing instead of breaking the screen', () => {
    expect(readDraftData(null)).toBeUndefined();
    expect(readDraftData({ version: 99, header: {}, lines: [] })).toBeUndefined();
    expect(readDraftData({ version: 1, header: 'x', lines: [] })).toBeUndefined();
    const odd = readDraftData({
      version: 1,
      header: { a: { nested: 1 }, b: 'ok' },
      lines: ['bad', { c: 1 }],
    });
    expect(odd).toEqual({ version: 1, header: { b: 'ok' }, lines: [{ c: 1 }] });
  });
});
