/**
 * wms.outer.OuterTransfer.createByApi (外仓快速调拨), written from the vendor page field by field.
 * Arguments: [params, detail_list]. There is no external number: sending twice creates two transfers.
 */
import type { CrossRule, DocumentSpec, LineIdentity } from '../spec';
import { choice, decimal, flag, text } from './fields';
import { contentKey, lineField, noticeAt } from './rules';
import { sameStockLines } from './sameLines';
import { WORDS } from './words';

const mode = choice('mode', '调拨方案', {
  values: {
    1: '外仓单品调拨（出+入）',
    2: '外仓明细调拨（出+入）',
    3: '外仓单品调拨（出+入+接口）',
    4: '外仓明细调拨（出+入+接口）',
  },
  // Required and without a documented default: it starts empty so the user chooses.
  required: true,
  help: '1：外仓单品调拨（出+入）；2：外仓明细调拨（出+入）；3：外仓单品调拨（出+入+接口）；4：外仓明细调拨（出+入+接口）。使用mode=3/4调拨方案的情况下，需要联系旺店通实施开通增值配置；使用外仓明细调拨的情况下，仓库需要开启外仓库存明细配置',
});
const specNo = text('spec_no', '商家编码', {
  catalog: 'spec',
  required: true,
  code: true,
  help: '商家编码',
  words: WORDS.specNo,
});
const batchNo = text('batch_no', '批次号', {
  code: true,
  help: '批次号  mode=2/4有效',
  words: WORDS.batchNo,
});
const expireDate = text('expire_date', '有效期', {
  help: '有效期  mode=2/4有效',
  dateLike: true,
  words: WORDS.expireDate,
});
const num = decimal('num', '调拨数量', {
  positive: 'expected',
  required: true,
  help: '调拨数量',
  words: WORDS.quantity,
});
const defect = flag('defect', '是否残次品', { help: '是否残次品；0：否；1：是', words: WORDS.defect });

/**
 * "批次号 mode=2/4有效": in mode 1/3 the ERP does not use a batch or expiry, so sending one is allowed but
 * moves whatever stock the ERP picks. The user is told, not stopped.
 */
const batchOnlyInDetailModes: CrossRule = ({ header, lines }) => {
  const chosen = header[mode.key];
  if (chosen !== 1 && chosen !== 3) return [];
  return lines.flatMap((line, row) =>
    [batchNo, expireDate]
      .filter((field) => line[field.key] !== undefined)
      .map((field) =>
        noticeAt(
          lineField(row, field.key),
          `${field.label} 只在 ${mode.label} 为 2 或 4（明细调拨）时由 ERP 使用；当前为 ${chosen}，ERP 不会按它调拨`,
        ),
      ),
  );
};

const lines = [specNo, num, batchNo, expireDate, defect, text('remark', '备注', { help: '备注' })];

const identity: LineIdentity = { fields: [specNo, batchNo, expireDate, defect], quantity: num };

export const outerTransferSpec: DocumentSpec = {
  method: 'wms.outer.OuterTransfer.createByApi',
  title: '外仓快速调拨',
  headerArg: 'params',
  headerLabel: '业务请求参数',
  header: [
    choice('create_mode', '创建模式', {
      values: { 0: '保存', 1: '提交', 2: '快速审核' },
      help: '0：保存；1：提交；2：快速审核；默认0',
    }),
    text('from_warehouse_no', '调出仓库', {
      maxLength: 40,
      required: true,
      code: true,
      help: '调出仓库',
      catalog: 'warehouse',
    }),
    text('to_warehouse_no', '调入仓库', {
      maxLength: 40,
      required: true,
      code: true,
      help: '调入仓库',
      catalog: 'warehouse',
    }),
    choice('wms_edit', '执行wms借调单编辑中状态', {
      values: { 0: '否', 1: '是' },
      help: '0：否；1：是；默认0',
    }),
    mode,
    text('remark', '备注', { help: '备注' }),
  ],
  linesArg: 'detail_list',
  linesLabel: '明细信息',
  lines,
  linesNested: false,
  linesRequired: true,
  positional: [],
  rules: [batchOnlyInDetailModes, sameStockLines(identity, lines)],
  lineIdentity: identity,
  businessKey: contentKey,
  response: 'transferNo',
  example: {
    args: [
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
  },
};
