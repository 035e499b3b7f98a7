/**
 * What the practice ERP knows of each create method, copied from the vendor pages in ../shared/wdt-api/:
 * the positional arguments, each object's fields with their page type, length, 必须 column and listed
 * values. Written apart from the client's document specs on purpose: the simulator models the ERP, so it
 * can show the client refusing what the ERP would take (DESIGN.md, "The core idea").
 */

/** A field's type as the ERP reads it off the wire (it coerces numeric text, as the vendor examples send). */
type ErpFieldType =
  /** String; `maxLength` is the page's length column, counted in characters. */
  | { readonly kind: 'string'; readonly maxLength?: number; readonly datetime?: boolean }
  /** Int or byte; `values` when the page lists the allowed ones. */
  | { readonly kind: 'int'; readonly values?: readonly number[] }
  /** Decimal(19,4); `aboveZero` where the ERP refuses 0 and less (`折扣应大于0`). */
  | { readonly kind: 'decimal'; readonly aboveZero?: boolean }
  /** A line's quantity (`num`): positive, whole unless the seller has decimals switched on. */
  | { readonly kind: 'quantity' }
  | { readonly kind: 'boolean' }
  /** List<String>. */
  | { readonly kind: 'stringList' };

export interface ErpField {
  readonly key: string;
  /** The page's 名称 column, used in the ERP's own "…不能为空" texts. */
  readonly label: string;
  readonly type: ErpFieldType;
  readonly required: boolean;
}

/** A field of a header that names a warehouse, and what the ERP says when it names none it knows. */
interface WarehouseField {
  readonly key: string;
  /** PurchaseOrder's receive_warehouse_nos may list several, comma-separated. */
  readonly list?: boolean;
  readonly unknown: (warehouseNo: string) => string;
}

export interface ErpMethod {
  readonly method: string;
  /** Argument names in order, as the page's 业务请求参数 table lists them. */
  readonly argNames: readonly string[];
  readonly header: readonly ErpField[];
  /** The detail list's key; nested in the header object when `linesNested`. */
  readonly linesKey: string;
  readonly linesLabel: string;
  readonly linesNested: boolean;
  readonly linesRequired: boolean;
  readonly lines: readonly ErpField[];
  /** Positional arguments after header and lines (OuterOut's is_check); kept in the header once read. */
  readonly extras: readonly ErpField[];
  /** The external number the ERP refuses to reuse (`外部单号重复!`). */
  readonly externalNo?: string;
  readonly warehouses: readonly WarehouseField[];
  /** A stock-in/out document, bound by 非销售出、入库单批次、有效期必传 (given the header). */
  readonly stockDocument: (header: Readonly<Record<string, unknown>>) => boolean;
  /** Whether the caller asked for approval (审核), the only case in which approval can fail. */
  readonly approvalAsked: (header: Readonly<Record<string, unknown>>) => boolean;
  readonly answer: 'statusMessage' | 'transferNo' | 'ack';
  /** The created document's number prefix, after the ERP's own. */
  readonly numberPrefix: string;
}

const text = (key: string, label: string, maxLength?: number, required = false): ErpField => ({
  key,
  label,
  type: maxLength === undefined ? { kind: 'string' } : { kind: 'string', maxLength },
  required,
});
const int = (key: string, label: string, values?: readonly number[], required = false): ErpField => ({
  key,
  label,
  type: values === undefined ? { kind: 'int' } : { kind: 'int', values },
  required,
});
const bool = (key: string, label: string, required = false): ErpField => ({
  key,
  label,
  type: { kind: 'boolean' },
  required,
});
const decimal = (key: string, label: string, aboveZero = false): ErpField => ({
  key,
  label,
  type: aboveZero ? { kind: 'decimal', aboveZero } : { kind: 'decimal' },
  required: false,
});
const quantity = (label: string): ErpField => ({
  key: 'num',
  label,
  type: { kind: 'quantity' },
  required: true,
});
const datetime = (key: string, label: string): ErpField => ({
  key,
  label,
  type: { kind: 'string', maxLength: 19, datetime: true },
  required: false,
});

/** The wording of the vendor's own sample refusal on the PurchaseReturn page. */
const noSuchWarehouse = (warehouseNo: string): string => `仓库编号为 ${warehouseNo} 的仓库不存在!`;
const never = (): boolean => false;

const outerOut: ErpMethod = {
  method: 'wms.outer.OuterOut.createOrder',
  argNames: ['order', 'order_details', 'is_check'],
  header: [
    text('warehouse_no', '仓库编号', 40, true),
    text('remark', '备注', 255),
    text('order_no', '外部单号', 40),
    int('src_order_type', '源单类型', [0, 2, 14]),
    text('src_order_no', '源单号', 40),
    text('reason', '出库原因', 64),
  ],
  linesKey: 'order_details',
  linesLabel: '单据明细',
  linesNested: false,
  linesRequired: true,
  lines: [
    text('spec_no', '商家编码', 40, true),
    quantity('数量'),
    text('aux_unit_name', '辅助单位', 20),
    text('remark', '备注', 255),
    bool('defect', '是否残次品'),
    text('batch_no', '批次编号', 50),
    text('expire_date', '有效期'),
    int('is_enable_sn', '是否开启序列号', [0, 1]),
    text('sn_list', '序列号列表'),
  ],
  extras: [bool('is_check', '是否审核', true)],
  externalNo: 'order_no',
  warehouses: [{ key: 'warehouse_no', unknown: noSuchWarehouse }],
  stockDocument: () => true,
  approvalAsked: (header) => header['is_check'] === true,
  answer: 'statusMessage',
  numberPrefix: 'WCCK',
};

const outerTransfer: ErpMethod = {
  method: 'wms.outer.OuterTransfer.createByApi',
  argNames: ['params', 'detail_list'],
  header: [
    int('create_mode', '创建模式', [0, 1, 2]),
    text('from_warehouse_no', '调出仓库', 40, true),
    text('to_warehouse_no', '调入仓库', 40, true),
    int('wms_edit', '执行wms借调单编辑中状态', [0, 1]),
    int('mode', '调拨方案', [1, 2, 3, 4], true),
    text('remark', '备注'),
  ],
  linesKey: 'detail_list',
  linesLabel: '明细信息',
  linesNested: false,
  linesRequired: true,
  lines: [
    text('spec_no', '商家编码', undefined, true),
    quantity('调拨数量'),
    text('batch_no', '批次号'),
    text('expire_date', '有效期'),
    int('defect', '是否残次品', [0, 1]),
    text('remark', '备注'),
  ],
  extras: [],
  warehouses: [
    // The page's own sample refusal; the page gives none for the receiving side, so it is worded alike.
    { key: 'from_warehouse_no', unknown: () => '源仓库不存在' },
    { key: 'to_warehouse_no', unknown: () => '目标仓库不存在' },
  ],
  // Batches exist only in the detail modes (批次号 mode=2/4有效).
  stockDocument: (header) => header['mode'] === 2 || header['mode'] === 4,
  approvalAsked: never,
  answer: 'transferNo',
  numberPrefix: 'TF',
};

const purchaseReturn: ErpMethod = {
  method: 'wms.stockout.PurchaseReturn.createOrder',
  argNames: ['orderInfo', 'detailList'],
  header: [
    text('return_no', '采购退货单号', 40, true),
    text('warehouse_no', '仓库编号', 40, true),
    text('logistics_code', '物流编码', 60),
    int('create_mode', '创建模式', [0, 1, 2]),
    text('remark', '备注', 255),
  ],
  linesKey: 'detailList',
  linesLabel: '采购退货出库单明细信息',
  linesNested: false,
  linesRequired: true,
  lines: [
    text('spec_no', '单品信息', 40, true),
    quantity('出库数量'),
    text('unit_name', '采购单位', 40),
    text('position_no', '货位编号', 50),
    text('batch_no', '批次号', 50),
    text('expire_date', '有效期', 50),
    bool('defect', '是否残次品'),
    text('remark', '备注', 255),
  ],
  extras: [],
  warehouses: [{ key: 'warehouse_no', unknown: noSuchWarehouse }],
  stockDocument: () => true,
  // create_mode 2 is 已审核: the document is approved as it is created.
  approvalAsked: (header) => header['create_mode'] === 2,
  answer: 'statusMessage',
  numberPrefix: 'CGTH',
};

const purchaseOrder: ErpMethod = {
  method: 'purchase.PurchaseOrder.createOrder',
  argNames: ['params'],
  header: [
    text('purchase_no', '采购单编号', 40),
    text('provider_no', '供应商编号', 20, true),
    text('receive_warehouse_nos', '收货仓编号', 40, true),
    text('expect_warehouse_no', '预计入库仓库编号', 40, true),
    text('purchaser_name', '采购员', 40, true),
    bool('is_check', '是否要审核'),
    text('apply_nos', '引用的采购申请单编号', 255),
    text('receive_address', '收货地址', 255),
    text('contact', '联系人', 40),
    text('telno', '电话', 32),
    text('flag_name', '标记名称', 32),
    datetime('expect_time', '预计到货时间'),
    datetime('created', '创建时间'),
    int('pay_type', '付款方式', [1, 2]),
    int('postfee_pay_type', '运费支付方式', [0, 1, 2, 3]),
    text('remark', '备注', 255),
    decimal('post_fee', '邮费'),
    decimal('other_fee', '其他费用'),
    text('logistics_no', '物流公司编号'),
    ...[1, 2, 3, 4].map((n) => text(`prop${n}`, `采购单自定义属性${n}`, 255)),
  ],
  linesKey: 'purchase_details',
  linesLabel: '采购单详情',
  linesNested: true,
  linesRequired: false,
  lines: [
    text('spec_no', '商家编码', 40, true),
    quantity('采购数量'),
    text('purchase_unit_name', '采购单位', 20),
    text('remark', '备注', 255),
    ...[1, 2, 3, 4].map((n) => text(`prop${n}`, `自定义属性${n}`, 255)),
    decimal('price', '税前单价'),
    decimal('tax_price', '税后单价'),
    decimal('discount', '折扣', true),
    decimal('tax_rate', '税率'),
    text('batch_no', '批次号', 40),
    text('expire_date', '有效期', 40),
  ],
  extras: [],
  externalNo: 'purchase_no',
  warehouses: [
    { key: 'receive_warehouse_nos', list: true, unknown: () => '收货仓库列表为空或无权限' },
    { key: 'expect_warehouse_no', unknown: () => '预计入库仓为空或无权限' },
  ],
  // A purchase order moves no stock; its batches need a configuration of their own (the page says so).
  stockDocument: never,
  approvalAsked: (header) => header['is_check'] === true,
  answer: 'statusMessage',
  numberPrefix: 'CG',
};

const uploadSn: ErpMethod = {
  method: 'wms.stockout.Base.uploadSN',
  argNames: ['params', 'detailList'],
  header: [
    text('stockout_no', '出库单号', undefined, true),
    int('order_type', '单据类型', [2, 5, 14, 21], true),
  ],
  linesKey: 'detailList',
  linesLabel: '明细信息',
  linesNested: false,
  linesRequired: true,
  lines: [
    text('spec_no', '商家编码', 40, true),
    bool('defect', '是否残次品'),
    { key: 'sn_list', label: 'sn列表', type: { kind: 'stringList' }, required: true },
  ],
  extras: [],
  warehouses: [],
  stockDocument: never,
  approvalAsked: never,
  answer: 'ack',
  numberPrefix: 'SN',
};

const erpMethods: readonly ErpMethod[] = [outerOut, outerTransfer, purchaseReturn, purchaseOrder, uploadSn];

const byName = new Map(erpMethods.map((method) => [method.method, method]));

export function erpMethod(name: string): ErpMethod | undefined {
  return byName.get(name);
}
