import { describe, expect, it } from 'vitest';
import {
  outerOutSpec,
  outerTransferSpec,
  purchaseOrderSpec,
  purchaseReturnSpec,
  uploadSnSpec,
} from '../../../src/shared/documents';
import type { DocumentDraft, DocumentSpec, ProblemPath, RawRecord } from '../../../src/shared/spec';
import { validateDocument } from '../../../src/shared/validate';

function draft(header: RawRecord, ...lines: RawRecord[]): DocumentDraft {
  return { header, lines };
}

interface Found {
  readonly path: ProblemPath;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

function problemsOf(spec: DocumentSpec, doc: DocumentDraft): Found[] {
  return validateDocument(spec, doc).problems.map(({ path, message, severity }) => ({
    path,
    message,
    severity,
  }));
}

/**
 * One case per rule the vendor pages state (severity 'error': the document is not sent) or per notice for
 * what a page leaves open ('warning': shown, and the document is still sent).
 */
interface RuleCase {
  readonly rule: string;
  readonly spec: DocumentSpec;
  readonly broken: DocumentDraft;
  readonly expected: Found[];
  readonly fixed: DocumentDraft;
}

const error = (path: ProblemPath, message: string): Found => ({ path, message, severity: 'error' });
const notice = (path: ProblemPath, message: string): Found => ({ path, message, severity: 'warning' });

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

const nonPositive = (label: string, value: string): string =>
  `${label} 为 ${value}，通常应大于0；接口文档未说明是否允许，ERP 可能拒绝，请确认`;

const cases: readonly RuleCase[] = [
  {
    rule: 'OuterOut: is_check is a required positional flag (是否审核 · 必须 是)',
    spec: outerOutSpec,
    broken: draft({ warehouse_no: 'pos' }, { spec_no: 'A', num: 1 }),
    expected: [error(header('is_check'), '是否审核 不能为空')],
    fixed: draft({ warehouse_no: 'pos', is_check: 'true' }, { spec_no: 'A', num: 1 }),
  },
  {
    rule: 'OuterOut: src_order_no required for 调拨出库 (2) (源单类型为2和14需传源单号)',
    spec: outerOutSpec,
    broken: draft({ ...outerOut, src_order_type: 2 }, { spec_no: 'A', num: 1 }),
    expected: [
      error(
        header('src_order_no'),
        '源单号 不能为空（源单类型 为 2（调拨出库）或 14（采购退货出库）时必须填写）',
      ),
    ],
    fixed: draft({ ...outerOut, src_order_type: 2, src_order_no: 'DB001' }, { spec_no: 'A', num: 1 }),
  },
  {
    rule: 'OuterOut: src_order_no required for 采购退货出库 (14), not for 调整出库 (0)',
    spec: outerOutSpec,
    broken: draft({ ...outerOut, src_order_type: '14' }, { spec_no: 'A', num: 1 }),
    expected: [
      error(
        header('src_order_no'),
        '源单号 不能为空（源单类型 为 2（调拨出库）或 14（采购退货出库）时必须填写）',
      ),
    ],
    fixed: draft({ ...outerOut, src_order_type: '0' }, { spec_no: 'A', num: 1 }),
  },
  {
    rule: 'OuterOut: with SN on, the SN count equals num (开启序列号后序列号数量要与出库数量保持一致)',
    spec: outerOutSpec,
    broken: draft(outerOut, { spec_no: 'A', num: 2, is_enable_sn: 1, sn_list: 'S1' }),
    expected: [error(line(0, 'sn_list'), '序列号列表 有1个序列号，必须与 数量（2）一致')],
    fixed: draft(outerOut, { spec_no: 'A', num: 2, is_enable_sn: 1, sn_list: 'S1,S2' }),
  },
  {
    rule: 'OuterOut: with SN on, SNs must be given',
    spec: outerOutSpec,
    broken: draft(outerOut, { spec_no: 'A', num: 1, is_enable_sn: '1' }),
    expected: [error(line(0, 'sn_list'), '序列号列表 不能为空（已开启序列号）')],
    fixed: draft(outerOut, { spec_no: 'A', num: 1, is_enable_sn: '1', sn_list: ['S1'] }),
  },
  {
    rule: 'OuterOut: SNs with SN off are a notice (the page states no rule for them)',
    spec: outerOutSpec,
    broken: draft(outerOut, { spec_no: 'A', num: 1, is_enable_sn: 0, sn_list: 'S1' }),
    expected: [
      notice(
        line(0, 'sn_list'),
        '序列号列表 只在 是否开启序列号 为 1（开启）时使用；现在未开启，ERP 可能不使用这些序列号',
      ),
    ],
    fixed: draft(outerOut, { spec_no: 'A', num: 1, is_enable_sn: 0 }),
  },
  {
    rule: 'OuterOut: a repeated SN within a line is a notice',
    spec: outerOutSpec,
    broken: draft(outerOut, { spec_no: 'A', num: 2, is_enable_sn: 1, sn_list: 'S1,S1' }),
    expected: [notice(line(0, 'sn_list'), '序列号列表 中序列号 "S1" 出现了不止一次，请确认是否重复扫描')],
    fixed: draft(outerOut, { spec_no: 'A', num: 2, is_enable_sn: 1, sn_list: 'S1,S2' }),
  },
  {
    rule: 'OuterOut: an SN on two lines is a notice',
    spec: outerOutSpec,
    broken: draft(
      outerOut,
      { spec_no: 'A', num: 1, is_enable_sn: 1, sn_list: 'S1' },
      { spec_no: 'B', num: 1, is_enable_sn: 1, sn_list: 'S1' },
    ),
    expected: [notice(line(1, 'sn_list'), '序列号列表 中序列号 "S1" 与第1行重复，请确认')],
    fixed: draft(
      outerOut,
      { spec_no: 'A', num: 1, is_enable_sn: 1, sn_list: 'S1' },
      { spec_no: 'B', num: 1, is_enable_sn: 1, sn_list: 'S2' },
    ),
  },
  {
    rule: 'OuterOut: num is an Int; 0 or less is a notice (the page does not say it must be positive)',
    spec: outerOutSpec,
    broken: draft(outerOut, { spec_no: 'A', num: '0' }, { spec_no: 'B', num: '1.5' }),
    expected: [notice(line(0, 'num'), nonPositive('数量', '0')), error(line(1, 'num'), '数量 必须是整数')],
    fixed: draft(outerOut, { spec_no: 'A', num: '1' }, { spec_no: 'B', num: '2' }),
  },
  {
    rule: 'OuterTransfer: batch_no in mode 1 is a notice (批次号 mode=2/4有效)',
    spec: outerTransferSpec,
    broken: draft({ ...transfer, mode: 1 }, { spec_no: 'A', num: 1, batch_no: 'B1' }),
    expected: [
      notice(
        line(0, 'batch_no'),
        '批次号 只在 调拨方案 为 2 或 4（明细调拨）时由 ERP 使用；当前为 1，ERP 不会按它调拨',
      ),
    ],
    fixed: draft({ ...transfer, mode: 2 }, { spec_no: 'A', num: 1, batch_no: 'B1' }),
  },
  {
    rule: 'OuterTransfer: expire_date in mode 3 is a notice (有效期 mode=2/4有效)',
    spec: outerTransferSpec,
    broken: draft({ ...transfer, mode: '3' }, { spec_no: 'A', num: 1, expire_date: '2026-01-01' }),
    expected: [
      notice(
        line(0, 'expire_date'),
        '有效期 只在 调拨方案 为 2 或 4（明细调拨）时由 ERP 使用；当前为 3，ERP 不会按它调拨',
      ),
    ],
    fixed: draft({ ...transfer, mode: '4' }, { spec_no: 'A', num: 1, expire_date: '2026-01-01' }),
  },
  {
    rule: 'OuterTransfer: mode is required and one of 1..4',
    spec: outerTransferSpec,
    broken: draft({ ...transfer, mode: 5 }, { spec_no: 'A', num: 1 }),
    expected: [
      error(
        header('mode'),
        '调拨方案 必须是以下之一：1（外仓单品调拨（出+入））、2（外仓明细调拨（出+入））、3（外仓单品调拨（出+入+接口））、4（外仓明细调拨（出+入+接口））',
      ),
    ],
    fixed: draft({ ...transfer, mode: '外仓单品调拨（出+入）' }, { spec_no: 'A', num: 1 }),
  },
  {
    rule: 'OuterTransfer: mode left out is refused (required, no default)',
    spec: outerTransferSpec,
    broken: draft(transfer, { spec_no: 'A', num: 1 }),
    expected: [error(header('mode'), '调拨方案 不能为空')],
    fixed: draft({ ...transfer, mode: 2 }, { spec_no: 'A', num: 1 }),
  },
  {
    rule: 'OuterTransfer: defect is a 0/1 flag, num a Decimal(19,4) (0 a notice)',
    spec: outerTransferSpec,
    broken: draft({ ...transfer, mode: 1 }, { spec_no: 'A', num: '0', defect: 2 }),
    expected: [
      notice(line(0, 'num'), nonPositive('调拨数量', '0')),
      error(line(0, 'defect'), '是否残次品 必须是 0 或 1（否/是）'),
    ],
    fixed: draft({ ...transfer, mode: 1 }, { spec_no: 'A', num: '0.5', defect: '1' }),
  },
  {
    rule: 'PurchaseReturn: num is a Decimal(19,4) with at most 4 places (negative a notice); defect a boolean',
    spec: purchaseReturnSpec,
    broken: draft(purchaseReturn, { spec_no: 'A', num: '1.00001', defect: 1 }, { spec_no: 'B', num: -2 }),
    expected: [
      error(line(0, 'num'), '出库数量 最多4位小数'),
      notice(line(1, 'num'), nonPositive('出库数量', '-2')),
    ],
    fixed: draft(purchaseReturn, { spec_no: 'A', num: '1.0001', defect: 1 }, { spec_no: 'B', num: 2 }),
  },
  {
    rule: 'PurchaseReturn: return_no and warehouse_no are required, logistics_code at most 60',
    spec: purchaseReturnSpec,
    broken: draft({ logistics_code: '物'.repeat(61) }, { spec_no: 'A', num: 1 }),
    expected: [
      error(header('return_no'), '采购退货单号 不能为空'),
      error(header('warehouse_no'), '仓库编号 不能为空'),
      error(header('logistics_code'), '物流编码 最多60个字符（现有61个）'),
    ],
    fixed: draft({ ...purchaseReturn, logistics_code: '物'.repeat(60) }, { spec_no: 'A', num: 1 }),
  },
  {
    rule: 'PurchaseOrder: lines are optional (purchase_details · N) but checked when present',
    spec: purchaseOrderSpec,
    broken: draft(purchaseOrder, { spec_no: 'A', num: '1.5' }),
    expected: [error(line(0, 'num'), '采购数量 必须是整数')],
    fixed: draft(purchaseOrder),
  },
  {
    rule: 'PurchaseOrder: discount greater than 0 (折扣应大于0), with no upper bound',
    spec: purchaseOrderSpec,
    broken: draft(
      purchaseOrder,
      { spec_no: 'A', num: 1, discount: '0' },
      { spec_no: 'B', num: 1, discount: -0.5 },
    ),
    expected: [error(line(0, 'discount'), '折扣 必须大于0'), error(line(1, 'discount'), '折扣 必须大于0')],
    fixed: draft(
      purchaseOrder,
      { spec_no: 'A', num: 1, discount: '0.1' },
      { spec_no: 'B', num: 1, discount: 8 },
    ),
  },
  {
    rule: 'PurchaseOrder: expect_time and created are real yyyy-MM-dd HH:mm:ss times',
    spec: purchaseOrderSpec,
    broken: draft({ ...purchaseOrder, expect_time: '7月10日上午', created: '2021-02-30 10:30:01' }),
    expected: [
      error(header('expect_time'), '预计到货时间 格式必须是 yyyy-MM-dd HH:mm:ss（例如 2021-07-10 10:30:01）'),
      error(header('created'), '创建时间 不是真实的日期时间：2021-02-30 10:30:01'),
    ],
    fixed: draft({ ...purchaseOrder, expect_time: '2021-07-10 10:35:00', created: '2021-02-28 10:30:01' }),
  },
  {
    rule: 'PurchaseOrder: required header fields and provider_no at most 20',
    spec: purchaseOrderSpec,
    broken: draft({ ...purchaseOrder, provider_no: 'P'.repeat(21), purchaser_name: ' ', is_check: '审核' }),
    expected: [
      error(header('provider_no'), '供应商编号 最多20个字符（现有21个）'),
      error(header('purchaser_name'), '采购员 不能为空'),
      error(header('is_check'), '是否要审核 必须是 是/否（true/false）'),
    ],
    fixed: draft({ ...purchaseOrder, is_check: true }),
  },
  {
    rule: 'uploadSN: order_type is one of 2, 5, 14, 21',
    spec: uploadSnSpec,
    broken: draft({ ...upload, order_type: 3 }, { spec_no: 'A', sn_list: ['S1'] }),
    expected: [
      error(
        header('order_type'),
        '单据类型 必须是以下之一：2（调拨出库）、5（生产原料出库）、14（采购退货出库）、21（其他出库）',
      ),
    ],
    fixed: draft({ ...upload, order_type: '21' }, { spec_no: 'A', sn_list: ['S1'] }),
  },
  {
    rule: 'uploadSN: sn_list is a non-empty list',
    spec: uploadSnSpec,
    broken: draft(upload, { spec_no: 'A', sn_list: [] }, { spec_no: 'B', sn_list: ['S2', ''] }),
    expected: [
      error(line(0, 'sn_list'), 'SN列表 不能为空'),
      error(line(1, 'sn_list'), 'SN列表 第2个序列号为空'),
    ],
    fixed: draft(upload, { spec_no: 'A', sn_list: ['S1'] }, { spec_no: 'B', sn_list: ['S2', 'S3'] }),
  },
  {
    rule: 'uploadSN: an SN on two lines is a notice',
    spec: uploadSnSpec,
    broken: draft(upload, { spec_no: 'A', sn_list: ['S1', 'S2'] }, { spec_no: 'B', sn_list: ['S2', 'S1'] }),
    expected: [notice(line(1, 'sn_list'), 'SN列表 中序列号 "S2" 等2个序列号 与第1行重复，请确认')],
    fixed: draft(upload, { spec_no: 'A', sn_list: ['S1', 'S2'] }, { spec_no: 'B', sn_list: ['S3', 'S4'] }),
  },
];

describe('cross-field and per-method rules', () => {
  it.each(cases)('$rule', ({ spec, broken, expected, fixed }) => {
    expect(problemsOf(spec, broken)).toEqual(expected);
    expect(problemsOf(spec, fixed)).toEqual([]);
    // A notice never stops the send; an error always does.
    const blocked = expected.some((found) => found.severity === 'error');
    expect(validateDocument(spec, broken).document === undefined).toBe(blocked);
  });
});
