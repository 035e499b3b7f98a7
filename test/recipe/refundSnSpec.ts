/**
 * A made-up document, written exactly as a real one is written in src/shared/documents/: 退货入库SN登记, a
 * stock-in of returned goods whose lines carry serial numbers. Its SN field is deliberately not named
 * sn_list, so a stage that finds SNs by a field name instead of the field's kind fails the recipe test.
 */
import { int, snList, text } from '../../src/shared/documents/fields';
import {
  errorAt,
  externalNoOrContent,
  lineField,
  snsOf,
  snsUniqueAcrossLines,
} from '../../src/shared/documents/rules';
import { sameStockLines } from '../../src/shared/documents/sameLines';
import { WORDS } from '../../src/shared/documents/words';
import type { CrossRule, DocumentSpec, LineIdentity } from '../../src/shared/spec';

export const REFUND_SN_METHOD = 'wms.stockin.RefundSn.createOrder';

const specNo = text('spec_no', '商家编码', {
  catalog: 'spec',
  maxLength: 40,
  required: true,
  code: true,
  help: '商家编码',
  words: WORDS.specNo,
});
const num = int('num', '入库数量', {
  maxDigits: 11,
  positive: 'expected',
  required: true,
  help: '入库数量',
  words: WORDS.quantity,
});
const serialNos = snList('serial_nos', '序列号', 'comma', {
  vendorType: 'String',
  required: true,
  code: true,
  help: '多个序列号用","分隔，序列号数量要与入库数量一致',
  words: WORDS.sns,
});

/** "序列号数量要与入库数量一致": one SN per unit received. */
const snCountMatchesNum: CrossRule = ({ lines }) =>
  lines.flatMap((line, row) => {
    const sns = snsOf(line[serialNos.key]) ?? [];
    const count = line[num.key];
    if (typeof count !== 'number' || sns.length === count) return [];
    return [
      errorAt(
        lineField(row, serialNos.key),
        `${serialNos.label} 有${sns.length}个序列号，必须与 ${num.label}（${count}）一致`,
      ),
    ];
  });

const lines = [specNo, num, serialNos];
const identity: LineIdentity = { fields: [specNo], quantity: num, sns: serialNos };

export const refundSnSpec: DocumentSpec = {
  method: REFUND_SN_METHOD,
  title: '退货入库SN登记',
  headerArg: 'order',
  headerLabel: '单据信息',
  header: [
    text('warehouse_no', '仓库编号', {
      catalog: 'warehouse',
      maxLength: 40,
      required: true,
      code: true,
      help: '仓库编号',
      words: WORDS.warehouseNo,
    }),
    text('refund_no', '退货入库单号', {
      maxLength: 40,
      code: true,
      help: '传入则作为系统内业务单号',
    }),
    text('remark', '备注', { maxLength: 255, help: '备注', words: WORDS.remark }),
  ],
  linesArg: 'details',
  linesLabel: '入库明细',
  lines,
  linesNested: false,
  linesRequired: true,
  positional: [],
  rules: [snCountMatchesNum, sameStockLines(identity, lines), snsUniqueAcrossLines(serialNos)],
  lineIdentity: identity,
  businessKey: externalNoOrContent('refund_no'),
  externalNoField: 'refund_no',
  response: 'statusMessage',
  example: {
    args: [
      { warehouse_no: 'pos', refund_no: 'THRK-001' },
      [{ spec_no: 'DFAQT101', num: 2, serial_nos: 'SN01,SN02' }],
    ],
  },
};
