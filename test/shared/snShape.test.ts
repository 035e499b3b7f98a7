import { describe, expect, it } from 'vitest';
import {
  compileSnPattern,
  snShapeError,
  snShapeMismatch,
  suggestSnShape,
  type SnShape,
} from '../../src/shared/snShape';

const nineDigits: SnShape = { minLength: 9, maxLength: 9, pattern: 'SN[0-9]{7}' };

describe('SN shape', () => {
  it('says why a code is not an SN: its length, or the pattern', () => {
    expect(snShapeMismatch('SN1060001', nineDigits)).toBeNull();
    expect(snShapeMismatch('DFAQT107', nineDigits)).toBe('长度 8 位，SN 应为 9 位');
    expect(snShapeMismatch('DFAQT1070', nineDigits)).toBe('不符合 SN 格式');
    expect(snShapeMismatch('A1', { minLength: 4, maxLength: 20, pattern: '' })).toBe(
      '长度 2 位，SN 应为 4–20 位',
    );
  });

  it('matches the whole SN, not a part of it', () => {
    expect(compileSnPattern('[0-9]+')?.test('12AB')).toBe(false);
    expect(compileSnPattern('a|b')?.test('ab')).toBe(false);
  });

  it('refuses shapes that cannot be saved, with the reason in Chinese', () => {
    expect(snShapeError(nineDigits)).toBeNull();
    expect(snShapeError({ minLength: 10, maxLength: 9, pattern: '' })).toContain('不能大于');
    expect(snShapeError({ minLength: 0, maxLength: 9, pattern: '' })).toContain('整数');
    expect(snShapeError({ minLength: 1, maxLength: 9, pattern: 'SN[0-9' })).toContain('正则表达式');
  });

  it('suggests the narrowest shape that every SN sent before fits, and that a product code does not', () => {
    const sent = ['SN1060001', 'SN1060002', 'SN1070009', 'SN1080001', 'SN2000001'];
    const shape = suggestSnShape(sent);
    expect(shape).toEqual({ minLength: 9, maxLength: 9, pattern: 'SN[0-9]{7}' });
    if (shape === null) throw new Error('no suggestion');
    for (const sn of sent) expect(snShapeMismatch(sn, shape)).toBeNull();
    expect(snShapeMismatch('DFAQT107', shape)).not.toBeNull();
  });

  it('suggests a length range and character class where the SNs share no prefix', () => {
    const sent = ['8800123', 'A7B2C9D1', 'Z1Z1Z1Z1Z1', 'Q0000001', 'M55555555'];
    const shape = suggestSnShape(sent);
    expect(shape).toEqual({ minLength: 7, maxLength: 10, pattern: '[A-Z0-9]{7,10}' });
    for (const sn of sent) expect(shape && snShapeMismatch(sn, shape)).toBeNull();
  });

  it('escapes a shared prefix and keeps every sent SN fitting, whatever characters they hold', () => {
    const sent = ['X.1-a b', 'X.1-c d', 'X.1-e f', 'X.1-g h', 'X.1-ij'];
    const shape = suggestSnShape(sent);
    if (shape === null) throw new Error('no suggestion');
    expect(snShapeError(shape)).toBeNull();
    for (const sn of sent) expect(snShapeMismatch(sn, shape)).toBeNull();
    expect(snShapeMismatch('Y.1-a b', shape)).not.toBeNull();
  });

  it('gives no suggestion from fewer than five SNs', () => {
    expect(suggestSnShape(['SN1', 'SN2', 'SN3', 'SN4'])).toBeNull();
  });
});
