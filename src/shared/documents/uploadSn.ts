/**
 * wms.stockout.Base.uploadSN (出库SN明细推送), written from the vendor page field by field.
 * Arguments: [params, detailList]; attaches SNs to an existing stock-out order that is still being edited.
 */
import type { DocumentSpec, FieldSpec } from '../spec';
import { canonicalJson, snsOf, snsUniqueAcrossLines, uniqueAcrossLines } from './rules';

const specNo: FieldSpec = {
  key: 'spec_no',
  label: '商家编码',
  vendorType: 'String',
  type: { kind: 'string', maxLength: 40 },
  required: true,
  help: '商家编码',
  code: true,
};

const snList: FieldSpec = {
  key: 'sn_list',
  label: 'sn列表',
  vendorType: 'List<String>',
  type: { kind: 'snList', wire: 'array' },
  required: true,
  help: 'sn列表',
  code: true,
};

export const uploadSnSpec: DocumentSpec = {
  method: 'wms.stockout.Base.uploadSN',
  title: '出库SN明细推送',
  headerArg: 'params',
  headerLabel: '单据信息',
  header: [
    {
      key: 'stockout_no',
      label: '出库单号',
      vendorType: 'String',
      type: { kind: 'string' },
      required: true,
      help: '出库单号（当前仅支持生产出库、调拨出库、其他出库、采购退货出库，单据状态需要为编辑中才能推送SN）',
      code: true,
    },
    {
      key: 'order_type',
      label: '单据类型',
      vendorType: 'byte',
      type: {
        kind: 'enum',
        options: [
          { value: 2, label: '调拨出库' },
          { value: 5, label: '生产原料出库' },
          { value: 14, label: '采购退货出库' },
          { value: 21, label: '其他出库' },
        ],
      },
      required: true,
      help: '2：调拨出库；5：生产原料出库；14：采购退货出库；21：其他出库',
    },
  ],
  linesArg: 'detailList',
  linesLabel: '明细信息',
  lines: [
    specNo,
    {
      key: 'defect',
      label: '是否残次品',
      vendorType: 'boolean',
      type: { kind: 'boolean' },
      required: false,
      help: '默认false',
    },
    snList,
  ],
  linesNested: false,
  linesRequired: true,
  positional: [],
  rules: [uniqueAcrossLines(specNo), snsUniqueAcrossLines(snList)],
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
