/**
 * wms.stockout.PurchaseReturn.createOrder (采购退货出库单新建), written from the vendor page field by field.
 * Arguments: [orderInfo, detailList]. `return_no` names an existing purchase-return order, so it is not a
 * free key on its own: the key is that number together with what is shipped against it.
 */
import type { DocumentSpec, LineIdentity } from '../spec';
import { bool, choice, decimal, text } from './fields';
import { canonicalJson } from './rules';
import { sameStockLines } from './sameLines';
import { WORDS } from './words';

const specNo = text('spec_no', '单品信息', {
  catalog: 'spec',
  maxLength: 40,
  required: true,
  code: true,
  help: '单品信息',
  words: WORDS.specNo,
});
const num = decimal('num', '出库数量', {
  positive: 'expected',
  required: true,
  help: '出库数量',
  words: [...WORDS.quantity, '退货数量'],
});
const positionNo = text('position_no', '货位编号', {
  maxLength: 50,
  code: true,
  help: '货位编号',
  words: WORDS.positionNo,
});
const batchNo = text('batch_no', '批次号', {
  maxLength: 50,
  code: true,
  help: '批次号',
  words: WORDS.batchNo,
});
const expireDate = text('expire_date', '有效期', {
  maxLength: 50,
  help: '有效期',
  dateLike: true,
  words: WORDS.expireDate,
});
const defect = bool('defect', '是否残次品', {
  help: '是否残次品；true：残次品；false：正品',
  words: WORDS.defect,
});

const lines = [
  specNo,
  num,
  text('unit_name', '采购单位', { maxLength: 40, help: '采购单位', words: WORDS.unitName }),
  positionNo,
  batchNo,
  expireDate,
  defect,
  text('remark', '备注', { maxLength: 255, help: '备注' }),
];

const identity: LineIdentity = { fields: [specNo, positionNo, batchNo, expireDate, defect], quantity: num };

export const purchaseReturnSpec: DocumentSpec = {
  method: 'wms.stockout.PurchaseReturn.createOrder',
  title: '采购退货出库单新建',
  headerArg: 'orderInfo',
  headerLabel: '采购退货出库单据信息',
  header: [
    text('return_no', '采购退货单号', { maxLength: 40, required: true, code: true, help: '采购退货单号' }),
    text('warehouse_no', '仓库编号', {
      catalog: 'warehouse',
      maxLength: 40,
      required: true,
      code: true,
      help: '仓库编号',
      words: WORDS.warehouseNo,
    }),
    text('logistics_code', '物流编码', { maxLength: 60, code: true, help: '系统物流编码' }),
    choice('create_mode', '创建模式', {
      values: { 0: '编辑中/未确认', 1: '已提交/待审核', 2: '已审核' },
      help: '默认：编辑中/未确认；1：已提交/待审核；2：已审核',
    }),
    text('remark', '备注', { maxLength: 255, help: '备注' }),
  ],
  linesArg: 'detailList',
  linesLabel: '采购退货出库单明细信息',
  lines,
  linesNested: false,
  linesRequired: true,
  positional: [],
  rules: [sameStockLines(identity, lines)],
  lineIdentity: identity,
  businessKey: (doc) => `return_no:${String(doc.header.return_no)}|details:${canonicalJson(doc.lines)}`,
  response: 'statusMessage',
  example: {
    args: [{ return_no: '1001', warehouse_no: '1001', create_mode: 0 }, [{ spec_no: 'daba1', num: '1' }]],
  },
};
