/**
 * SN lists from a sheet: one SN per row (or several in one cell, separated as in the form), grouped by the
 * product code when the sheet has that column. A unit can leave only once, so an SN repeated anywhere in
 * the file is an error; the counts are checked against the document's line quantities when given.
 */
import type { FieldSpec } from '../spec';
import { normalizeField } from '../validate';
import { SN_COLUMN_KEY } from './columns';
import { hasExampleMark, matchesExample } from './exampleRow';
import type { MappedColumn } from './headerRow';
import { readCell } from './readCell';
import type { SheetGrid } from './readSheet';
import { forEachRow, type RunControl } from './rowLoop';
import type { ImportProblem, LineQuantity, SnGroup } from './types';

interface SnsOutcome {
  readonly groups: SnGroup[];
  readonly rowsRead: number;
  readonly problems: ImportProblem[];
  /** Sheet rows skipped as the template's untouched example. */
  readonly examplesSkipped: number[];
}

interface GroupBuilder {
  readonly specNo: string | null;
  readonly sns: string[];
  readonly sheetRows: number[];
}

export async function importSns(
  sheet: SheetGrid,
  headerRowIndex: number,
  columns: readonly MappedColumn[],
  lineQuantities: readonly LineQuantity[] | undefined,
  control: RunControl,
  /** The template's example rows (texts keyed by spec_no and sn), skipped when marked and untouched. */
  examples: readonly Readonly<Record<string, string>>[] = [],
): Promise<SnsOutcome> {
  const snColumn = columns.find((column) => column.target?.field.key === SN_COLUMN_KEY);
  const productColumn = columns.find(
    (column) => column.target !== null && column.target.field.key !== SN_COLUMN_KEY,
  );
  const problems: ImportProblem[] = [];
  const examplesSkipped: number[] = [];
  if (snColumn?.target == null) return { groups: [], rowsRead: 0, problems, examplesSkipped };
  const snField: FieldSpec = snColumn.target.field;
  const productFieldSpec = productColumn?.target?.field;

  if (productColumn === undefined && lineQuantities !== undefined && lineQuantities.length > 1) {
    problems.push({
      row: null,
      column: null,
      message: `文件只有序列号列，但单据有${lineQuantities.length}行明细；请增加「商家编码」列，说明每个序列号属于哪个货品`,
    });
    return { groups: [], rowsRead: 0, problems, examplesSkipped };
  }

  const groups = new Map<string | null, GroupBuilder>();
  const firstRowOfSn = new Map<string, number>();
  let rowsRead = 0;

  await forEachRow(headerRowIndex + 1, sheet.rows.length, control, (rowIndex) => {
    const cells = sheet.rows[rowIndex];
    if (cells === undefined) return;
    const sheetRow = rowIndex + 1;
    const snReading = readCell(snField, cells[snColumn.index]);
    const productReading =
      productColumn === undefined || productFieldSpec === undefined
        ? undefined
        : readCell(productFieldSpec, cells[productColumn.index]);
    if (snReading.text === '' && (productReading === undefined || productReading.text === '')) return;
    if (hasExampleMark(cells)) {
      const raw: Record<string, string> = { [SN_COLUMN_KEY]: snReading.text };
      if (productReading !== undefined && productFieldSpec !== undefined)
        raw[productFieldSpec.key] = productReading.text;
      if (matchesExample(raw, examples)) {
        examplesSkipped.push(sheetRow);
        return;
      }
    }
    rowsRead += 1;

    let specNo: string | null = null;
    if (productReading !== undefined && productColumn !== undefined && productFieldSpec !== undefined) {
      const product =
        productReading.problem !== undefined
          ? { problem: productReading.problem }
          : normalizeField({ ...productFieldSpec, required: true }, productReading.text);
      if (product.problem !== undefined) {
        problems.push({ row: sheetRow, column: productColumn.header, message: product.problem });
        return;
      }
      specNo = typeof product.value === 'string' ? product.value : null;
    }

    const sns =
      snReading.problem !== undefined
        ? { problem: snReading.problem }
        : normalizeField(snField, snReading.text);
    if (sns.problem !== undefined || !Array.isArray(sns.value)) {
      problems.push({ row: sheetRow, column: snColumn.header, message: sns.problem ?? '序列号 不能为空' });
      return;
    }
    let group = groups.get(specNo);
    if (group === undefined) {
      group = { specNo, sns: [], sheetRows: [] };
      groups.set(specNo, group);
    }
    for (const sn of sns.value as readonly string[]) {
      const firstRow = firstRowOfSn.get(sn);
      if (firstRow !== undefined) {
        problems.push({
          row: sheetRow,
          column: snColumn.header,
          message: `序列号 "${sn}" 与第${firstRow}行重复`,
        });
        continue;
      }
      firstRowOfSn.set(sn, sheetRow);
      group.sns.push(sn);
    }
    group.sheetRows.push(sheetRow);
  });

  const built = [...groups.values()];
  if (lineQuantities !== undefined) {
    problems.push(...checkCounts(built, lineQuantities, snColumn.header, productColumn?.header ?? null));
  }
  return { groups: built, rowsRead, problems, examplesSkipped };
}

function checkCounts(
  groups: readonly GroupBuilder[],
  lineQuantities: readonly LineQuantity[],
  snHeader: string,
  productHeader: string | null,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const group of groups) {
    const row = group.sheetRows[0] ?? null;
    const line =
      group.specNo === null
        ? lineQuantities.length === 1
          ? lineQuantities[0]
          : undefined
        : lineQuantities.find((candidate) => candidate.specNo === group.specNo);
    if (line === undefined) {
      if (group.specNo !== null) {
        problems.push({
          row,
          column: productHeader,
          message: `商家编码 "${group.specNo}" 不在当前单据的明细中`,
        });
      }
      continue;
    }
    if (line.quantity !== null && group.sns.length !== line.quantity) {
      problems.push({
        row,
        column: snHeader,
        message: `商家编码 "${line.specNo}" 有${group.sns.length}个序列号，与明细数量（${line.quantity}）不一致`,
      });
    }
  }
  return problems;
}
