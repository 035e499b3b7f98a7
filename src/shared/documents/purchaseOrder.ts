/**
 * purchase.PurchaseOrder.createOrder (采购单新建), written from the vendor page field by field.
 * One argument, [params], with the details nested in it as `purchase_details`.
 */
import type { DocumentSpec, LineIdentity } from '../spec';
import { bool, choice, decimal, int, text } from './fields';
import { externalNoOrContent } from './rules';
import { sameStockLines } from './sameLines';
import { WORDS } from './words';

const specNo = text('spec_no', '商家编码', {
  catalog: 'spec',
  maxLength: 40,
  required: true,
  code: true,
  help: '商家编码',
  words: WORDS.specNo,
});
const num = int('num', '采购数量', {
  maxDigits: 11,
  positive: 'expected',
  required: true,
  help: '采购数量',
  words: WORDS.quantity,
});
const batchNo = text('batch_no', '批次号', {
  maxLength: 40,
  code: true,
  help: '批次号（如需使用，需要单独开通配置，开启配置的情况下不允许超量入库，开启配置情况下支持创建不存在的批次）',
  words: WORDS.batchNo,
});
const expireDate = text('expire_date', '有效期', {
  maxLength: 40,
  help: '有效期（如需使用，需要单独开通配置，开启配置的情况下不允许超量入库）',
  dateLike: true,
  words: WORDS.expireDate,
});

const lines = [
  specNo,
  num,
  text('purchase_unit_name', '采购单位', {
    maxLength: 20,
    help: '采购单位（对应辅助单位）',
    words: [...WORDS.unitName, '辅助单位'],
  }),
  text('remark', '备注', { maxLength: 255, help: '备注' }),
  text('prop1', '自定义属性1', { maxLength: 255, help: '自定义属性1' }),
  text('prop2', '自定义属性2', { maxLength: 255, help: '自定义属性2' }),
  text('prop3', '自定义属性3', { maxLength: 255, help: '自定义属性3' }),
  text('prop4', '自定义属性4', { maxLength: 255, help: '自定义属性4' }),
  decimal('price', '税前单价', {
    words: ['单价', '采购价', '采购单价'],
    help: '税前单价（当接口账户没有采购价字段权限时，price推送值无效，客户端税前单价字段按照供应商货品页面维护的采购价进行引用）',
  }),
  decimal('tax_price', '税后单价', {
    words: ['含税单价'],
    help: '税后单价（1、需系统配置【采购、采购退货-开单&结算价格计算方式】为【已知税后单价&税率求税前折后单价】时有效；2、当接口账户没有采购价字段权限时，tax_price推送值无效）',
  }),
  // Greater than 0 is the vendor's own rule (error table: 折扣应大于0); the page sets no upper bound.
  decimal('discount', '折扣', {
    positive: 'required',
    help: '折扣字段，默认值为1，1代表原价，无折扣；假设需要折扣为一折时，可将字段值传为0.1，同理，折扣为5折时，传值0.5；折扣为八折时，传值0.8，以此类推',
  }),
  decimal('tax_rate', '税率', { help: '税率（当接口账户没有采购价字段权限时，tax_rate推送值无效）' }),
  batchNo,
  expireDate,
];

/** The page has neither 货位 nor 残次品 on a purchase line. */
const identity: LineIdentity = { fields: [specNo, batchNo, expireDate], quantity: num };

export const purchaseOrderSpec: DocumentSpec = {
  method: 'purchase.PurchaseOrder.createOrder',
  title: '采购单新建',
  headerArg: 'params',
  headerLabel: '新建参数',
  header: [
    text('purchase_no', '采购单编号', { maxLength: 40, code: true, help: '采购单编号' }),
    text('provider_no', '供应商编号', {
      maxLength: 20,
      required: true,
      code: true,
      help: '供应商编号',
      catalog: 'provider',
    }),
    text('receive_warehouse_nos', '收货仓编号', {
      catalog: 'warehouse',
      maxLength: 40,
      required: true,
      code: true,
      help: '收货仓编号（不支持分销委外仓，开启系统配置 路径：设置--系统设置--采购设置--采购协同--采购入库支持使用采购预约单入库后，支持传入多个平台仓编号）',
    }),
    text('expect_warehouse_no', '预计入库仓库编号', {
      catalog: 'warehouse',
      maxLength: 40,
      required: true,
      code: true,
      help: '预计入库仓库编号（不支持分销委外仓）',
    }),
    text('purchaser_name', '采购员', {
      catalog: 'purchaser',
      maxLength: 40,
      required: true,
      help: '采购员（员工页面对应"昵称"字段，员工的"工种"需要有"采购员"）',
    }),
    bool('is_check', '是否要审核', {
      vendorType: 'bool',
      initial: false,
      help: '审核：true；不审核：false；不传默认为false',
    }),
    text('apply_nos', '引用的采购申请单编号', {
      maxLength: 255,
      code: true,
      help: '采购申请单编号,使用英文逗号隔开',
    }),
    text('receive_address', '收货地址', { maxLength: 255, help: '收货地址' }),
    text('contact', '联系人', { maxLength: 40, help: '联系人' }),
    text('telno', '电话', { maxLength: 32, help: '电话' }),
    text('flag_name', '标记名称', { maxLength: 32, help: '标记名称' }),
    text('expect_time', '预计到货时间', {
      maxLength: 19,
      format: 'datetime',
      help: '预计到货时间，例如：2021-07-10 10:35:00。1. 若系统不启用【采购开单时自动完善期望到货时间】配置，则采用接口传递的时间；2. 若系统启用该配置：供应商未设置或设置到货天数为0，仍使用接口传递的时间；供应商设置了到货天数，以单据创建时间加到货天数来计算',
    }),
    text('created', '创建时间', {
      maxLength: 19,
      format: 'datetime',
      help: '不传或为空,则为当前时间，例如：2021-07-10 10:30:01',
    }),
    choice('pay_type', '付款方式', { values: { 1: '现付', 2: '到付' }, help: '1:现付 2:到付' }),
    choice('postfee_pay_type', '运费支付方式', {
      values: { 0: '无', 1: '现付', 2: '到付', 3: '包邮' },
      help: '0 无 1 现付 2 到付 3 包邮',
    }),
    text('remark', '备注', { maxLength: 255, help: '备注' }),
    decimal('post_fee', '邮费', { help: '邮费' }),
    decimal('other_fee', '其他费用', { help: '其他费用' }),
    text('logistics_no', '物流公司编号', { code: true, help: 'ERP内维护的采购业务类型的物流公司编号' }),
    text('prop1', '采购单自定义属性1', { maxLength: 255, help: '采购单自定义属性1' }),
    text('prop2', '采购单自定义属性2', { maxLength: 255, help: '采购单自定义属性2' }),
    text('prop3', '采购单自定义属性3', { maxLength: 255, help: '采购单自定义属性3' }),
    text('prop4', '采购单自定义属性4', { maxLength: 255, help: '采购单自定义属性4' }),
  ],
  linesArg: 'purchase_details',
  linesLabel: '采购单详情',
  lines,
  linesNested: true,
  linesRequired: false,
  positional: [],
  rules: [sameStockLines(identity, lines)],
  lineIdentity: identity,
  businessKey: externalNoOrContent('purchase_no'),
  externalNoField: 'purchase_no',
  response: 'statusMessage',
  example: {
    args: [
      {
        receive_warehouse_nos: 'wdtapi3-test',
        purchase_details: [{ num: '1', spec_no: 'hcf' }],
        purchaser_name: 'lj',
        expect_warehouse_no: 'wdtapi3-test',
        provider_no: 'LCJtest',
      },
    ],
  },
};
