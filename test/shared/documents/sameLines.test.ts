import { describe, expect, it } from 'vitest';
import {
  documentSpecs,
  outerOutSpec,
  outerTransferSpec,
  purchaseOrderSpec,
  purchaseReturnSpec,
  uploadSnSpec,
} from '../../../src/shared/documents';
import { mergeLines, sumExactly } from '../../../src/shared/documents/mergeLines';
import type { DocumentDraft, DocumentSpec, RawRecord } from '../../../src/shared/spec';
import { hasErrors, validateDocument } from '../../../src/shared/validate';

const headers: Readonly<Record<string, RawRecord>> = {
  [outerOutSpec.method]: { warehouse_no: 'pos', is_check: false },
  [outerTransferSpec.method]: { from_warehouse_no: 'A', to_warehouse_no: 'B', mode: 2 },
  [purchaseReturnSpec.method]: { return_no: 'CR1', warehouse_no: 'W1' },
  [purchaseOrderSpec.method]: {
    provider_no: 'P1',
    receive_warehouse_nos: 'W1',
    expect_warehouse_no: 'W1',
    purchaser_name: 'lj',
  },
  [uploadSnSpec.method]: { stockout_no: 'CK1', order_type: 2 },
};

let serial = 0;

/** A valid line of product `spec_no` for each method (uploadSN lines carry SNs of their own). */
function lineOf(spec: DocumentSpec, specNo: string, extra: RawRecord = {}): RawRecord {
  serial += 1;
  const base: RawRecord =
    spec === uploadSnSpec
      ? { spec_no: specNo, sn_list: [`${specNo}-SN${serial}`] }
      : { spec_no: specNo, num: '1' };
  return { ...base, ...extra };
}

function check(spec: DocumentSpec, lines: readonly RawRecord[]) {
  const draft: DocumentDraft = { header: headers[spec.method] ?? {}, lines };
  return validateDocument(spec, draft);
}

const table = documentSpecs.map((spec) => ({ method: spec.method, spec }));

describe('lines equal in every identity field: refused with 合并 offered', () => {
  it.each(table)('$method', ({ spec }) => {
    const equal = [lineOf(spec, 'X'), lineOf(spec, 'Y'), lineOf(spec, 'X')];
    const result = check(spec, equal);
    const labels = spec.lineIdentity.fields.map((field) => field.label).join('、');
    expect(result.problems).toEqual([
      {
        path: { area: 'lines', row: 2, field: 'spec_no' },
        severity: 'error',
        message: expect.stringContaining(`与第1行的 ${labels} 都相同，ERP 不接受`) as string,
        fix: { kind: 'mergeLines', rows: [0, 2] },
      },
    ]);
    expect(result.problems[0]?.message).toContain('货品列表中有相同商家编码、货位、批次、有效期的货品');
    expect(result.document).toBeUndefined();
  });

  it('compares a yes/no left out as its default, no', () => {
    const result = check(outerOutSpec, [
      { spec_no: 'X', num: '1', defect: false },
      { spec_no: 'X', num: '2' },
    ]);
    expect(result.problems.map((problem) => problem.severity)).toEqual(['error']);
    const transfer = check(outerTransferSpec, [
      { spec_no: 'X', num: '1', defect: '0' },
      { spec_no: 'X', num: '2' },
    ]);
    expect(transfer.problems.map((problem) => problem.severity)).toEqual(['error']);
  });

  it('offers one merge for the whole group, on each repeated line', () => {
    const result = check(purchaseOrderSpec, [
      { spec_no: 'X', num: '1' },
      { spec_no: 'Y', num: '1' },
      { spec_no: 'X', num: '2' },
      { spec_no: 'X', num: '3' },
    ]);
    expect(result.problems.map((problem) => [problem.path, problem.fix])).toEqual([
      [
        { area: 'lines', row: 2, field: 'spec_no' },
        { kind: 'mergeLines', rows: [0, 2, 3] },
      ],
      [
        { area: 'lines', row: 3, field: 'spec_no' },
        { kind: 'mergeLines', rows: [0, 2, 3] },
      ],
    ]);
  });

  it('offers no one-click merge when other columns disagree, and says which', () => {
    const result = check(purchaseOrderSpec, [
      { spec_no: 'X', num: '1', price: '10' },
      { spec_no: 'X', num: '2', price: '12' },
    ]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.severity).toBe('error');
    expect(result.problems[0]?.fix).toBeUndefined();
    expect(result.problems[0]?.message).toContain('这几行的 税前单价 不同，请手工合并为一行');
  });
});

describe('one product on lines that differ otherwise: a notice naming the ERP setting, sent anyway', () => {
  // Each identity field besides the product, changed on the second line.
  const variants: readonly [DocumentSpec, RawRecord, string][] = [
    [outerOutSpec, { batch_no: 'B2' }, '批次编号'],
    [outerOutSpec, { expire_date: '2027-01-01' }, '有效期'],
    [outerOutSpec, { defect: true }, '是否残次品'],
    [outerTransferSpec, { batch_no: 'B2' }, '批次号'],
    [outerTransferSpec, { expire_date: '2027-01-01' }, '有效期'],
    [outerTransferSpec, { defect: 1 }, '是否残次品'],
    [purchaseReturnSpec, { position_no: 'P-02' }, '货位编号'],
    [purchaseReturnSpec, { batch_no: 'B2' }, '批次号'],
    [purchaseReturnSpec, { expire_date: '2027-01-01' }, '有效期'],
    [purchaseReturnSpec, { defect: 'true' }, '是否残次品'],
    [purchaseOrderSpec, { batch_no: 'B2' }, '批次号'],
    [purchaseOrderSpec, { expire_date: '2027-01-01' }, '有效期'],
    [uploadSnSpec, { defect: true }, '是否残次品'],
  ];
  const cases = variants.map(([spec, change, label]) => ({ method: spec.method, spec, change, label }));

  it.each(cases)('$method: differing in $label', ({ spec, change, label }) => {
    const result = check(spec, [lineOf(spec, 'X'), lineOf(spec, 'X', change)]);
    const product = spec.lineIdentity.fields[0].label;
    expect(result.problems).toEqual([
      {
        path: { area: 'lines', row: 1, field: 'spec_no' },
        severity: 'warning',
        message:
          `${product} "X" 已在第1行出现（${label} 不同）。ERP 是否接受取决于其设置` +
          '“允许添加相同的货品（货位、批次、有效期不同）”：未勾选时会拒绝（货品列表中有相同商家编码的货品！）',
      },
    ]);
    expect(hasErrors(result.problems)).toBe(false);
    expect(result.document?.lines).toHaveLength(2);
  });

  it('lets a stock-out of two batches of one product through', () => {
    const result = check(outerOutSpec, [
      { spec_no: 'X', num: '1', batch_no: 'B1' },
      { spec_no: 'X', num: '1', batch_no: 'B2' },
    ]);
    expect(result.document).toBeDefined();
  });
});

describe('合并', () => {
  it('adds the quantities and joins the SN lists, and the result is sendable (OuterOut)', () => {
    const lines: RawRecord[] = [
      { spec_no: 'X', num: '2', is_enable_sn: '1', sn_list: 'S1,S2', remark: '破损' },
      { spec_no: 'Y', num: '1' },
      { spec_no: 'X', num: '1', is_enable_sn: 1, sn_list: 'S3' },
    ];
    const fix = check(outerOutSpec, lines).problems[0]?.fix;
    expect(fix).toEqual({ kind: 'mergeLines', rows: [0, 2] });
    const merged = mergeLines(outerOutSpec, lines, fix?.rows ?? []);
    expect(merged).toEqual({
      ok: true,
      row: 0,
      lines: [
        { spec_no: 'X', num: '3', is_enable_sn: '1', sn_list: 'S1\nS2\nS3', remark: '破损' },
        { spec_no: 'Y', num: '1' },
      ],
    });
    if (!merged.ok) return;
    const after = check(outerOutSpec, merged.lines);
    expect(after.problems).toEqual([]);
  });

  it('adds Decimal(19,4) quantities exactly (OuterTransfer)', () => {
    const lines: RawRecord[] = [
      { spec_no: 'X', num: '0.1', batch_no: 'B1' },
      { spec_no: 'X', num: '0.2', batch_no: 'B1' },
    ];
    const merged = mergeLines(outerTransferSpec, lines, [0, 1]);
    expect(merged).toMatchObject({ ok: true, lines: [{ spec_no: 'X', num: '0.3', batch_no: 'B1' }] });
  });

  it('joins uploadSN lists and keeps the other lines in order', () => {
    const lines: RawRecord[] = [
      { spec_no: 'A', sn_list: ['A1'] },
      { spec_no: 'X', sn_list: ['X1', 'X2'] },
      { spec_no: 'B', sn_list: ['B1'] },
      { spec_no: 'X', sn_list: ['X3'], defect: 'false' },
    ];
    const merged = mergeLines(uploadSnSpec, lines, [1, 3]);
    expect(merged).toEqual({
      ok: true,
      row: 1,
      lines: [
        { spec_no: 'A', sn_list: ['A1'] },
        { spec_no: 'X', sn_list: 'X1\nX2\nX3', defect: 'false' },
        { spec_no: 'B', sn_list: ['B1'] },
      ],
    });
  });

  it('refuses rows that are no longer the same, that disagree, or that have errors', () => {
    const stale = mergeLines(
      purchaseReturnSpec,
      [
        { spec_no: 'X', num: '1' },
        { spec_no: 'X', num: '1', position_no: 'P2' },
      ],
      [0, 1],
    );
    expect(stale).toEqual({ ok: false, message: '这几行已经不再完全相同，不需要合并' });
    const disagree = mergeLines(
      purchaseReturnSpec,
      [
        { spec_no: 'X', num: '1', remark: '甲' },
        { spec_no: 'X', num: '1', remark: '乙' },
      ],
      [0, 1],
    );
    expect(disagree).toEqual({ ok: false, message: '这几行的 备注 不同，请手工合并' });
    const broken = mergeLines(
      purchaseReturnSpec,
      [
        { spec_no: 'X', num: '1' },
        { spec_no: 'X', num: 'abc' },
      ],
      [0, 1],
    );
    expect(broken).toEqual({ ok: false, message: '第2行的 出库数量 有错误，请先修正再合并' });
    expect(mergeLines(purchaseReturnSpec, [{ spec_no: 'X', num: '1' }], [0, 5])).toMatchObject({ ok: false });
  });

  it('sums in fixed point', () => {
    expect(sumExactly([0.1, 0.2])).toBe('0.3');
    expect(sumExactly([1.0001, 2])).toBe('3.0001');
    expect(sumExactly([5, -7.5])).toBe('-2.5');
    expect(sumExactly([123456789012345, 1])).toBe('123456789012346');
  });
});
