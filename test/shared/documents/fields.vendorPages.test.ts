import { describe, expect, it } from 'vitest';
import { documentSpecs } from '../../../src/shared/documents';
import type { FieldSpec } from '../../../src/shared/spec';

/**
 * Every field as the vendor page lists it, one line each: key, type as written, length column (blank where
 * the page gives none), 是 for required, "code" for identifier columns read as text.
 */
const pages: Readonly<Record<string, { header: string[]; lines: string[]; positional?: string[] }>> = {
  'wms.outer.OuterOut.createOrder': {
    header: [
      'warehouse_no String 40 是 code',
      'remark String 255',
      'order_no String 40 code',
      'src_order_type Int',
      'src_order_no String 40 code',
      'reason String 64',
    ],
    lines: [
      'spec_no String 40 是 code',
      'num Int 11 是',
      'aux_unit_name String 20',
      'remark String 255',
      'defect boolean',
      'batch_no String 50 code',
      'expire_date String',
      'is_enable_sn Int',
      'sn_list String code',
    ],
    positional: ['is_check boolean 是'],
  },
  'wms.outer.OuterTransfer.createByApi': {
    header: [
      'create_mode Int',
      'from_warehouse_no String 40 是 code',
      'to_warehouse_no String 40 是 code',
      'wms_edit Int',
      'mode Int 是',
      'remark String',
    ],
    lines: [
      'spec_no String 是 code',
      'num Decimal(19,4) 是',
      'batch_no String code',
      'expire_date String',
      'defect Int',
      'remark String',
    ],
  },
  'wms.stockout.PurchaseReturn.createOrder': {
    header: [
      'return_no String 40 是 code',
      'warehouse_no String 40 是 code',
      'logistics_code String 60 code',
      'create_mode Int',
      'remark String 255',
    ],
    lines: [
      'spec_no String 40 是 code',
      'num Decimal(19,4) 是',
      'unit_name String 40',
      'position_no String 50 code',
      'batch_no String 50 code',
      'expire_date String 50',
      'defect boolean',
      'remark String 255',
    ],
  },
  'purchase.PurchaseOrder.createOrder': {
    header: [
      'purchase_no String 40 code',
      'provider_no String 20 是 code',
      'receive_warehouse_nos String 40 是 code',
      'expect_warehouse_no String 40 是 code',
      'purchaser_name String 40 是',
      'is_check bool',
      'apply_nos String 255 code',
      'receive_address String 255',
      'contact String 40',
      'telno String 32',
      'flag_name String 32',
      'expect_time String 19',
      'created String 19',
      'pay_type Int',
      'postfee_pay_type Int',
      'remark String 255',
      'post_fee Decimal(19,4)',
      'other_fee Decimal(19,4)',
      'logistics_no String code',
      'prop1 String 255',
      'prop2 String 255',
      'prop3 String 255',
      'prop4 String 255',
    ],
    lines: [
      'spec_no String 40 是 code',
      'num Int 11 是',
      'purchase_unit_name String 20',
      'remark String 255',
      'prop1 String 255',
      'prop2 String 255',
      'prop3 String 255',
      'prop4 String 255',
      'price Decimal(19,4)',
      'tax_price Decimal(19,4)',
      'discount Decimal(19,4)',
      'tax_rate Decimal(19,4)',
      'batch_no String 40 code',
      'expire_date String 40',
    ],
  },
  'wms.stockout.Base.uploadSN': {
    header: ['stockout_no String 是 code', 'order_type byte 是'],
    lines: ['spec_no String 40 是 code', 'defect boolean', 'sn_list List<String> 是 code'],
  },
};

function describeField(field: FieldSpec): string {
  const length =
    field.type.kind === 'string'
      ? field.type.maxLength
      : field.type.kind === 'int'
        ? field.type.maxDigits
        : undefined;
  return [
    field.key,
    field.vendorType,
    length,
    field.required ? '是' : undefined,
    field.code ? 'code' : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
}

describe('each spec lists every field of its vendor page', () => {
  const table = documentSpecs.map((spec) => ({ method: spec.method, spec }));
  it.each(table)('$method', ({ spec }) => {
    const page = pages[spec.method];
    expect(spec.header.map(describeField)).toEqual(page?.header);
    expect(spec.lines.map(describeField)).toEqual(page?.lines);
    expect(spec.positional.map(describeField)).toEqual(page?.positional ?? []);
    for (const field of [...spec.header, ...spec.lines, ...spec.positional]) {
      expect(field.label, field.key).toMatch(/\p{Script=Han}/u);
      expect(field.help, field.key).not.toBe('');
    }
  });
});

describe('enumerated fields carry the page’s options with Chinese labels', () => {
  const options: readonly [method: string, key: string, expected: string][] = [
    ['wms.outer.OuterOut.createOrder', 'src_order_type', '0 调整出库, 2 调拨出库, 14 采购退货出库'],
    ['wms.outer.OuterTransfer.createByApi', 'create_mode', '0 保存, 1 提交, 2 快速审核'],
    ['wms.outer.OuterTransfer.createByApi', 'wms_edit', '0 否, 1 是'],
    [
      'wms.outer.OuterTransfer.createByApi',
      'mode',
      '1 外仓单品调拨（出+入）, 2 外仓明细调拨（出+入）, 3 外仓单品调拨（出+入+接口）, 4 外仓明细调拨（出+入+接口）',
    ],
    ['wms.stockout.PurchaseReturn.createOrder', 'create_mode', '0 编辑中/未确认, 1 已提交/待审核, 2 已审核'],
    ['purchase.PurchaseOrder.createOrder', 'pay_type', '1 现付, 2 到付'],
    ['purchase.PurchaseOrder.createOrder', 'postfee_pay_type', '0 无, 1 现付, 2 到付, 3 包邮'],
    ['wms.stockout.Base.uploadSN', 'order_type', '2 调拨出库, 5 生产原料出库, 14 采购退货出库, 21 其他出库'],
  ];
  it.each(options)('%s %s', (method, key, expected) => {
    const field = documentSpecs.find((spec) => spec.method === method)?.header.find((f) => f.key === key);
    const listed = field?.type.kind === 'enum' ? field.type.options.map((o) => `${o.value} ${o.label}`) : [];
    expect(listed.join(', ')).toBe(expected);
  });
});
