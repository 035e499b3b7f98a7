import { describe, expect, it } from 'vitest';
import { buildArgs } from '../../../src/shared/args';
import { documentSpecs } from '../../../src/shared/documents';
import { carriesSns, snLineFields, snsInArgs } from '../../../src/shared/documents/snFields';
import { nestedSnSpec, noSnSpec, twoFieldSnSpec } from './madeUpSnSpecs';

describe('SN fields come from the spec', () => {
  it('the SN documents today are exactly the two whose lines have an snList field', () => {
    expect(documentSpecs.filter(carriesSns).map((spec) => spec.method)).toEqual([
      'wms.outer.OuterOut.createOrder',
      'wms.stockout.Base.uploadSN',
    ]);
  });

  it('finds the SNs of a made-up document in the lines nested in its header', () => {
    expect(snLineFields(nestedSnSpec).map((field) => field.key)).toEqual(['serials']);
    const args = buildArgs(nestedSnSpec, {
      header: { order_no: 'T-1' },
      lines: [
        { goods_no: 'G1', serials: ['SN-1', 'SN-2'] },
        { goods_no: 'G2', serials: ['SN-3'] },
      ],
    });
    expect(args).toHaveLength(1);
    expect(snsInArgs(nestedSnSpec, args)).toEqual(['SN-1', 'SN-2', 'SN-3']);
  });

  it('reads every SN field of a line, comma-joined or listed, trimmed, blanks dropped', () => {
    const args = buildArgs(twoFieldSnSpec, {
      header: { order_no: 'T-2', is_check: '1' },
      lines: [{ goods_no: 'G1', serial_a: [' A1', 'A2 ', ''], serial_b: ['B1'] }],
    });
    expect(args[1]).toEqual([{ goods_no: 'G1', serial_a: ' A1,A2 ,', serial_b: ['B1'] }]);
    expect(snsInArgs(twoFieldSnSpec, args)).toEqual(['A1', 'A2', 'B1']);
  });

  it('finds none where the spec has no snList field, whatever the lines hold', () => {
    expect(carriesSns(noSnSpec)).toBe(false);
    expect(snsInArgs(noSnSpec, [{ order_no: 'T-3' }, [{ goods_no: 'G', sn_list: 'SN-9' }]])).toEqual([]);
  });

  it('finds none in arguments not laid out as the spec lays them out', () => {
    expect(snsInArgs(nestedSnSpec, [{ order_no: 'T-4' }, [{ serials: ['SN-1'] }]])).toEqual([]);
    expect(snsInArgs(twoFieldSnSpec, { goods: [{ serial_a: 'SN-1' }] })).toEqual([]);
    expect(snsInArgs(twoFieldSnSpec, undefined)).toEqual([]);
  });
});
