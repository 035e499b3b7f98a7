import { describe, expect, it } from 'vitest';
import { buildArgs, parseArgs } from '../../src/shared/args';
import {
  documentSpecs,
  getSpec,
  methodNames,
  outerOutSpec,
  outerTransferSpec,
  purchaseOrderSpec,
  purchaseReturnSpec,
  uploadSnSpec,
} from '../../src/shared/documents';
import type { DocumentDraft, DocumentSpec, NormalizedDocument, Problem } from '../../src/shared/spec';
import { validateDocument } from '../../src/shared/validate';

function normalize(spec: DocumentSpec, draft: DocumentDraft): NormalizedDocument {
  const result = validateDocument(spec, draft);
  expect(result.problems).toEqual([]);
  if (result.document === undefined) throw new Error('expected a valid document');
  return result.document;
}

/** Vendor JSON → checked document, failing the test on any problem. */
function fromArgs(spec: DocumentSpec, args: unknown): NormalizedDocument {
  const parsed = parseArgs(spec, args);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return normalize(spec, parsed.draft);
}

function parseProblems(spec: DocumentSpec, args: unknown): readonly Problem[] {
  const parsed = parseArgs(spec, args);
  return parsed.ok ? [] : parsed.problems;
}

describe('the registry', () => {
  it('lists the five methods in order and finds each by name', () => {
    expect(methodNames).toEqual([
      'wms.outer.OuterOut.createOrder',
      'wms.outer.OuterTransfer.createByApi',
      'wms.stockout.PurchaseReturn.createOrder',
      'purchase.PurchaseOrder.createOrder',
      'wms.stockout.Base.uploadSN',
    ]);
    for (const spec of documentSpecs) expect(getSpec(spec.method)).toBe(spec);
    expect(getSpec('wms.outer.OuterOut.delete')).toBeUndefined();
  });
});

describe('each vendor page example', () => {
  // What each page's own example becomes once checked: the page's fields in the page's order, numbers
  // as JSON numbers (the OuterTransfer page sends "2", "10" as strings; the ERP parses either).
  const expectedBodies: readonly [DocumentSpec, string][] = [
    [outerOutSpec, '[{"warehouse_no":"pos"},[{"spec_no":"DFAQT101","num":2}],false]'],
    [
      outerTransferSpec,
      '[{"create_mode":2,"from_warehouse_no":"daj-wms-wdt","to_warehouse_no":"lz-002","wms_edit":1,"mode":2,' +
        '"remark":"testMainRemark"},[{"spec_no":"daj1","num":10,"defect":0,"remark":"testDetailRemark"}]]',
    ],
    [
      purchaseReturnSpec,
      '[{"return_no":"1001","warehouse_no":"1001","create_mode":0},[{"spec_no":"daba1","num":1}]]',
    ],
    [
      purchaseOrderSpec,
      '[{"provider_no":"LCJtest","receive_warehouse_nos":"wdtapi3-test","expect_warehouse_no":"wdtapi3-test",' +
        '"purchaser_name":"lj","purchase_details":[{"spec_no":"hcf","num":1}]}]',
    ],
    [
      uploadSnSpec,
      '[{"stockout_no":"CK202307260007","order_type":2},[{"spec_no":"009","sn_list":["0090x001"]},' +
        '{"spec_no":"SNTEST","sn_list":["SNTEST0x001","SNTEST0x002"]}]]',
    ],
  ];
  const table = expectedBodies.map(([spec, body]) => ({ method: spec.method, spec, body }));

  it.each(table)('$method: parses, validates and builds the body the page shows', ({ spec, body }) => {
    const doc = fromArgs(spec, spec.example.args);
    expect(JSON.stringify(buildArgs(spec, doc))).toBe(body);
    // The built body is itself a valid request that parses back to the same document.
    expect(fromArgs(spec, JSON.parse(body))).toEqual(doc);
  });

  it('needed no adjustment on any page', () => {
    expect(documentSpecs.map((spec) => spec.example.adjustments)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('buildArgs', () => {
  it('sends OuterOut SNs as one comma-joined String and is_check as the third argument', () => {
    const doc = normalize(outerOutSpec, {
      header: { warehouse_no: 'pos', is_check: '是', src_order_type: '14', src_order_no: 'CG1' },
      lines: [{ spec_no: 'A', num: '2', is_enable_sn: '1', sn_list: 'S1\nS2', defect: 'false' }],
    });
    expect(JSON.stringify(buildArgs(outerOutSpec, doc))).toBe(
      '[{"warehouse_no":"pos","src_order_type":14,"src_order_no":"CG1"},' +
        '[{"spec_no":"A","num":2,"defect":false,"is_enable_sn":1,"sn_list":"S1,S2"}],true]',
    );
  });

  it('sends uploadSN SNs as a JSON array', () => {
    const doc = normalize(uploadSnSpec, {
      header: { stockout_no: 'CK1', order_type: '调拨出库' },
      lines: [{ spec_no: 'A', sn_list: 'S1,S2', defect: 0 }],
    });
    expect(buildArgs(uploadSnSpec, doc)).toEqual([
      { stockout_no: 'CK1', order_type: 2 },
      [{ spec_no: 'A', defect: false, sn_list: ['S1', 'S2'] }],
    ]);
  });

  it('nests PurchaseOrder details in params and leaves purchase_details out when there are none', () => {
    const header = {
      provider_no: 'P',
      receive_warehouse_nos: 'W',
      expect_warehouse_no: 'W',
      purchaser_name: 'lj',
    };
    expect(buildArgs(purchaseOrderSpec, normalize(purchaseOrderSpec, { header, lines: [] }))).toEqual([
      header,
    ]);
  });
});

describe('round trip: parseArgs(buildArgs(doc)) validates back to the same document', () => {
  const rich: readonly [DocumentSpec, DocumentDraft][] = [
    [
      outerOutSpec,
      {
        header: {
          warehouse_no: 'WH-01',
          remark: '月底盘亏 📦',
          order_no: 'OUT-0001',
          src_order_type: 2,
          src_order_no: 'DB-0001',
          reason: '损耗',
          is_check: true,
        },
        lines: [
          {
            spec_no: '000123',
            num: 3,
            aux_unit_name: '箱',
            remark: '第一行',
            defect: true,
            batch_no: 'B-01',
            expire_date: '2026-12-31',
            is_enable_sn: 1,
            sn_list: ['SN1', 'SN2', 'SN3'],
          },
          { spec_no: 'X2', num: 1, is_enable_sn: 0 },
        ],
      },
    ],
    [
      outerTransferSpec,
      {
        header: {
          create_mode: 1,
          from_warehouse_no: 'A',
          to_warehouse_no: 'B',
          wms_edit: 0,
          mode: 4,
          remark: 'r',
        },
        lines: [
          { spec_no: 'S', num: '12.5', batch_no: 'B1', expire_date: '2027-01-01', defect: 1, remark: 'x' },
        ],
      },
    ],
    [
      purchaseReturnSpec,
      {
        header: { return_no: 'CR1', warehouse_no: 'W', logistics_code: 'SF', create_mode: 2, remark: 'r' },
        lines: [
          {
            spec_no: 'S',
            num: '0.0001',
            unit_name: '件',
            position_no: 'A-01-01',
            batch_no: 'B',
            expire_date: '2026-01-01',
            defect: false,
            remark: 'r',
          },
        ],
      },
    ],
    [
      purchaseOrderSpec,
      {
        header: {
          purchase_no: 'CG-1',
          provider_no: 'P',
          receive_warehouse_nos: 'W',
          expect_warehouse_no: 'W',
          purchaser_name: 'lj',
          is_check: false,
          apply_nos: 'SQ1,SQ2',
          receive_address: '杭州',
          contact: '张三',
          telno: '0571-1234567',
          flag_name: '急',
          expect_time: '2021-07-10 10:35:00',
          created: '2021-07-10 10:30:01',
          pay_type: 1,
          postfee_pay_type: 3,
          remark: 'r',
          post_fee: '12.34',
          other_fee: 0,
          logistics_no: 'SF',
          prop1: '1',
          prop2: '2',
          prop3: '3',
          prop4: '4',
        },
        lines: [
          {
            spec_no: 'S',
            num: 5,
            purchase_unit_name: '箱',
            remark: 'r',
            prop1: 'a',
            prop2: 'b',
            prop3: 'c',
            prop4: 'd',
            price: '9.99',
            tax_price: '11.2887',
            discount: '0.8',
            tax_rate: '0.13',
            batch_no: 'B',
            expire_date: '2026-01-01',
          },
        ],
      },
    ],
    [
      uploadSnSpec,
      {
        header: { stockout_no: 'CK1', order_type: 14 },
        lines: [{ spec_no: 'S', defect: true, sn_list: ['A,1', 'A2'] }],
      },
    ],
  ];
  const table = rich.map(([spec, draft]) => ({ method: spec.method, spec, draft }));

  it.each(table)('$method with every field filled', ({ spec, draft }) => {
    const doc = normalize(spec, draft);
    const fields = new Set([...spec.header, ...spec.positional, ...spec.lines].map((field) => field.key));
    const filled = new Set([...Object.keys(doc.header), ...doc.lines.flatMap((line) => Object.keys(line))]);
    expect(filled).toEqual(fields);
    const sent = JSON.parse(JSON.stringify(buildArgs(spec, doc))) as unknown;
    expect(fromArgs(spec, sent)).toEqual(doc);
  });
});

describe('parseArgs refuses what the page does not describe', () => {
  it('refuses a field the page does not list, in the header or in a line', () => {
    const problems = parseProblems(outerOutSpec, [
      { warehouse_no: 'pos', shop_no: 'S1' },
      [{ spec_no: 'A', num: 1, price: 3 }],
      false,
    ]);
    expect(problems).toEqual([
      { path: { area: 'header', field: 'shop_no' }, message: '未知字段 "shop_no"', severity: 'error' },
      { path: { area: 'lines', row: 0, field: 'price' }, message: '未知字段 "price"', severity: 'error' },
    ]);
  });

  it('refuses a positional flag put inside the header object', () => {
    const problems = parseProblems(outerOutSpec, [{ warehouse_no: 'pos', is_check: true }, [], false]);
    expect(problems.map((problem) => problem.message)).toEqual(['未知字段 "is_check"']);
  });

  it('refuses PurchaseOrder details passed as a second argument instead of nested', () => {
    const problems = parseProblems(purchaseOrderSpec, [{ provider_no: 'P' }, [{ spec_no: 'A', num: 1 }]]);
    expect(problems.map((problem) => problem.message)).toEqual(['参数个数错误：应为1个，实际2个']);
  });

  it.each([
    ['not an array', { warehouse_no: 'pos' }, '请求参数必须是按位置排列的数组'],
    ['too few arguments', [{ warehouse_no: 'pos' }, []], '参数个数错误：应为3个，实际2个'],
    ['too many arguments', [{}, [], false, 1], '参数个数错误：应为3个，实际4个'],
    ['a header that is not an object', [['pos'], [], false], '单据数据（order）必须是对象'],
    ['lines that are not an array', [{}, { spec_no: 'A' }, false], '单据明细（order_details）必须是数组'],
    ['a line that is not an object', [{}, ['A'], false], '单据明细 第1行必须是对象'],
    ['a nested value', [{ warehouse_no: { no: 'pos' } }, [], false], '仓库编号 的值类型不对'],
    ['a list of numbers for a text field', [{ warehouse_no: [1] }, [], false], '仓库编号 的值类型不对'],
    ['an object for is_check', [{}, [], {}], '是否审核 的值类型不对'],
  ])('refuses %s', (_description, args, message) => {
    expect(parseProblems(outerOutSpec, args).map((problem) => problem.message)).toEqual([message]);
  });

  it('refuses SNs that are not all strings (numbers lose leading zeros)', () => {
    const problems = parseProblems(uploadSnSpec, [
      { stockout_no: 'CK1', order_type: 2 },
      [{ spec_no: 'A', sn_list: [7] }],
    ]);
    expect(problems).toEqual([
      {
        path: { area: 'lines', row: 0, field: 'sn_list' },
        message: 'SN列表 的值类型不对',
        severity: 'error',
      },
    ]);
  });
});

describe('business keys', () => {
  const outer = (order_no?: string): NormalizedDocument =>
    normalize(outerOutSpec, {
      header: { warehouse_no: 'pos', is_check: false, order_no },
      lines: [{ spec_no: 'A', num: 1 }],
    });

  it('use the external number where the user gave one', () => {
    expect(outerOutSpec.businessKey(outer('OUT-1'))).toBe('order_no:OUT-1');
    expect(outerOutSpec.externalNoField).toBe('order_no');
    expect(purchaseOrderSpec.externalNoField).toBe('purchase_no');
  });

  it('fall back to the content, which does not depend on the order fields were typed in', () => {
    const a = normalize(outerTransferSpec, {
      header: { from_warehouse_no: 'A', to_warehouse_no: 'B', mode: 1 },
      lines: [{ spec_no: 'S', num: 1 }],
    });
    const b = normalize(outerTransferSpec, {
      header: { mode: '1', to_warehouse_no: 'B', from_warehouse_no: 'A' },
      lines: [{ num: '1.0', spec_no: 'S' }],
    });
    expect(outerTransferSpec.businessKey(a)).toBe(outerTransferSpec.businessKey(b));
    expect(outerOutSpec.businessKey(outer())).toMatch(/^content:/);
    const c = normalize(outerTransferSpec, { ...b, lines: [{ num: 2, spec_no: 'S' }] } as DocumentDraft);
    expect(outerTransferSpec.businessKey(c)).not.toBe(outerTransferSpec.businessKey(a));
  });

  it('PurchaseReturn: return_no together with the details', () => {
    const key = (num: number): string =>
      purchaseReturnSpec.businessKey(
        normalize(purchaseReturnSpec, {
          header: { return_no: 'CR1', warehouse_no: 'W' },
          lines: [{ spec_no: 'S', num }],
        }),
      );
    expect(key(1)).toBe('return_no:CR1|details:[{"num":1,"spec_no":"S"}]');
    expect(key(2)).not.toBe(key(1));
  });

  it('uploadSN: stockout_no with the SNs, whatever their order', () => {
    const key = (lines: DocumentDraft['lines']): string =>
      uploadSnSpec.businessKey(
        normalize(uploadSnSpec, { header: { stockout_no: 'CK1', order_type: 2 }, lines }),
      );
    const first = key([{ spec_no: 'A', sn_list: ['S2', 'S1'] }]);
    expect(first).toBe('stockout_no:CK1|sn:["S1","S2"]');
    expect(key([{ spec_no: 'A', sn_list: ['S1', 'S2'] }])).toBe(first);
    expect(key([{ spec_no: 'A', sn_list: ['S1', 'S3'] }])).not.toBe(first);
  });
});
