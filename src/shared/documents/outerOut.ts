/**
 * wms.outer.OuterOut.createOrder (外仓调整出库单创建), written from the vendor page field by field.
 * Arguments: [order, order_details, is_check].
 */
import type { CrossRule, DocumentSpec, LineIdentity } from '../spec';
import { bool, choice, flag, int, snList as snListField, text } from './fields';
import { errorAt, externalNoOrContent, lineField, noticeAt, snsOf, snsUniqueAcrossLines } from './rules';
import { sameStockLines } from './sameLines';
import { WORDS } from './words';

const srcOrderType = choice('src_order_type', '源单类型', {
  values: { 0: '调整出库', 2: '调拨出库', 14: '采购退货出库' },
  help: '0:调整出库，2:调拨出库，14:采购退货出库',
});
const srcOrderNo = text('src_order_no', '源单号', {
  maxLength: 40,
  code: true,
  help: '源单类型为2和14需传源单号',
});
const specNo = text('spec_no', '商家编码', {
  catalog: 'spec',
  maxLength: 40,
  required: true,
  code: true,
  help: '商家编码',
  words: WORDS.specNo,
});
const num = int('num', '数量', {
  maxDigits: 11,
  positive: 'expected',
  required: true,
  help: '数量',
  words: [...WORDS.quantity, '出库数量'],
});
const defect = bool('defect', '是否残次品', { help: '默认false', words: WORDS.defect });
const batchNo = text('batch_no', '批次编号', {
  maxLength: 50,
  code: true,
  help: '批次编号若不在会自动创建',
  words: WORDS.batchNo,
});
const expireDate = text('expire_date', '有效期', { help: '有效期', dateLike: true, words: WORDS.expireDate });
const isEnableSn = flag('is_enable_sn', '是否开启序列号', {
  help: '0：不开启；1：开启；默认不开启',
  words: WORDS.isEnableSn,
  snSwitch: true,
});
const snList = snListField('sn_list', '序列号列表', 'comma', {
  vendorType: 'String',
  code: true,
  help: '序列号列表，多个序列号用","分隔，例如："xxx1,xxx2,xxx3"，开启序列号后序列号数量要与出库数量保持一致',
  words: WORDS.sns,
});

const srcOrderNoWhenReferenced: CrossRule = ({ header }) => {
  const type = header[srcOrderType.key];
  if ((type !== 2 && type !== 14) || header[srcOrderNo.key] !== undefined) return [];
  return [
    errorAt(
      { area: 'header', field: srcOrderNo.key },
      `${srcOrderNo.label} 不能为空（${srcOrderType.label} 为 2（调拨出库）或 14（采购退货出库）时必须填写）`,
    ),
  ];
};

/**
 * "开启序列号后序列号数量要与出库数量保持一致": with SNs switched on, one SN per unit shipped. The page says
 * nothing of SNs sent with SNs off; the ERP presumably ignores them, which a user who scanned them would
 * want to know, so that is a notice.
 */
const snCountMatchesNum: CrossRule = ({ lines }) =>
  lines.flatMap((line, row) => {
    const sns = snsOf(line[snList.key]);
    const path = lineField(row, snList.key);
    if (line[isEnableSn.key] !== 1) {
      return sns === undefined
        ? []
        : [
            noticeAt(
              path,
              `${snList.label} 只在 ${isEnableSn.label} 为 1（开启）时使用；现在未开启，ERP 可能不使用这些序列号`,
            ),
          ];
    }
    if (sns === undefined) return [errorAt(path, `${snList.label} 不能为空（已开启序列号）`)];
    const count = line[num.key];
    if (typeof count === 'number' && sns.length !== count) {
      return [errorAt(path, `${snList.label} 有${sns.length}个序列号，必须与 ${num.label}（${count}）一致`)];
    }
    return [];
  });

const lines = [
  specNo,
  num,
  text('aux_unit_name', '辅助单位', { maxLength: 20, help: '辅助单位', words: WORDS.unitName }),
  text('remark', '备注', { maxLength: 255, help: '备注' }),
  defect,
  batchNo,
  expireDate,
  isEnableSn,
  snList,
];

/** The page has no 货位, so a line is told apart by product, batch, expiry and defect. */
const identity: LineIdentity = {
  fields: [specNo, batchNo, expireDate, defect],
  quantity: num,
  sns: snList,
};

export const outerOutSpec: DocumentSpec = {
  method: 'wms.outer.OuterOut.createOrder',
  title: '外仓调整出库单创建',
  headerArg: 'order',
  headerLabel: '单据数据',
  header: [
    text('warehouse_no', '仓库编号', {
      catalog: 'warehouse',
      maxLength: 40,
      required: true,
      code: true,
      help: '仓库编号',
      words: WORDS.warehouseNo,
    }),
    text('remark', '备注', { maxLength: 255, help: '备注' }),
    text('order_no', '外部单号', {
      maxLength: 40,
      code: true,
      help: '传入外部单号则使用外部单号作为系统内业务单号',
    }),
    srcOrderType,
    srcOrderNo,
    text('reason', '出库原因', { maxLength: 64, help: '出库原因' }),
  ],
  linesArg: 'order_details',
  linesLabel: '单据明细',
  lines,
  linesNested: false,
  linesRequired: true,
  positional: [
    // Required and without a documented default: the user chooses.
    bool('is_check', '是否审核', { required: true, help: '审核：true；不审核：false' }),
  ],
  rules: [
    srcOrderNoWhenReferenced,
    snCountMatchesNum,
    sameStockLines(identity, lines),
    snsUniqueAcrossLines(snList),
  ],
  lineIdentity: identity,
  businessKey: externalNoOrContent('order_no'),
  externalNoField: 'order_no',
  response: 'statusMessage',
  example: { args: [{ warehouse_no: 'pos' }, [{ spec_no: 'DFAQT101', num: 2 }], false] },
};
