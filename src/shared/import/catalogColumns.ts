/**
 * The columns of a catalog file: an export of the ERP's goods list (货品档案 / 单品列表), for sellers whose
 * API account may not query master data. Only 商家编码 is required; names and barcodes are what the catalog
 * shows beside codes and what a scanned barcode is looked up by.
 *
 * Header words: 商家编码, 货品名称, 规格名称, 主条码 and 条码 are the ERP's own labels (goods.Goods.queryWithSpec's
 * spec_list / barcode_list field names, which its UI and exports print). The others are guesses at what other
 * exports and hand-made sheets use; each is marked "guess". 货品编号 (goods_no) and 规格码 (spec_code) are
 * deliberately NOT words for 商家编码: they are different codes in the ERP and sit beside it in its exports.
 */
import { catalogLimits } from '../catalog';
import type { FieldSpec } from '../spec';
import type { ColumnTarget } from './columns';

export const CATALOG_SPEC_NO = 'spec_no';
export const CATALOG_GOODS_NAME = 'goods_name';
export const CATALOG_SPEC_NAME = 'spec_name';
export const CATALOG_BARCODE = 'barcode';
export const CATALOG_MAIN_BARCODE = 'main_barcode';

/** Identifies the catalog import where a document method is expected (remembered mappings, the worker). */
export const CATALOG_IMPORT_KEY = 'catalog';

function field(
  key: string,
  label: string,
  options: { required: boolean; code: boolean; help: string; words: readonly string[] },
): FieldSpec {
  return {
    key,
    label,
    vendorType: 'String',
    type: { kind: 'string', maxLength: catalogLimits.codeMaxLength },
    required: options.required,
    help: options.help,
    code: options.code,
    words: options.words,
  };
}

const catalogFields: readonly FieldSpec[] = [
  field(CATALOG_SPEC_NO, '商家编码', {
    required: true,
    code: true,
    help: '单品或组合装的商家编码（spec_no）',
    // 规格商家编码 / 单品编码 / 商品编码 / SKU编码 / sku: guesses (other systems' exports, hand-made sheets).
    words: ['商家编码', 'spec_no', '规格商家编码', '单品编码', '商品编码', 'SKU编码', 'sku'],
  }),
  field(CATALOG_GOODS_NAME, '货品名称', {
    required: false,
    code: false,
    help: '货品名称',
    // 商品名称 / 品名: guesses.
    words: ['货品名称', 'goods_name', '商品名称', '品名'],
  }),
  field(CATALOG_SPEC_NAME, '规格名称', {
    required: false,
    code: false,
    help: '规格名称',
    // 规格 / 商品规格: guesses.
    words: ['规格名称', 'spec_name', '规格', '商品规格'],
  }),
  // 主条码 is a column of its own: an export may carry both 主条码 and 条码 (all barcodes), and both are read.
  field(CATALOG_MAIN_BARCODE, '主条码', {
    required: false,
    code: true,
    help: '主条码；与「条码」列同时存在时排在最前',
    words: ['主条码'],
  }),
  field(CATALOG_BARCODE, '条码', {
    required: false,
    code: true,
    help: '一个或多个条码（多个用逗号、分号、斜杠或空格分隔）；同一商家编码可以占多行',
    // 条码 is the ERP's; 条形码 / 商品条码 / 国际条码 / 其他条码 / barcode_list: guesses.
    words: ['条码', 'barcode', '条形码', '商品条码', '国际条码', '其他条码', 'barcode_list'],
  }),
];

export function catalogColumns(): readonly ColumnTarget[] {
  return catalogFields.map((target) => ({
    field: target,
    names: [target.label, ...(target.words ?? [])],
    required: target.required,
  }));
}

/** The catalog template's example row: skipped when found marked and untouched (see exampleRow.ts). */
export const catalogExamples: readonly Readonly<Record<string, string>>[] = [
  {
    [CATALOG_SPEC_NO]: 'SKU001',
    [CATALOG_GOODS_NAME]: '示例货品',
    [CATALOG_SPEC_NAME]: '红色 M',
    [CATALOG_MAIN_BARCODE]: '6901234567892',
    [CATALOG_BARCODE]: '6901234567892',
  },
];
