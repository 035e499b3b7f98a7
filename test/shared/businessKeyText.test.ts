import { describe, expect, it } from 'vitest';
import { describeBusinessKey } from '../../src/shared/businessKeyText';
import { getSpec } from '../../src/shared/documents';

const OUTER_OUT = 'wms.outer.OuterOut.createOrder';
const TRANSFER = 'wms.outer.OuterTransfer.createByApi';
const RETURN = 'wms.stockout.PurchaseReturn.createOrder';
const UPLOAD_SN = 'wms.stockout.Base.uploadSN';
const PURCHASE = 'purchase.PurchaseOrder.createOrder';

describe('describeBusinessKey', () => {
  it('says an external number as 外部单号', () => {
    expect(describeBusinessKey(OUTER_OUT, 'order_no:WD-1')).toBe('外部单号 WD-1');
    expect(describeBusinessKey(PURCHASE, 'purchase_no:CG-9')).toBe('采购单编号 CG-9');
  });

  it('says a purchase return as its return number and line count', () => {
    const key = 'return_no:TH-7|details:[{"num":1,"spec_no":"A"},{"num":2,"spec_no":"B"}]';
    expect(describeBusinessKey(RETURN, key)).toBe('退货单 TH-7 · 2 行');
  });

  it('says an SN push as its stock-out number and SN count', () => {
    expect(describeBusinessKey(UPLOAD_SN, 'stockout_no:CK1|sn:["S1","S2","S3"]')).toBe('出库单 CK1 · 3 个SN');
  });

  it('says a transfer as its two warehouses and line count, from the key the spec really builds', () => {
    const spec = getSpec(TRANSFER);
    if (spec === undefined) throw new Error('no transfer spec');
    const key = spec.businessKey({
      header: { from_warehouse_no: 'A01', to_warehouse_no: 'B02' },
      lines: [
        { spec_no: 'X', num: 1 },
        { spec_no: 'Y', num: 2 },
      ],
    });
    expect(key.startsWith('content:')).toBe(true);
    expect(describeBusinessKey(TRANSFER, key)).toBe('调拨 A01→B02 · 2 行');
  });

  it('says a document without an external number by its warehouse', () => {
    const key = 'content:{"header":{"warehouse_no":"WH-SH01"},"lines":[{"num":2,"spec_no":"A"}]}';
    expect(describeBusinessKey(OUTER_OUT, key)).toBe('仓库 WH-SH01 · 1 行');
  });

  it('keeps a key it cannot read as written', () => {
    expect(describeBusinessKey(OUTER_OUT, 'content:{broken')).toBe('content:{broken');
    expect(describeBusinessKey(OUTER_OUT, 'plain')).toBe('plain');
  });
});
