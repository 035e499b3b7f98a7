/**
 * The practice ERP's own model of what the ERP checks and answers, one test per rule, written from the
 * vendor pages and error-codes.md in ../shared/wdt-api/. Bodies are literal JSON as a client would send
 * them, so these tests do not lean on the client's specs either.
 */
import { describe, expect, it } from 'vitest';
import type { PracticeErpSettings } from '../../../../src/shared/practiceErp';
import {
  createDocumentDesk,
  type DocumentDeskOptions,
} from '../../../../src/main/wdt/simulated-erp/documents';

const OUTER_OUT = 'wms.outer.OuterOut.createOrder';
const TRANSFER = 'wms.outer.OuterTransfer.createByApi';
const RETURN = 'wms.stockout.PurchaseReturn.createOrder';
const PURCHASE = 'purchase.PurchaseOrder.createOrder';
const UPLOAD_SN = 'wms.stockout.Base.uploadSN';
const NOW = Date.UTC(2026, 11, 1, 8, 0, 0);

function answer(method: string, args: unknown, options: DocumentDeskOptions = {}) {
  return createDocumentDesk(options).handle('wdtdemo', method, args, NOW);
}

const outerOut = (lines: readonly object[], header: object = {}, isCheck: unknown = false): unknown[] => [
  { warehouse_no: 'pos', ...header },
  lines,
  isCheck,
];
const transfer = (lines: readonly object[], header: object = {}): unknown[] => [
  { from_warehouse_no: 'A', to_warehouse_no: 'B', mode: 2, ...header },
  lines,
];
const purchaseReturn = (lines: readonly object[], header: object = {}): unknown[] => [
  { return_no: 'CR1', warehouse_no: 'pos', ...header },
  lines,
];
const purchase = (details: readonly object[], header: object = {}): unknown[] => [
  {
    provider_no: 'P1',
    receive_warehouse_nos: 'pos',
    expect_warehouse_no: 'pos',
    purchaser_name: 'lj',
    purchase_details: details,
    ...header,
  },
];

const accepted = { status: 0 };
const refusedWith = (message: string) => ({ status: 100, message });

describe('the vendor pages’ own example requests', () => {
  it.each([
    [OUTER_OUT, [{ warehouse_no: 'pos' }, [{ spec_no: 'DFAQT101', num: 2 }], false]],
    [
      TRANSFER,
      [
        {
          mode: '2',
          wms_edit: '1',
          create_mode: '2',
          remark: 'testMainRemark',
          from_warehouse_no: 'daj-wms-wdt',
          to_warehouse_no: 'lz-002',
        },
        [{ defect: '0', num: '10', remark: 'testDetailRemark', spec_no: 'daj1' }],
      ],
    ],
    [RETURN, [{ return_no: '1001', warehouse_no: '1001', create_mode: 0 }, [{ spec_no: 'daba1', num: '1' }]]],
    [
      PURCHASE,
      [
        {
          receive_warehouse_nos: 'wdtapi3-test',
          purchase_details: [{ num: '1', spec_no: 'hcf' }],
          purchaser_name: 'lj',
          expect_warehouse_no: 'wdtapi3-test',
          provider_no: 'LCJtest',
        },
      ],
    ],
    [
      UPLOAD_SN,
      [
        { order_type: 2, stockout_no: 'CK202307260007' },
        [
          { sn_list: ['0090x001'], spec_no: '009' },
          { sn_list: ['SNTEST0x001', 'SNTEST0x002'], spec_no: 'SNTEST' },
        ],
      ],
    ],
  ])('%s: accepted', (method, args) => {
    expect(answer(method, args)).toMatchObject(accepted);
  });
});

describe('status 1 and 2: what the ERP refuses before reading the business', () => {
  it('a wrong number of positional arguments is 参数个数错误', () => {
    expect(answer(OUTER_OUT, [{ warehouse_no: 'pos' }, [{ spec_no: 'A', num: 1 }]])).toEqual({
      status: 1,
      message: '参数个数错误',
    });
    expect(answer(PURCHASE, [...purchase([]), []])).toEqual({ status: 1, message: '参数个数错误' });
    expect(answer(TRANSFER, { not: 'an array' })).toEqual({ status: 1, message: '参数个数错误' });
  });

  it('an unknown field is status 2 with the field name as message, in the header, a line or nested details', () => {
    expect(answer(OUTER_OUT, outerOut([{ spec_no: 'A', num: 1 }], { warehous_no: 'x' }))).toEqual({
      status: 2,
      message: 'warehous_no',
    });
    expect(answer(RETURN, purchaseReturn([{ spec_no: 'A', num: 1, position: 'P1' }]))).toEqual({
      status: 2,
      message: 'position',
    });
    expect(answer(PURCHASE, purchase([{ spec_no: 'A', num: 1, shop_no: 'x' }]))).toEqual({
      status: 2,
      message: 'shop_no',
    });
    // The same key is known on one page and unknown on another: position_no is PurchaseReturn's only.
    expect(answer(OUTER_OUT, outerOut([{ spec_no: 'A', num: 1, position_no: 'P1' }]))).toEqual({
      status: 2,
      message: 'position_no',
    });
  });

  it('a value that cannot be read as its page type is argument type mismatch', () => {
    expect(answer(OUTER_OUT, outerOut([{ spec_no: 'A', num: 'two' }]))).toEqual({
      status: 1,
      message: 'argument type mismatch',
    });
    expect(answer(OUTER_OUT, outerOut([{ spec_no: 'A', num: 1 }], {}, 'yes'))).toMatchObject({ status: 1 });
  });
});

describe('status 100 with the vendor’s own texts', () => {
  it('a missing required field, in the vendor’s words where it has them', () => {
    expect(answer(OUTER_OUT, outerOut([{ spec_no: 'A', num: 1 }], { warehouse_no: '' }))).toEqual(
      refusedWith('仓库编号不可为空'),
    );
    expect(answer(PURCHASE, purchase([], { purchaser_name: undefined }))).toEqual(
      refusedWith('采购员姓名为空！'),
    );
    expect(answer(UPLOAD_SN, [{ order_type: 2 }, [{ spec_no: 'A', sn_list: ['1'] }]])).toEqual(
      refusedWith('出库单号不可以为空'),
    );
    expect(answer(TRANSFER, transfer([{ num: 1 }]))).toEqual(refusedWith('商家编码不能为空'));
    expect(answer(TRANSFER, transfer([{ spec_no: 'A', num: 1 }], { mode: null }))).toEqual(
      refusedWith('调拨方案不能为空'),
    );
    expect(answer(OUTER_OUT, outerOut([]))).toEqual(refusedWith('单据明细不能为空'));
    // PurchaseOrder's details are optional on its page.
    expect(answer(PURCHASE, purchase([]))).toMatchObject(accepted);
  });

  it('a value outside the page’s list, too long, or not a date', () => {
    expect(answer(TRANSFER, transfer([{ spec_no: 'A', num: 1 }], { mode: 5 }))).toEqual(
      refusedWith('modemust be less than or equal to 4'),
    );
    expect(answer(OUTER_OUT, outerOut([{ spec_no: 'A', num: 1 }], { src_order_type: 1 }))).toEqual(
      refusedWith('源单类型不合法'),
    );
    expect(answer(OUTER_OUT, outerOut([{ spec_no: 'A', num: 1 }], { order_no: 'N'.repeat(41) }))).toEqual(
      refusedWith('外部单号超长'),
    );
    expect(
      answer(OUTER_OUT, outerOut([{ spec_no: 'A', num: 1 }], { order_no: '单'.repeat(40) })),
    ).toMatchObject(accepted);
    expect(answer(RETURN, purchaseReturn([{ spec_no: 'A', num: 1, remark: 'r'.repeat(256) }]))).toEqual(
      refusedWith("Data truncation: Data too long for column 'remark' at row 1"),
    );
    expect(answer(PURCHASE, purchase([], { expect_time: '2023/02/06 17:59:19' }))).toEqual(
      refusedWith('Unparseable date: 2023/02/06 17:59:19'),
    );
  });

  it('a discount must be above 0 and has no upper bound', () => {
    expect(answer(PURCHASE, purchase([{ spec_no: 'A', num: 1, discount: 0 }]))).toEqual(
      refusedWith('折扣应大于0'),
    );
    expect(answer(PURCHASE, purchase([{ spec_no: 'A', num: 1, discount: '1.2' }]))).toMatchObject(accepted);
  });

  it('a quantity of 0 or less is 数量不合法 whatever the settings', () => {
    const decimals = { erpSettings: { decimalQuantities: true } };
    expect(answer(RETURN, purchaseReturn([{ spec_no: 'A', num: 0 }]), decimals)).toEqual(
      refusedWith('数量不合法'),
    );
    expect(answer(TRANSFER, transfer([{ spec_no: 'A', num: '-1' }]), decimals)).toEqual(
      refusedWith('数量不合法'),
    );
  });

  it('源单号 is required for 源单类型 2 and 14 only', () => {
    expect(answer(OUTER_OUT, outerOut([{ spec_no: 'A', num: 1 }], { src_order_type: 14 }))).toEqual(
      refusedWith('源单号不能为空'),
    );
    expect(answer(OUTER_OUT, outerOut([{ spec_no: 'A', num: 1 }], { src_order_type: 0 }))).toMatchObject(
      accepted,
    );
  });

  it('with SNs switched on, their count must equal the quantity', () => {
    expect(answer(OUTER_OUT, outerOut([{ spec_no: 'A', num: 2, is_enable_sn: 1, sn_list: 'S1' }]))).toEqual(
      refusedWith('序列号数量与出库数量不一致'),
    );
    expect(answer(OUTER_OUT, outerOut([{ spec_no: 'A', num: 2, is_enable_sn: 1 }]))).toEqual(
      refusedWith('序列号列表不能为空'),
    );
    expect(
      answer(OUTER_OUT, outerOut([{ spec_no: 'A', num: 2, is_enable_sn: 1, sn_list: 'S1,S2' }])),
    ).toMatchObject(accepted);
  });

  it('an unknown warehouse, when the seller’s warehouses are given', () => {
    const options = { warehouses: ['pos', 'A'] };
    expect(
      answer(RETURN, purchaseReturn([{ spec_no: 'A', num: 1 }], { warehouse_no: 'wdtapi3-test11' }), options),
    ).toEqual(refusedWith('仓库编号为 wdtapi3-test11 的仓库不存在!'));
    expect(
      answer(TRANSFER, transfer([{ spec_no: 'A', num: 1 }], { from_warehouse_no: 'X' }), options),
    ).toEqual(refusedWith('源仓库不存在'));
    expect(answer(PURCHASE, purchase([], { receive_warehouse_nos: 'pos,Z' }), options)).toEqual(
      refusedWith('收货仓库列表为空或无权限'),
    );
    expect(answer(PURCHASE, purchase([], { receive_warehouse_nos: 'pos,A' }), options)).toMatchObject(
      accepted,
    );
  });

  it('a reused external number is 外部单号重复! and creates nothing more', () => {
    const desk = createDocumentDesk();
    const args = outerOut([{ spec_no: 'A', num: 1 }], { order_no: 'WD-1' });
    expect(desk.handle('wdtdemo', OUTER_OUT, args, NOW)).toEqual({
      status: 0,
      data: { status: 0, message: 'WD-1' },
    });
    expect(desk.handle('wdtdemo', OUTER_OUT, args, NOW)).toEqual(refusedWith('外部单号重复!'));
    expect(desk.created.map((doc) => doc.documentNo)).toEqual(['WD-1']);
  });
});

describe('the seller’s ERP settings', () => {
  const twoBatches = [
    { spec_no: 'A', num: 1, batch_no: 'B1', expire_date: '2027-01-01' },
    { spec_no: 'A', num: 1, batch_no: 'B2', expire_date: '2027-01-01' },
  ];
  const goodAndDefect = [
    { spec_no: 'A', num: 1 },
    { spec_no: 'A', num: 1, defect: true },
  ];
  const allow = (settings: Partial<PracticeErpSettings>) => ({ erpSettings: settings });

  it('允许添加相同的货品 off: one 商家编码 on two lines is refused, whatever else differs', () => {
    const off = allow({ allowSameGoods: false });
    expect(answer(OUTER_OUT, outerOut(twoBatches), off)).toEqual(
      refusedWith('货品列表中有相同商家编码的货品！'),
    );
    expect(answer(RETURN, purchaseReturn(goodAndDefect), off)).toEqual(
      refusedWith('货品列表中有相同商家编码的货品！'),
    );
    expect(
      answer(
        TRANSFER,
        transfer([
          { spec_no: ' A', num: 1 },
          { spec_no: 'A', num: 2 },
        ]),
        off,
      ),
    ).toEqual(refusedWith('货品列表中有相同商家编码的货品！'));
  });

  it('允许添加相同的货品 on: lines differing in 货位, 批次, 有效期 or 残次品 pass; equal ones do not', () => {
    const on = allow({ allowSameGoods: true });
    expect(answer(OUTER_OUT, outerOut(twoBatches), on)).toMatchObject(accepted);
    expect(answer(RETURN, purchaseReturn(goodAndDefect), on)).toMatchObject(accepted);
    expect(
      answer(
        RETURN,
        purchaseReturn([
          { spec_no: 'A', num: 1, position_no: 'P1' },
          { spec_no: 'A', num: 1, position_no: 'P2' },
        ]),
        on,
      ),
    ).toMatchObject(accepted);
    expect(
      answer(
        RETURN,
        purchaseReturn([
          { spec_no: 'A', num: 1, defect: false },
          { spec_no: 'A', num: 3 },
        ]),
        on,
      ),
    ).toEqual(refusedWith('货品列表中有相同商家编码、货位、批次、有效期的货品'));
  });

  it('批次有效期必传 on: stock documents need both on every line; transfers only in the detail modes', () => {
    const on = allow({ batchAndExpiryRequired: true });
    const plain = [{ spec_no: 'A', num: 1, batch_no: 'B1' }];
    expect(answer(OUTER_OUT, outerOut(plain))).toMatchObject(accepted);
    expect(answer(OUTER_OUT, outerOut(plain), on)).toEqual(refusedWith('非销售出、入库单批次、有效期必传'));
    expect(answer(OUTER_OUT, outerOut([{ ...plain[0], expire_date: '2027-01-01' }]), on)).toMatchObject(
      accepted,
    );
    expect(answer(TRANSFER, transfer(plain, { mode: 4 }), on)).toEqual(
      refusedWith('非销售出、入库单批次、有效期必传'),
    );
    expect(answer(TRANSFER, transfer(plain, { mode: 1 }), on)).toMatchObject(accepted);
    expect(answer(PURCHASE, purchase(plain), on)).toMatchObject(accepted);
  });

  it('小数数量 off: a decimal quantity is 数量不合法; on: up to four places pass', () => {
    const on = allow({ decimalQuantities: true });
    const off = allow({ decimalQuantities: false });
    expect(answer(TRANSFER, transfer([{ spec_no: 'A', num: 0.5 }]), off)).toEqual(refusedWith('数量不合法'));
    expect(answer(TRANSFER, transfer([{ spec_no: 'A', num: '0.5' }]), on)).toMatchObject(accepted);
    expect(answer(RETURN, purchaseReturn([{ spec_no: 'A', num: '1.0000' }]), off)).toMatchObject(accepted);
    expect(answer(RETURN, purchaseReturn([{ spec_no: 'A', num: '1.00001' }]), on)).toEqual(
      refusedWith('数量不合法'),
    );
  });

  it('settings change at run time, for the calls that follow', () => {
    const desk = createDocumentDesk({ erpSettings: { allowSameGoods: false, decimalQuantities: false } });
    const args = transfer([{ spec_no: 'A', num: 1.25 }]);
    expect(desk.handle('wdtdemo', TRANSFER, args, NOW)).toEqual(refusedWith('数量不合法'));
    expect(desk.setErpSettings({ decimalQuantities: true })).toEqual({
      allowSameGoods: false,
      batchAndExpiryRequired: false,
      decimalQuantities: true,
    });
    expect(desk.handle('wdtdemo', TRANSFER, args, NOW)).toMatchObject({
      status: 0,
      data: { transfer_no: 'TF38581' },
    });
  });
});

describe('approval', () => {
  const failing = { approvalFailsFor: ['pos'] };

  it('fails (data.status 20) only when approval was asked for', () => {
    const lines = [{ spec_no: 'A', num: 1 }];
    expect(answer(OUTER_OUT, outerOut(lines, {}, false), failing)).toMatchObject({ data: { status: 0 } });
    expect(answer(OUTER_OUT, outerOut(lines, {}, true), failing)).toMatchObject({
      status: 0,
      data: { status: 20 },
    });
    expect(answer(PURCHASE, purchase(lines), failing)).toMatchObject({ data: { status: 0 } });
    expect(answer(PURCHASE, purchase(lines, { is_check: true }), failing)).toMatchObject({
      data: { status: 20 },
    });
    expect(answer(RETURN, purchaseReturn(lines, { create_mode: 1 }), failing)).toMatchObject({
      data: { status: 0 },
    });
    expect(answer(RETURN, purchaseReturn(lines, { create_mode: 2 }), failing)).toMatchObject({
      data: { status: 20 },
    });
  });

  it('a document whose approval failed is still created', () => {
    const desk = createDocumentDesk(failing);
    desk.handle('wdtdemo', OUTER_OUT, outerOut([{ spec_no: 'A', num: 1 }], { order_no: 'AP-1' }, true), NOW);
    expect(desk.created).toMatchObject([{ documentNo: 'AP-1', approvalFailed: true }]);
  });
});
