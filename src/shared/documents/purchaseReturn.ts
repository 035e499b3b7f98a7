/**
 * wms.stockout.PurchaseReturn.createOrder (采购退货出库单新建), written from the vendor page field by field.
 * Arguments: [orderInfo, detailList]. `return_no` names an existing purchase-return order, so it is not a
 * free key on its own: the key is that number together with what is shipped against it.
 */
import type { DocumentSpec, FieldSpec } from '../spec';
import { canonicalJson, uniqueAcrossLines } from './rules';

const specNo: FieldSpec = {
  key: 'spec_no',
  label: '单品信息',
  vendorType: 'String',
  type: { kind: 'string', maxLength: 40 },
  required: true,
  help: '单品信息',
  code: true,
};

export const purchaseReturnSpec: DocumentSpec = {
  method: 'wms.stockout.PurchaseReturn.createOrder',
  title: '采购退货出库单新建',
  headerArg: 'orderInfo',
  headerLabel: '采购退货出库单据信息',
  header: [
    {
      key: 'return_no',
      label: '采购退货单号',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 40 },
      required: true,
      help: '采购退货单号',
      code: true,
    },
    {
      key: 'warehouse_no',
      label: '仓库编号',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 40 },
      required: true,
      help: '仓库编号',
      code: true,
    },
    {
      key: 'logistics_code',
      label: '物流编码',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 60 },
      required: false,
      help: '系统物流编码',
      code: true,
    },
    {
      key: 'create_mode',
      label: '创建模式',
      vendorType: 'Int',
      type: {
        kind: 'enum',
        options: [
          { value: 0, label: '编辑中/未确认' },
          { value: 1, label: '已提交/待审核' },
          { value: 2, label: '已审核' },
        ],
      },
      required: false,
      help: '默认：编辑中/未确认；1：已提交/待审核；2：已审核',
    },
    {
      key: 'remark',
      label: '备注',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 255 },
      required: false,
      help: '备注',
    },
  ],
  linesArg: 'detailList',
  linesLabel: '采购退货出库单明细信息',
  lines: [
    specNo,
    {
      key: 'num',
      label: '出库数量',
      vendorType: 'Decimal(19,4)',
      type: { kind: 'decimal', precision: 19, scale: 4, positive: true },
      required: true,
      help: '出库数量',
    },
    {
      key: 'unit_name',
      label: '采购单位',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 40 },
      required: false,
      help: '采购单位',
    },
    {
      key: 'position_no',
      label: '货位编号',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 50 },
      required: false,
      help: '货位编号',
      code: true,
    },
    {
      key: 'batch_no',
      label: '批次号',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 50 },
      required: false,
      help: '批次号',
      code: true,
    },
    {
      key: 'expire_date',
      label: '有效期',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 50 },
      required: false,
      help: '有效期',
    },
    {
      key: 'defect',
      label: '是否残次品',
      vendorType: 'boolean',
      type: { kind: 'boolean' },
      required: false,
      help: '是否残次品；true：残次品；false：正品',
    },
    {
      key: 'remark',
      label: '备注',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 255 },
      required: false,
      help: '备注',
    },
  ],
  linesNested: false,
  linesRequired: true,
  positional: [],
  rules: [uniqueAcrossLines(specNo)],
  businessKey: (doc) => `return_no:${String(doc.header.return_no)}|details:${canonicalJson(doc.lines)}`,
  response: 'statusMessage',
  example: {
    args: [{ return_no: '1001', warehouse_no: '1001', create_mode: 0 }, [{ spec_no: 'daba1', num: '1' }]],
  },
};
