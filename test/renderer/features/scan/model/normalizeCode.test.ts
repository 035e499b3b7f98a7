import { describe, expect, it } from 'vitest';
import {
  findSnProblem,
  normalizeScannedValue,
} from '../../../../../src/renderer/features/scan/model/normalizeCode';

describe('normalizeScannedValue', () => {
  it('maps full-width ASCII and the ideographic space to their half-width forms', () => {
    expect(normalizeScannedValue('ＳＮ－００１２ａｂ！～')).toBe('SN-0012ab!~');
    expect(normalizeScannedValue('\u3000SN\u3000001\u3000')).toBe('SN 001');
  });

  it('removes zero-width characters, the BOM, the word joiner and C0/C1 controls', () => {
    expect(normalizeScannedValue('\uFEFFSN\u200B00\u200C1\u200D2\u2060')).toBe('SN0012');
    expect(normalizeScannedValue('SN\u0000\u001D0012\r\n')).toBe('SN0012');
    expect(normalizeScannedValue('\u0085SN\u009F0012\u007F')).toBe('SN0012');
  });

  it('trims surrounding spaces but keeps everything else, including non-ASCII letters', () => {
    expect(normalizeScannedValue('  SN-0012  ')).toBe('SN-0012');
    expect(normalizeScannedValue('批次Ａ1')).toBe('批次A1');
  });
});

describe('findSnProblem', () => {
  it('refuses inner whitespace, commas and over-long values; accepts ordinary codes', () => {
    expect(findSnProblem('SN 001', 100)).toBe('whitespace');
    expect(findSnProblem('SN,001', 100)).toBe('comma');
    expect(findSnProblem('X'.repeat(11), 10)).toBe('too-long');
    expect(findSnProblem('X'.repeat(10), 10)).toBeNull();
    expect(findSnProblem('0090x001', 100)).toBeNull();
  });
});
