import { describe, expect, it } from 'vitest';
import { documentSpecs, outerOutSpec, uploadSnSpec } from '../../../../../src/shared/documents';
import type { DocumentSpec, FieldSpec } from '../../../../../src/shared/spec';
import {
  lineScanSetup,
  linesWithScans,
  snRows,
} from '../../../../../src/renderer/features/scan/model/outerOutLineScan';
import {
  requirePerLineFields,
  requireScanFields,
  scanFieldsOf,
  scanKindOf,
} from '../../../../../src/renderer/features/scan/model/scanFields';
import { applyScan } from '../../../../../src/renderer/features/scan/model/scanState';
import { linesFromScan, scanFromLines } from '../../../../../src/renderer/features/scan/model/uploadSnLines';
import { refundSnSpec } from '../../../../recipe/refundSnSpec';

/** outerOut with every field the scan uses renamed, so only the spec's kinds and markers can find them. */
function renamedOuterOut(): DocumentSpec {
  const names: Readonly<Record<string, string>> = {
    spec_no: 'goods_code',
    num: 'qty',
    is_enable_sn: 'sn_on',
    sn_list: 'serials',
    defect: 'damaged',
  };
  const rename = (field: FieldSpec): FieldSpec => ({ ...field, key: names[field.key] ?? field.key });
  const identity = outerOutSpec.lineIdentity;
  const [first, ...rest] = identity.fields;
  return {
    ...outerOutSpec,
    method: 'test.renamed',
    lines: outerOutSpec.lines.map(rename),
    lineIdentity: {
      fields: [rename(first), ...rest.map(rename)],
      ...(identity.quantity ? { quantity: rename(identity.quantity) } : {}),
      ...(identity.sns ? { sns: rename(identity.sns) } : {}),
    },
  };
}

describe('the scan fields of a document, from its spec', () => {
  it('gives the five documents the scan they have: uploadSN scans its lines, OuterOut line by line', () => {
    expect(Object.fromEntries(documentSpecs.map((spec) => [spec.method, scanKindOf(spec)]))).toEqual({
      'wms.outer.OuterOut.createOrder': 'per-line',
      'wms.outer.OuterTransfer.createByApi': null,
      'wms.stockout.PurchaseReturn.createOrder': null,
      'purchase.PurchaseOrder.createOrder': null,
      'wms.stockout.Base.uploadSN': 'lines',
    });
    expect(scanFieldsOf(uploadSnSpec)).toEqual({ sn: 'sn_list', product: 'spec_no', defect: 'defect' });
  });

  it('finds renamed fields by kind and marker, not by name', () => {
    const spec = renamedOuterOut();
    expect(scanKindOf(spec)).toBe('per-line');
    expect(scanFieldsOf(spec)).toEqual({
      sn: 'serials',
      product: 'goods_code',
      quantity: 'qty',
      snSwitch: 'sn_on',
      defect: 'damaged',
    });
    // Without its switch a document with a quantity scans its lines as a whole, as the recipe's does.
    expect(scanKindOf(refundSnSpec)).toBe('lines');
    expect(scanFieldsOf(refundSnSpec)).toEqual({ sn: 'serial_nos', product: 'spec_no', quantity: 'num' });
  });

  it('reads and writes the lines of a whole-lines scan under the spec keys', () => {
    const keys = requireScanFields(refundSnSpec);
    const rebuilt = scanFromLines([{ spec_no: 'A', num: '2', serial_nos: 'S1,S2' }], null, keys);
    const scanned = applyScan(rebuilt.state, 'S3', 'scanner').state;
    expect(linesFromScan(scanned, rebuilt.fields, keys)).toEqual([
      { num: '2', spec_no: 'A', serial_nos: ['S1', 'S2', 'S3'] },
    ]);
  });

  it('scans the switched-on lines of a per-line document under the spec keys', () => {
    const keys = requirePerLineFields(renamedOuterOut());
    const lines = [
      { goods_code: 'A', qty: '1', sn_on: '0' },
      { goods_code: 'B', qty: '', sn_on: '1', serials: 'S1' },
    ];
    expect(snRows(keys, lines)).toEqual([1]);
    const setup = lineScanSetup(keys, lines, 1, true);
    const scanned = applyScan(setup.state, 'S2', 'scanner').state;
    expect(linesWithScans(keys, lines, scanned, setup.rows, true)[1]).toEqual({
      goods_code: 'B',
      qty: '2',
      sn_on: '1',
      serials: 'S1\nS2',
    });
  });
});
