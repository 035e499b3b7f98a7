import { describe, expect, it } from 'vitest';
import {
  outerOutSpec,
  outerTransferSpec,
  purchaseOrderSpec,
  purchaseReturnSpec,
  uploadSnSpec,
} from '../../src/shared/documents';
import type { DocumentDraft, DocumentSpec, ProblemPath, RawRecord } from '../../src/shared/spec';
import { validateDocument } from '../../src/shared/validate';

function draft(header: RawRecord, ...lines: RawRecord[]): DocumentDraft {
  return { header, lines };
}

function problemsOf(spec: DocumentSpec, doc: DocumentDraft): { path: ProblemPath; message: string }[] {
  return validateDocument(spec, doc).problems.map(({ path, message }) => ({ path, message }));
}

interface RuleCase {
  readonly rule: string;
  readonly spec: DocumentSpec;
  readonly broken: DocumentDraft;
  readonly expected: { path: ProblemPath; message: string }[];
  readonly fixed: DocumentDraft;
}

const outerOut = { warehouse_no: 'pos', is_check: false };
const transfer = { from_warehouse_no: 'A', to_warehouse_no: 'B' };
const purchaseReturn = { return_no: 'CR1', warehouse_no: 'W1' };
const purchaseOrder = {
  provider_no: 'P1',
  receive_warehouse_nos: 'W1',
  expect_warehouse_no: 'W1',
  purchaser_name: 'lj',
};
const upload = { stockout_no: 'CK1', order_type: 2 };
const header = (field: string): ProblemPath => ({ area: 'header', field });
const line = (row: number, field: string): ProblemPath => ({ area: 'lines', row, field });

const cases: readonly RuleCase[] = [
  {
    rule: 'OuterOut: is_check is a required positional flag',
    spec: outerOutSpec,
    broken: draft({ warehouse_no: 'pos' }, { spec_no: 'A', num: 1 }),
    expected: [{ path: header('is_check'), message: '是否审核 不能为空' }],
    fixed: draft({ warehouse_no: 'pos', is_check: 'true' }, { spec_no: 'A', num: 1 }),
  },
  {
    rule: 'OuterOut: src_order_no required for 调拨出库 (2)',
    spec: outerOutSpec,
    broken: draft({ ...outerOut, src_order_type: 2 }, { spec_no: 'A', num: 1 }),
    expected: [
      {
        path: header('src_order_no'),
        message: '源单号 不能为空（源单类型 为 2（调拨出库）或 14（采购退货出库）时必须填写）',
      },
    ],
    fixed: draft({ ...outerOut, src_order_type: 2, src_order_no: 'DB001' }, { spec_no: 'A', num: 1 }),
  },
  {
    rule: 'OuterOut: src_order_no required for 采购退货出库 (14), not for 调整出库 (0)',
    spec: outerOutSpec,
    broken: draft({ ...outerOut, src_order_type: '14' }, { spec_no: 'A', num: 1 }),
    expected: [
      {
        path: header('src_order_no'),
        message: '源单号 不能为空（源单类型 为 2（调拨出库）或 14（采购退货出库）时必须填写）',
      },
    ],
    fixed: draft({ ...outerOut, src_order_type: '0' }, { spec_no: 'A', num: 1 }),
  },
  {
    rule: 'OuterOut: with SN on, the SN count equals num',
    spec: outerOutSpec,
    broken: draft(outerOut, { spec_no: 'A', num: 2, is_enable_sn: 1, sn_list: 'S1' }),
    expected: [{ path: line(0, 'sn_list'), message: '序列号列表 有1个序列号，必须与 数量（2）一致' }],
    fixed: draft(outerOut, { spec_no: 'A', num: 2, is_enable_sn: 1, sn_list: 'S1,S2' }),
  },
  {
    rule: 'OuterOut: with SN on, SNs must be given',
    spec: outerOutSpec,
    broken: draft(outerOut, { spec_no: 'A', num: 1, is_enable_sn: '1' }),
    expected: [{ path: line(0, 'sn_list'), message: '序列号列表 不能为空（已开启序列号）' }],
    fixed: draft(outerOut, { spec_no: 'A', num: 1, is_enable_sn: '1', sn_list: ['S1'] }),
  },
  {
    rule: 'OuterOut: SNs only when SN is on',
    spec: outerOutSpec,
    broken: draft(outerOut, { spec_no: 'A', num: 1, is_enable_sn: 0, sn_list: 'S1' }),
    expected: [{ path: line(0, 'sn_list'), message: '序列号列表 只能在 是否开启序列号 为 1（开启）时填写' }],
    fixed: draft(outerOut, { spec_no: 'A', num: 1, is_enable_sn: 0 }),
  },
  {
    rule: 'OuterOut: SNs are distinct within a line',
    spec: outerOutSpec,
    broken: draft(outerOut, { spec_no: 'A', num: 2, is_enable_sn: 1, sn_list: 'S1,S1' }),
    expected: [{ path: line(0, 'sn_list'), message: '序列号列表 中序列号 "S1" 重复' }],
    fixed: draft(outerOut, { spec_no: 'A', num: 2, is_enable_sn: 1, sn_list: 'S1,S2' }),
  },
  {
    rule: 'OuterOut: an SN may appear in one line only',
    spec: outerOutSpec,
    broken: draft(
      outerOut,
      { spec_no: 'A', num: 1, is_enable_sn: 1, sn_list: 'S1' },
      { spec_no: 'B', num: 1, is_enable_sn: 1, sn_list: 'S1' },
    ),
    expected: [{ path: line(1, 'sn_list'), message: '序列号列表 中序列号 "S1" 与第1行重复' }],
    fixed: draft(
      outerOut,
      { spec_no: 'A', num: 1, is_enable_sn: 1, sn_list: 'S1' },
      { spec_no: 'B', num: 1, is_enable_sn: 1, sn_list: 'S2' },
    ),
  },
  {
    rule: 'OuterTransfer: batch_no only with mode 2/4',
    spec: outerTransferSpec,
    broken: draft({ ...transfer, mode: 1 }, { spec_no: 'A', num: 1, batch_no: 'B1' }),
    expected: [
      { path: line(0, 'batch_no'), message: '批次号 只在 调拨方案 为 2 或 4（明细调拨）时有效，当前为 1' },
    ],
    fixed: draft({ ...transfer, mode: 2 }, { spec_no: 'A', num: 1, batch_no: 'B1' }),
  },
  {
    rule: 'OuterTransfer: expire_date only with mode 2/4',
    spec: outerTransferSpec,
    broken: draft({ ...transfer, mode: '3' }, { spec_no: 'A', num: 1, expire_date: '2026-01-01' }),
    expected: [
      { path: line(0, 'expire_date'), message: '有效期 只在 调拨方案 为 2 或 4（明细调拨）时有效，当前为 3' },
    ],
    fixed: draft({ ...transfer, mode: '4' }, { spec_no: 'A', num: 1, expire_date: '2026-01-01' }),
  },
  {
    rule: 'OuterTransfer: mode is required and one of 1..4',
    spec: outerTransferSpec,
    broken: draft({ ...transfer, mode: 5 }, { spec_no: 'A', num: 1 }),
    expected: [
      {
        path: header('mode'),
        message:
          '调拨方案 必须是以下之一：1（外仓单品调拨（出+入））、2（外仓明细调拨（出+入））、3（外仓单品调拨（出+入+接口））、4（外仓明细调拨（出+入+接口））',
      },
    ],
    fixed: draft({ ...transfer, mode: '外仓单品调拨（出+入）' }, { spec_no: 'A', num: 1 }),
  },
  {
    rule: 'OuterTransfer: defect is a 0/1 flag, num a positive Decimal(19,4)',
    spec: outerTransferSpec,
    broken: draft({ ...transfer, mode: 1 }, { spec_no: 'A', num: '0', defect: 2 }),
    expected: [
      { path: line(0, 'num'), message: '调拨数量 必须大于0' },
      { path: line(0, 'defect'), message: '是否残次品 必须是 0 或 1（否/是）' },
    ],
    fixed: draft({ ...transfer, mode: 1 }, { spec_no: 'A', num: '0.5', defect: '1' }),
  },
  {
    rule: 'PurchaseReturn: num is a positive Decimal(19,4) with at most 4 places; defect a boolean',
    spec: purchaseReturnSpec,
    broken: draft(purchaseReturn, { spec_no: 'A', num: '1.00001', defect: 1 }, { spec_no: 'B', num: -2 }),
    expected: [
      { path: line(0, 'num'), message: '出库数量 最多4位小数' },
      { path: line(1, 'num'), message: '出库数量 必须大于0' },
    ],
    fixed: draft(purchaseReturn, { spec_no: 'A', num: '1.0001', defect: 1 }, { spec_no: 'B', num: 2 }),
  },
  {
    rule: 'PurchaseReturn: return_no and warehouse_no are required, logistics_code at most 60',
    spec: purchaseReturnSpec,
    broken: draft({ logistics_code: '物'.repeat(61) }, { spec_no: 'A', num: 1 }),
    expected: [
      { path: header('return_no'), message: '采购退货单号 不能为空' },
      { path: header('warehouse_no'), message: '仓库编号 不能为空' },
      { path: header('logistics_code'), message: '物流编码 最多60个字符（现有61个）' },
    ],
    fixed: draft({ ...purchaseReturn, logistics_code: '物'.repeat(60) }, { spec_no: 'A', num: 1 }),
  },
  {
    rule: 'PurchaseOrder: lines are optional but checked when present',
    spec: purchaseOrderSpec,
    broken: draft(purchaseOrder, { spec_no: 'A', num: '1.5' }),
    expected: [{ path: line(0, 'num'), message: '采购数量 必须是大于0的整数' }],
    fixed: draft(purchaseOrder),
  },
  {
    rule: 'PurchaseOrder: discount within (0, 1]',
    spec: purchaseOrderSpec,
    broken: draft(
      purchaseOrder,
      { spec_no: 'A', num: 1, discount: '0' },
      { spec_no: 'B', num: 1, discount: 8 },
    ),
    expected: [
      { path: line(0, 'discount'), message: '折扣 必须大于0且不超过1' },
      { path: line(1, 'discount'), message: '折扣 必须大于0且不超过1' },
    ],
    fixed: draft(
      purchaseOrder,
      { spec_no: 'A', num: 1, discount: '0.1' },
      { spec_no: 'B', num: 1, discount: 1 },
    ),
  },
  {
    rule: 'PurchaseOrder: expect_time and created are real yyyy-MM-dd HH:mm:ss times',
    spec: purchaseOrderSpec,
    broken: draft({ ...purchaseOrder, expect_time: '2021-07-10 10:35', created: '2021-02-30 10:30:01' }),
    expected: [
      {
        path: header('expect_time'),
        message: '预计到货时间 格式必须是 yyyy-MM-dd HH:mm:ss（例如 2021-07-10 10:30:01）',
      },
      { path: header('created'), message: '创建时间 不是真实的日期时间：2021-02-30 10:30:01' },
    ],
    fixed: draft({ ...purchaseOrder, expect_time: '2021-07-10 10:35:00', created: '2021-02-28 10:30:01' }),
  },
  {
    rule: 'PurchaseOrder: required header fields and provider_no at most 20',
    spec: purchaseOrderSpec,
    broken: draft({ ...purchaseOrder, provider_no: 'P'.repeat(21), purchaser_name: ' ', is_check: '审核' }),
    expected: [
      { path: header('provider_no'), message: '供应商编号 最多20个字符（现有21个）' },
      { path: header('purchaser_name'), message: '采购员 不能为空' },
      { path: header('is_check'), message: '是否要审核 必须是 是/否（true/false）' },
    ],
    fixed: draft({ ...purchaseOrder, is_check: true }),
  },
  {
    rule: 'uploadSN: order_type is one of 2, 5, 14, 21',
    spec: uploadSnSpec,
    broken: draft({ ...upload, order_type: 3 }, { spec_no: 'A', sn_list: ['S1'] }),
    expected: [
      {
        path: header('order_type'),
        message:
          '单据类型 必须是以下之一：2（调拨出库）、5（生产原料出库）、14（采购退货出库）、21（其他出库）',
      },
    ],
    fixed: draft({ ...upload, order_type: '21' }, { spec_no: 'A', sn_list: ['S1'] }),
  },
  {
    rule: 'uploadSN: sn_list is a non-empty list',
    spec: uploadSnSpec,
    broken: draft(upload, { spec_no: 'A', sn_list: [] }, { spec_no: 'B', sn_list: ['S2', ''] }),
    expected: [
      { path: line(0, 'sn_list'), message: 'sn列表 不能为空' },
      { path: line(1, 'sn_list'), message: 'sn列表 第2个序列号为空' },
    ],
    fixed: draft(upload, { spec_no: 'A', sn_list: ['S1'] }, { spec_no: 'B', sn_list: ['S2', 'S3'] }),
  },
  {
    rule: 'uploadSN: an SN may appear in one line only',
    spec: uploadSnSpec,
    broken: draft(upload, { spec_no: 'A', sn_list: ['S1', 'S2'] }, { spec_no: 'B', sn_list: ['S2', 'S1'] }),
    expected: [{ path: line(1, 'sn_list'), message: 'sn列表 中序列号 "S2" 等2个序列号 与第1行重复' }],
    fixed: draft(upload, { spec_no: 'A', sn_list: ['S1', 'S2'] }, { spec_no: 'B', sn_list: ['S3', 'S4'] }),
  },
];

describe('cross-field and per-method rules', () => {
  it.each(cases)('$rule', ({ spec, broken, expected, fixed }) => {
    expect(problemsOf(spec, broken)).toEqual(expected);
    expect(problemsOf(spec, fixed)).toEqual([]);
  });
});

describe('the same spec_no twice in one document', () => {
  const withRepeatedSpec: readonly [DocumentSpec, DocumentDraft, string][] = [
    [
      outerOutSpec,
      draft(outerOut, { spec_no: 'X', num: 1 }, { spec_no: 'Y', num: 1 }, { spec_no: 'X', num: 2 }),
      '商家编码',
    ],
    [
      outerTransferSpec,
      draft(
        { ...transfer, mode: 1 },
        { spec_no: 'X', num: 1 },
        { spec_no: 'Y', num: 1 },
        { spec_no: 'X', num: 1, defect: 1 },
      ),
      '商家编码',
    ],
    [
      purchaseReturnSpec,
      draft(purchaseReturn, { spec_no: 'X', num: 1 }, { spec_no: 'Y', num: 1 }, { spec_no: 'X', num: 1 }),
      '单品信息',
    ],
    [
      purchaseOrderSpec,
      draft(purchaseOrder, { spec_no: 'X', num: 1 }, { spec_no: 'Y', num: 1 }, { spec_no: 'X', num: 1 }),
      '商家编码',
    ],
    [
      uploadSnSpec,
      draft(
        upload,
        { spec_no: 'X', sn_list: ['1'] },
        { spec_no: 'Y', sn_list: ['2'] },
        { spec_no: 'X', sn_list: ['3'] },
      ),
      '商家编码',
    ],
  ];

  const table = withRepeatedSpec.map(([spec, doc, label]) => ({ method: spec.method, spec, doc, label }));
  it.each(table)('$method: flagged on the later row, naming the first row', ({ spec, doc, label }) => {
    expect(problemsOf(spec, doc)).toEqual([
      { path: line(2, 'spec_no'), message: `${label} "X" 与第1行重复` },
    ]);
    const distinct = { ...doc, lines: doc.lines.map((row, index) => ({ ...row, spec_no: `S${index}` })) };
    expect(problemsOf(spec, distinct)).toEqual([]);
  });
});
