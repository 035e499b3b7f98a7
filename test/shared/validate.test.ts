import { describe, expect, it } from 'vitest';
import { outerOutSpec, purchaseOrderSpec } from '../../src/shared/documents';
import type { DocumentDraft } from '../../src/shared/spec';
import { hasErrors, validateDocument } from '../../src/shared/validate';

const validOuterOut: DocumentDraft = {
  header: { warehouse_no: 'pos', is_check: false },
  lines: [{ spec_no: 'DFAQT101', num: 2 }],
};

describe('validateDocument', () => {
  it('returns the normalized document, leaving out blank optional fields', () => {
    const result = validateDocument(outerOutSpec, {
      header: { warehouse_no: ' pos ', remark: '  ', order_no: null, is_check: '否', src_order_type: '0' },
      lines: [{ spec_no: 'DFAQT101', num: '2', defect: '是', batch_no: '' }],
    });
    expect(result.problems).toEqual([]);
    expect(result.document).toEqual({
      header: { warehouse_no: 'pos', src_order_type: 0, is_check: false },
      lines: [{ spec_no: 'DFAQT101', num: 2, defect: true }],
    });
  });

  it('returns every problem at once, each with its path and the field label', () => {
    const result = validateDocument(outerOutSpec, {
      header: {
        warehouse_no: '',
        remark: 'x'.repeat(300),
        src_order_type: 3,
        is_check: false,
        colour: 'red',
      },
      lines: [
        { spec_no: 'A', num: '五' },
        { spec_no: '', num: 0, weight: 3 },
      ],
    });
    expect(result.document).toBeUndefined();
    expect(result.problems).toEqual([
      { path: { area: 'header', field: 'warehouse_no' }, message: '仓库编号 不能为空', severity: 'error' },
      {
        path: { area: 'header', field: 'remark' },
        message: '备注 最多255个字符（现有300个）',
        severity: 'error',
      },
      {
        path: { area: 'header', field: 'src_order_type' },
        message: '源单类型 必须是以下之一：0（调整出库）、2（调拨出库）、14（采购退货出库）',
        severity: 'error',
      },
      { path: { area: 'header', field: 'colour' }, message: '未知字段 "colour"', severity: 'error' },
      { path: { area: 'lines', row: 0, field: 'num' }, message: '数量 必须是整数', severity: 'error' },
      { path: { area: 'lines', row: 1, field: 'spec_no' }, message: '商家编码 不能为空', severity: 'error' },
      {
        path: { area: 'lines', row: 1, field: 'num' },
        message: '数量 为 0，通常应大于0；接口文档未说明是否允许，ERP 可能拒绝，请确认',
        severity: 'warning',
      },
      { path: { area: 'lines', row: 1, field: 'weight' }, message: '未知字段 "weight"', severity: 'error' },
    ]);
    expect(hasErrors(result.problems)).toBe(true);
  });

  it('ignores an unknown key whose value is blank, since nothing would be sent', () => {
    const result = validateDocument(outerOutSpec, {
      ...validOuterOut,
      header: { ...validOuterOut.header, x: '' },
    });
    expect(result.problems).toEqual([]);
  });

  it('requires at least one line where the page requires the list', () => {
    const result = validateDocument(outerOutSpec, { ...validOuterOut, lines: [] });
    expect(result.problems).toEqual([
      { path: { area: 'lines' }, message: '单据明细 至少需要一行', severity: 'error' },
    ]);
  });

  it('accepts no lines where the page marks the list optional (PurchaseOrder)', () => {
    const result = validateDocument(purchaseOrderSpec, {
      header: {
        provider_no: 'P1',
        receive_warehouse_nos: 'W1',
        expect_warehouse_no: 'W1',
        purchaser_name: 'lj',
      },
      lines: [],
    });
    expect(result.problems).toEqual([]);
    expect(result.document?.lines).toEqual([]);
  });

  it('counts length in characters: 255 Chinese characters pass, 256 emoji do not', () => {
    const chinese = validateDocument(outerOutSpec, {
      ...validOuterOut,
      header: { ...validOuterOut.header, remark: '备'.repeat(255) },
    });
    expect(chinese.problems).toEqual([]);
    const emoji = validateDocument(outerOutSpec, {
      ...validOuterOut,
      header: { ...validOuterOut.header, remark: '📦'.repeat(256) },
    });
    expect(emoji.problems.map((problem) => problem.message)).toEqual(['备注 最多255个字符（现有256个）']);
  });

  it('lets a field’s own problem stand instead of a cross rule repeating it in other words', () => {
    const result = validateDocument(outerOutSpec, {
      ...validOuterOut,
      header: { ...validOuterOut.header, src_order_type: 2, src_order_no: 'N'.repeat(41) },
    });
    expect(result.problems.map((problem) => problem.message)).toEqual(['源单号 最多40个字符（现有41个）']);
  });

  it('hasErrors ignores warnings', () => {
    expect(hasErrors([{ path: { area: 'lines' }, message: '提示', severity: 'warning' }])).toBe(false);
    expect(hasErrors([])).toBe(false);
  });
});
