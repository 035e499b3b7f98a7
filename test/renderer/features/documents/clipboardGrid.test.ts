import { describe, expect, it } from 'vitest';
import { isBlockPaste, parseClipboardGrid } from '../../../../src/renderer/features/documents/clipboardGrid';

describe('parseClipboardGrid (text as Excel puts it on the clipboard)', () => {
  it('reads tab-separated rows ending in CRLF, without an extra empty row at the end', () => {
    expect(parseClipboardGrid('A001\t2\r\nA002\t5\r\n')).toEqual([
      ['A001', '2'],
      ['A002', '5'],
    ]);
  });

  it('keeps empty cells in place, including trailing ones', () => {
    expect(parseClipboardGrid('A\t\tC\r\n\tB\t\r\n')).toEqual([
      ['A', '', 'C'],
      ['', 'B', ''],
    ]);
  });

  it('reads quoted cells holding line breaks, tabs and doubled quotes', () => {
    const text = '"SN1\nSN2"\t3\r\n"a\tb"\t"say ""hi"""\r\n';
    expect(parseClipboardGrid(text)).toEqual([
      ['SN1\nSN2', '3'],
      ['a\tb', 'say "hi"'],
    ]);
  });

  it('treats a quote that is not a whole-cell quote as text', () => {
    expect(parseClipboardGrid('"A" grade\t1\r\n12"\t2')).toEqual([
      ['"A" grade', '1'],
      ['12"', '2'],
    ]);
  });

  it('accepts LF-only and a last row without a line break', () => {
    expect(parseClipboardGrid('x\ty\nz\tw')).toEqual([
      ['x', 'y'],
      ['z', 'w'],
    ]);
  });

  it('keeps leading zeros and long digit strings as text', () => {
    expect(parseClipboardGrid('00123\t123456789012345678901\r\n')).toEqual([
      ['00123', '123456789012345678901'],
    ]);
  });

  it('tells a block from a single value', () => {
    expect(isBlockPaste('ABC')).toBe(false);
    expect(isBlockPaste('ABC\r\n')).toBe(false);
    expect(isBlockPaste('A\tB')).toBe(true);
    expect(isBlockPaste('A\r\nB\r\n')).toBe(true);
  });
});
