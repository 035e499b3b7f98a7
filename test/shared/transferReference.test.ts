/** The outer transfer's 核对 reference: stable per entry, different per send, always kept in the remark. */
import { describe, expect, it } from 'vitest';
import {
  argsWithTransferReference,
  referenceInRemark,
  remarkWithReference,
  TRANSFER_REMARK_MAX_LENGTH,
  transferReferenceFor,
} from '../../src/shared/transferReference';

describe('transfer reference', () => {
  it('is the same for the same entry and differs between sends', () => {
    const id = '20261120T020000123Z-3f9a1c';
    expect(transferReferenceFor(id)).toBe(transferReferenceFor(id));
    expect(transferReferenceFor(id)).toMatch(/^#[0-9A-HJKMNP-TV-Z]{6}$/);
    const ids = Array.from({ length: 2000 }, (_, i) => `20261120T0200${String(i).padStart(5, '0')}Z-3f9a1c`);
    expect(new Set(ids.map(transferReferenceFor)).size).toBe(ids.length);
  });

  it('goes at the end of the remark and is found there again', () => {
    const reference = transferReferenceFor('x');
    expect(remarkWithReference('月底补货', reference)).toBe(`月底补货 ${reference}`);
    expect(remarkWithReference(undefined, reference)).toBe(reference);
    expect(referenceInRemark(`月底补货 ${reference}`)).toBe(reference);
    expect(referenceInRemark('月底补货')).toBeUndefined();
    expect(referenceInRemark('单号#ABCDEF')).toBeUndefined();
  });

  it('a remark too long for both keeps the reference and loses its own end', () => {
    const reference = transferReferenceFor('y');
    const remark = remarkWithReference('备'.repeat(300), reference);
    expect(remark).toHaveLength(TRANSFER_REMARK_MAX_LENGTH);
    expect(remark.endsWith(`… ${reference}`)).toBe(true);
    expect(referenceInRemark(remark)).toBe(reference);
  });

  it('only an outer transfer’s header gets it', () => {
    const reference = transferReferenceFor('z');
    const lines = [{ spec_no: 'A', num: 1 }];
    expect(
      argsWithTransferReference('wms.outer.OuterTransfer.createByApi', [{ mode: 1 }, lines], reference),
    ).toEqual([{ mode: 1, remark: reference }, lines]);
    expect(
      argsWithTransferReference('wms.outer.OuterOut.createOrder', [{ remark: 'r' }, lines], reference),
    ).toEqual([{ remark: 'r' }, lines]);
  });
});
