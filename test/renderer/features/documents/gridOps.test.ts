import { describe, expect, it } from 'vitest';
import {
  columnTotal,
  duplicateRow,
  insertRow,
  pasteBlock,
  removeRow,
  setCell,
  splitSns,
  trimTrailingEmptyRows,
} from '../../../../src/renderer/features/documents/gridOps';

const keys = ['spec_no', 'num', 'remark'];

describe('pasteBlock', () => {
  it('fills cells from the active cell and adds rows as needed', () => {
    const lines = [{ spec_no: 'OLD', num: '1' }];
    const result = pasteBlock(lines, keys, { row: 0, col: 0 }, [
      ['A', '2'],
      ['B', '3'],
      ['C', '4'],
    ]);
    expect(result.lines).toEqual([
      { spec_no: 'A', num: '2' },
      { spec_no: 'B', num: '3' },
      { spec_no: 'C', num: '4' },
    ]);
    expect(result.rowsAdded).toBe(2);
    expect(lines).toEqual([{ spec_no: 'OLD', num: '1' }]);
  });

  it('starts at a middle column and keeps the other cells of each row', () => {
    const result = pasteBlock([{ spec_no: 'A', remark: 'keep' }], keys, { row: 0, col: 1 }, [['5']]);
    expect(result.lines).toEqual([{ spec_no: 'A', num: '5', remark: 'keep' }]);
  });

  it('drops cells right of the last column and counts them', () => {
    const result = pasteBlock([], keys, { row: 0, col: 2 }, [['r', 'x', 'y']]);
    expect(result.lines).toEqual([{ remark: 'r' }]);
    expect(result.cellsDropped).toBe(2);
  });
});

describe('row operations', () => {
  const lines = [{ spec_no: 'A' }, { spec_no: 'B' }];
  it('inserts, duplicates and removes without touching the original', () => {
    expect(insertRow(lines, 1)).toEqual([{ spec_no: 'A' }, {}, { spec_no: 'B' }]);
    expect(duplicateRow(lines, 0)).toEqual([{ spec_no: 'A' }, { spec_no: 'A' }, { spec_no: 'B' }]);
    expect(removeRow(lines, 0)).toEqual([{ spec_no: 'B' }]);
    expect(lines).toHaveLength(2);
  });

  it('a duplicated row is a copy, not the same object', () => {
    const copy = duplicateRow(lines, 0);
    expect(copy[1]).not.toBe(copy[0]);
  });

  it('setCell changes only the edited row object', () => {
    const next = setCell(lines, 1, 'num', '3');
    expect(next[0]).toBe(lines[0]);
    expect(next[1]).toEqual({ spec_no: 'B', num: '3' });
  });

  it('drops only the empty rows at the end', () => {
    const trimmed = trimTrailingEmptyRows([{ spec_no: 'A' }, {}, { spec_no: 'B' }, {}, { remark: '  ' }]);
    expect(trimmed).toEqual([{ spec_no: 'A' }, {}, { spec_no: 'B' }]);
  });
});

describe('totals', () => {
  it('sums numeric cells, ignoring blanks and text, without float noise', () => {
    expect(
      columnTotal([{ num: '0.1' }, { num: '0.2' }, { num: '' }, { num: 'abc' }, { num: 3 }], 'num'),
    ).toBe(3.3);
  });

  it('counts SNs written one per line or comma-separated', () => {
    expect(splitSns('A1\r\nA2, A3，A4\n\n')).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(splitSns(['X', ' '])).toEqual(['X']);
  });
});
