/**
 * Catalog products from a goods-list sheet: one product per 商家编码, its names from the first row that
 * has them, and every barcode of every row it appears on (an export may list a spec once per barcode, or put
 * several barcodes in one cell). Cells are read as displayed text, so a barcode Excel stores as a number
 * keeps every digit. A row with a problem is left out and reported; the rest can still be imported.
 */
import { catalogLimits, type CatalogImportRow } from '../catalog';
import {
  CATALOG_BARCODE,
  CATALOG_GOODS_NAME,
  CATALOG_MAIN_BARCODE,
  CATALOG_SPEC_NAME,
  CATALOG_SPEC_NO,
} from './catalogColumns';
import { hasExampleMark, matchesExample } from './exampleRow';
import type { MappedColumn } from './headerRow';
import { readCell } from './readCell';
import type { SheetGrid } from './readSheet';
import { forEachRow, type RunControl } from './rowLoop';
import type { ImportProblem } from './types';

/** What the IPC call accepts per product (src/shared/ipc.ts). */
const CATALOG_BARCODES_MAX = 50;
const CODE_MAX = catalogLimits.codeMaxLength;
/**
 * The IPC contract caps names at the ERP's 255 characters: a longer name is cut, since it only labels the
 * code, and the cut is told as a notice rather than losing the product.
 */
const NAME_MAX = catalogLimits.nameMaxLength;
/** Separators people and exports put between barcodes in one cell (full-width ones arrive half-width). */
const BARCODE_SEPARATORS = /[,，;；/／、\s]+/;

interface CatalogOutcome {
  readonly products: CatalogImportRow[];
  readonly rowsRead: number;
  readonly problems: ImportProblem[];
  readonly examplesSkipped: number[];
  /** Rows whose name was cut to NAME_MAX characters. */
  readonly namesCut: number;
}

interface ProductBuilder {
  readonly specNo: string;
  goodsName: string;
  specName: string;
  readonly barcodes: string[];
  /** The sheet row that first named this product, for messages. */
  readonly firstRow: number;
  tooMany: boolean;
}

type ActiveColumn = MappedColumn & { readonly target: NonNullable<MappedColumn['target']> };

export async function importCatalog(
  sheet: SheetGrid,
  headerRowIndex: number,
  columns: readonly MappedColumn[],
  control: RunControl,
  examples: readonly Readonly<Record<string, string>>[] = [],
): Promise<CatalogOutcome> {
  const active = columns.filter((column): column is ActiveColumn => column.target !== null);
  const byKey = new Map(active.map((column) => [column.target.field.key, column]));
  const specColumn = byKey.get(CATALOG_SPEC_NO);
  const problems: ImportProblem[] = [];
  const examplesSkipped: number[] = [];
  const products = new Map<string, ProductBuilder>();
  let rowsRead = 0;
  let namesCut = 0;

  await forEachRow(headerRowIndex + 1, sheet.rows.length, control, (rowIndex) => {
    const cells = sheet.rows[rowIndex];
    if (cells === undefined) return;
    const sheetRow = rowIndex + 1;
    const raw: Record<string, string> = {};
    const rowProblems: ImportProblem[] = [];
    let blank = true;
    for (const column of active) {
      const reading = readCell(column.target.field, cells[column.index]);
      raw[column.target.field.key] = reading.text;
      if (reading.text !== '') blank = false;
      if (reading.problem !== undefined)
        rowProblems.push({ row: sheetRow, column: column.header, message: reading.problem });
    }
    if (blank) return;
    if (hasExampleMark(cells) && matchesExample(raw, examples)) {
      examplesSkipped.push(sheetRow);
      return;
    }
    rowsRead += 1;

    const specNo = raw[CATALOG_SPEC_NO] ?? '';
    const specHeader = specColumn?.header ?? '商家编码';
    if (specNo === '') {
      rowProblems.push({ row: sheetRow, column: specHeader, message: '商家编码 不能为空' });
    } else if (specNo.length > CODE_MAX) {
      rowProblems.push({
        row: sheetRow,
        column: specHeader,
        message: `商家编码 最多${CODE_MAX}个字符（现有${specNo.length}个）`,
      });
    }
    const barcodes: string[] = [];
    for (const key of [CATALOG_MAIN_BARCODE, CATALOG_BARCODE]) {
      const column = byKey.get(key);
      if (column === undefined) continue;
      for (const barcode of splitBarcodes(raw[key] ?? '')) {
        if (barcode.length > CODE_MAX) {
          rowProblems.push({
            row: sheetRow,
            column: column.header,
            message: `条码 "${barcode.slice(0, 20)}…" 最多${CODE_MAX}个字符（现有${barcode.length}个）`,
          });
        } else {
          barcodes.push(barcode);
        }
      }
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      return;
    }

    const goodsName = cut(raw[CATALOG_GOODS_NAME] ?? '');
    const specName = cut(raw[CATALOG_SPEC_NAME] ?? '');
    if (goodsName.cut || specName.cut) namesCut += 1;
    let product = products.get(specNo);
    if (product === undefined) {
      product = { specNo, goodsName: '', specName: '', barcodes: [], firstRow: sheetRow, tooMany: false };
      products.set(specNo, product);
    }
    // The first row that names the product names it: later rows of the same spec usually only add barcodes.
    if (product.goodsName === '') product.goodsName = goodsName.text;
    if (product.specName === '') product.specName = specName.text;
    for (const barcode of barcodes) {
      if (product.barcodes.includes(barcode)) continue;
      if (product.barcodes.length >= CATALOG_BARCODES_MAX) {
        if (!product.tooMany) {
          product.tooMany = true;
          problems.push({
            row: sheetRow,
            column: byKey.get(CATALOG_BARCODE)?.header ?? byKey.get(CATALOG_MAIN_BARCODE)?.header ?? null,
            message: `商家编码 "${specNo}" 的条码超过${CATALOG_BARCODES_MAX}个，多出的条码未导入`,
          });
        }
        continue;
      }
      product.barcodes.push(barcode);
    }
  });

  return {
    products: [...products.values()].map(({ specNo, goodsName, specName, barcodes }) => ({
      specNo,
      goodsName,
      specName,
      barcodes,
    })),
    rowsRead,
    problems,
    examplesSkipped,
    namesCut,
  };
}

/** The barcodes of one cell: split on the separators people use, blanks dropped. */
export function splitBarcodes(text: string): string[] {
  return text.split(BARCODE_SEPARATORS).filter((part) => part !== '');
}

/** At most NAME_MAX UTF-16 units (the IPC check counts them), never half a surrogate pair. */
function cut(text: string): { text: string; cut: boolean } {
  if (text.length <= NAME_MAX) return { text, cut: false };
  let kept = text.slice(0, NAME_MAX);
  const last = kept.charCodeAt(kept.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) kept = kept.slice(0, -1);
  return { text: kept, cut: true };
}

export function namesCutNotice(rows: number): string {
  return `有 ${rows} 行的货品名称或规格名称超过${NAME_MAX}个字符，已截断（只影响显示）`;
}
