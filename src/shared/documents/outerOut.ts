/**
 * wms.outer.OuterOut.createOrder (外仓调整出库单创建), written from the vendor page field by field.
 * Arguments: [order, order_details, is_check].
 */
import type { CrossRule, DocumentSpec, FieldSpec } from '../spec';
import {
  errorAt,
  externalNoOrContent,
  lineField,
  snsOf,
  snsUniqueAcrossLines,
  uniqueAcrossLines,
} from './rules';

const srcOrderType: FieldSpec = {
  key: 'src_order_type',
  label: '源单类型',
  vendorType: 'Int',
  type: {
    kind: 'enum',
    options: [
      { value: 0, label: '调整出库' },
      { value: 2, label: '调拨出库' },
      { value: 14, label: '采购退货出库' },
    ],
  },
  required: false,
  help: '0:调整出库，2:调拨出库，14:采购退货出库',
};

const srcOrderNo: FieldSpec = {
  key: 'src_order_no',
  label: '源单号',
  vendorType: 'String',
  type: { kind: 'string', maxLength: 40 },
  required: false,
  help: '源单类型为2和14需传源单号',
  code: true,
};

const specNo: FieldSpec = {
  key: 'spec_no',
  label: '商家编码',
  vendorType: 'String',
  type: { kind: 'string', maxLength: 40 },
  required: true,
  help: '商家编码',
  code: true,
};

const num: FieldSpec = {
  key: 'num',
  label: '数量',
  vendorType: 'Int',
  type: { kind: 'int', maxDigits: 11, positive: true },
  required: true,
  help: '数量',
};

const isEnableSn: FieldSpec = {
  key: 'is_enable_sn',
  label: '是否开启序列号',
  vendorType: 'Int',
  type: { kind: 'flag' },
  required: false,
  help: '0：不开启；1：开启；默认不开启',
};

const snList: FieldSpec = {
  key: 'sn_list',
  label: '序列号列表',
  vendorType: 'String',
  type: { kind: 'snList', wire: 'comma' },
  required: false,
  help: '序列号列表，多个序列号用","分隔，例如："xxx1,xxx2,xxx3"，开启序列号后序列号数量要与出库数量保持一致',
  code: true,
};

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

/** With SNs switched on, the ERP wants exactly one SN per unit shipped; without, it takes none. */
const snCountMatchesNum: CrossRule = ({ lines }) =>
  lines.flatMap((line, row) => {
    const sns = snsOf(line[snList.key]);
    const path = lineField(row, snList.key);
    if (line[isEnableSn.key] !== 1) {
      return sns === undefined
        ? []
        : [errorAt(path, `${snList.label} 只能在 ${isEnableSn.label} 为 1（开启）时填写`)];
    }
    if (sns === undefined) return [errorAt(path, `${snList.label} 不能为空（已开启序列号）`)];
    const count = line[num.key];
    if (typeof count === 'number' && sns.length !== count) {
      return [errorAt(path, `${snList.label} 有${sns.length}个序列号，必须与 ${num.label}（${count}）一致`)];
    }
    return [];
  });

export const outerOutSpec: DocumentSpec = {
  method: 'wms.outer.OuterOut.createOrder',
  title: '外仓调整出库单创建',
  headerArg: 'order',
  headerLabel: '单据数据',
  header: [
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
      key: 'remark',
      label: '备注',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 255 },
      required: false,
      help: '备注',
    },
    {
      key: 'order_no',
      label: '外部单号',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 40 },
      required: false,
      help: '传入外部单号则使用外部单号作为系统内业务单号',
      code: true,
    },
    srcOrderType,
    srcOrderNo,
    {
      key: 'reason',
      label: '出库原因',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 64 },
      required: false,
      help: '出库原因',
    },
  ],
  linesArg: 'order_details',
  linesLabel: '单据明细',
  lines: [
    specNo,
    num,
    {
      key: 'aux_unit_name',
      label: '辅助单位',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 20 },
      required: false,
      help: '辅助单位',
    },
    {
      key: 'remark',
      label: '备注',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 255 },
      required: false,
      help: '备注',
    },
    {
      key: 'defect',
      label: '是否残次品',
      vendorType: 'boolean',
      type: { kind: 'boolean' },
      required: false,
      help: '默认false',
    },
    {
      key: 'batch_no',
      label: '批次编号',
      vendorType: 'String',
      type: { kind: 'string', maxLength: 50 },
      required: false,
      help: '批次编号若不在会自动创建',
      code: true,
    },
    {
      key: 'expire_date',
      label: '有效期',
      vendorType: 'String',
      type: { kind: 'string' },
      required: false,
      help: '有效期',
    },
    isEnableSn,
    snList,
  ],
  linesNested: false,
  linesRequired: true,
  positional: [
    {
      key: 'is_check',
      label: '是否审核',
      vendorType: 'boolean',
      type: { kind: 'boolean' },
      required: true,
      help: '审核：true；不审核：false',
      initial: false,
    },
  ],
  rules: [
    srcOrderNoWhenReferenced,
    snCountMatchesNum,
    uniqueAcrossLines(specNo),
    snsUniqueAcrossLines(snList),
  ],
  businessKey: externalNoOrContent('order_no'),
  externalNoField: 'order_no',
  response: 'statusMessage',
  example: { args: [{ warehouse_no: 'pos' }, [{ spec_no: 'DFAQT101', num: 2 }], false] },
};
