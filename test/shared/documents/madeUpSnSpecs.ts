/**
 * Made-up document specs for the SN tests: SN fields named and placed unlike any real document's, so a
 * test passes only if SNs are found through the spec and not by the real documents' names and positions.
 */
import { snList, text } from '../../../src/shared/documents/fields';
import type { DocumentSpec, FieldSpec } from '../../../src/shared/spec';

function madeUp(
  method: string,
  lines: readonly [FieldSpec, ...FieldSpec[]],
  layout: { readonly linesNested: boolean; readonly positional?: readonly FieldSpec[] },
): DocumentSpec {
  const orderNo = text('order_no', '单号', { required: true, code: true, help: '单号' });
  return {
    method,
    title: '测试单据',
    headerArg: 'order',
    headerLabel: '单据信息',
    header: [orderNo],
    linesArg: 'goods',
    linesLabel: '货品明细',
    lines,
    linesNested: layout.linesNested,
    linesRequired: true,
    positional: layout.positional ?? [],
    rules: [],
    lineIdentity: { fields: lines },
    businessKey: (doc) => `order_no:${String(doc.header.order_no)}`,
    externalNoField: orderNo.key,
    response: 'ack',
    example: { args: [] },
  };
}

const goodsNo = text('goods_no', '货品编号', { required: true, code: true, help: '货品编号' });

/** Lines inside the header object, SNs as a List<String> under `serials`. */
export const nestedSnSpec = madeUp(
  'wms.test.MadeUp.nestedSerials',
  [goodsNo, snList('serials', '序列号', 'array', { vendorType: 'List<String>', help: '序列号' })],
  { linesNested: true },
);

/** Lines as the 2nd argument then a positional flag, two SN fields, one comma-joined. */
export const twoFieldSnSpec = madeUp(
  'wms.test.MadeUp.twoSerialFields',
  [
    goodsNo,
    snList('serial_a', '序列号A', 'comma', { vendorType: 'String', help: '序列号A' }),
    snList('serial_b', '序列号B', 'array', { vendorType: 'List<String>', help: '序列号B' }),
  ],
  { linesNested: false, positional: [text('is_check', '是否审核', { help: '是否审核' })] },
);

/** A document whose lines have a text field that happens to be called sn_list: it carries no SNs. */
export const noSnSpec = madeUp(
  'wms.test.MadeUp.noSerials',
  [goodsNo, text('sn_list', '备注', { help: '名字碰巧叫 sn_list 的普通文本' })],
  { linesNested: false },
);
