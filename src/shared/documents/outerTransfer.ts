/**
 * wms.outer.OuterTransfer.createByApi (外仓快速调拨), written from the vendor page field by field.
 * Arguments: [params, detail_list]. There is no external number: sending twice creates two transfers.
 */
import type { CrossRule, DocumentSpec, FieldSpec } from '../spec';
import { contentKey, errorAt, lineField, uniqueAcrossLines } from './rules';

const mode: FieldSpec = {
  key: 'mode',
  label: '调拨方案',
  vendorType: 'Int',
  type: {
    kind: 'enum',
    options: [
      { value: 1, label: '外仓单品调拨（出+入）' },
      { value: 2, label: '外仓明细调拨（出+入）' },
      { value: 3, label: '外仓单品调拨（出+入+接口）' },
      { value: 4, label: '外仓明细调拨（出+入+接口）' },
    ],
  },
  required: true,
  help: '1：外仓单品调拨（出+入）；2：外仓明细调拨（出+入）；3：外仓单品调拨（出+入+接口）；4：外仓明细调拨（出+入+接口）。使用mode=3/4调拨方案的情况下，需要联系旺店通实施开通增值配置；使用外仓明细调拨的情况下，仓库需要开启外仓库存明细配置',
  initial: 1,
};

const specNo: FieldSpec = {
  key: 'spec_no',
  label: '商家编码',
  vendorType: 'String',
  type: { kind: 'string' },
  required: true,
  help: '商家编码',
  code: true,
};

const batchNo: FieldSpec = {
  key: 'batch_no',
  label: '批次号',
  vendorType: 'String',
  type: { kind: 'string' },
  required: false,
  help: '批次号  mode=2/4有效',
  code: true,
};

const expireDate: FieldSpec = {
  key: 'expire_date',
  label: '有效期',
  vendorType: 'String',
  type: { kind: 'string' },
  required: false,
  help: '有效期  mode=2/4有效',
};

/** Batches exist only in the detail modes; the ERP would otherwise ignore them and move other stock. */
const batchOnlyInDetailModes: CrossRule = ({ header, lines }) => {
  const chosen = header[mode.key];
  if (chosen !== 1 && chosen !== 3) return [];
  return lines.flatMap((line, row) =>
    [batchNo, expireDate]
      .filter((field) => line[field.key] !== undefined)
      .map((field) =>
        errorAt(
          lineField(row, field.key),
          `${field.label} 只在 ${mode.label} 为 2 或 4（明细调拨）时有效，当前为 ${chosen}`,
        ),
      ),
  );
};

export const outerTransferSpec: DocumentSpec = {
  method: 'wms.outer.OuterTransfer.createByApi',
  title: '外仓快速调拨',
  headerArg: 'params',
  headerLabel: '业务请求参数',
  header: [
    {
      key: 'create_mode',
      label: '创建模式',
      vendorType: 'Int',
      type: {
        kind: 'enum',
        options: [
          { value: 0, label: '保存' },
          { value: 1, label: '提交' },
          { value: 2, label: '快速审核' },
        ],
      },
      required: false,
      help: '0：保存；1：提交；2：快速审核；默认0',
    },
    {
      key: 'from_warehouse_no',
      label: '调出仓库',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 40 },
      required: true,
      help: '调出仓库',
      code: true,
    },
    {
      key: 'to_warehouse_no',
      label: '调入仓库',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 40 },
      required: true,
      help: '调入仓库',
      code: true,
    },
    {
      key: 'wms_edit',
      label: '执行wms借调单编辑中状态',
      vendorType: 'Int',
      type: {
        kind: 'enum',
        options: [
          { value: 0, label: '否' },
          { value: 1, label: '是' },
        ],
      },
      required: false,
      help: '0：否；1：是；默认0',
    },
    mode,
    {
      key: 'remark',
      label: '备注',
      vendorType: 'String',
      type: { kind: 'string' },
      required: false,
      help: '备注',
    },
  ],
  linesArg: 'detail_list',
  linesLabel: '明细信息',
  lines: [
    specNo,
    {
      key: 'num',
      label: '调拨数量',
      vendorType: 'Decimal(19,4)',
      type: { kind: 'decimal', precision: 19, scale: 4, positive: true },
      required: true,
      help: '调拨数量',
    },
    batchNo,
    expireDate,
    {
      key: 'defect',
      label: '是否残次品',
      vendorType: 'Int',
      type: { kind: 'flag' },
      required: false,
      help: '是否残次品；0：否；1：是',
    },
    {
      key: 'remark',
      label: '备注',
      vendorType: 'String',
      type: { kind: 'string' },
      required: false,
      help: '备注',
    },
  ],
  linesNested: false,
  linesRequired: true,
  positional: [],
  rules: [batchOnlyInDetailModes, uniqueAcrossLines(specNo)],
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
