/**
 * wms.stockout.Base.uploadSN (出库SN明细推送), written from the vendor page field by field.
 * Arguments: [params, detailList]; attaches SNs to an existing stock-out order that is still being edited.
 */
import type { DocumentSpec, LineIdentity } from '../spec';
import { bool, choice, snList as snListField, text } from './fields';
import { canonicalJson, snsOf, snsUniqueAcrossLines } from './rules';
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
const snList = snListField('sn_list', 'SN列表', 'array', {
  vendorType: 'List<String>',
  required: true,
  code: true,
  help: 'sn列表',
  words: WORDS.sns,
});
const defect = bool('defect', '是否残次品', { help: '默认false', words: WORDS.defect });
const lines = [specNo, defect, snList];
const identity: LineIdentity = { fields: [specNo, defect], sns: snList };

export const uploadSnSpec: DocumentSpec = {
  method: 'wms.stockout.Base.uploadSN',
  title: '出库SN明细推送',
  headerArg: 'params',
  headerLabel: '单据信息',
  header: [
    text('stockout_no', '出库单号', {
      required: true,
      code: true,
      help: '出库单号（当前仅支持生产出库、调拨出库、其他出库、采购退货出库，单据状态需要为编辑中才能推送SN）',
    }),
    choice('order_type', '单据类型', {
      values: { 2: '调拨出库', 5: '生产原料出库', 14: '采购退货出库', 21: '其他出库' },
      vendorType: 'byte',
      required: true,
      help: '2：调拨出库；5：生产原料出库；14：采购退货出库；21：其他出库',
    }),
  ],
  linesArg: 'detailList',
  linesLabel: '明细信息',
  lines,
  linesNested: false,
  linesRequired: true,
  positional: [],
  rules: [sameStockLines(identity, lines), snsUniqueAcrossLines(snList)],
  lineIdentity: identity,
  // The same SNs pushed to the same stock-out order again is the same push, whatever the row order.
  businessKey: (doc) => {
    const sns = doc.lines.flatMap((line) => snsOf(line[snList.key]) ?? []).sort();
    return `stockout_no:${String(doc.header.stockout_no)}|sn:${canonicalJson(sns)}`;
  },
  response: 'ack',
  example: {
    args: [
      { order_type: 2, stockout_no: 'CK202307260007' },
      [
        { sn_list: ['0090x001'], spec_no: '009' },
        { sn_list: ['SNTEST0x001', 'SNTEST0x002'], spec_no: 'SNTEST' },
      ],
    ],
  },
};
