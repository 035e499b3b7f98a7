/**
 * "导出错误报告": the imported sheet again, every column as the file had it, plus 行号 (the original row)
 * and 错误原因. Code columns are written as text with their full digits, so the report can be corrected in
 * Excel and imported again as is: the mapper ignores 行号 and 错误原因 like any unknown column.
 */
import type { CellObject } from '@e965/xlsx';
import type { DocumentSpec, FieldSpec } from '../spec';
import { catalogColumns } from './catalogColumns';
import { lineColumns, snColumns } from './columns';
import { readCell } from './readCell';
import type { GridCell, SheetGrid } from './readSheet';
import type { ImportResult } from './types';
import { fieldCell, plainCell, sheetFromCells, textWidth, workbookBytes } from './writeSheet';
import { XLSX } from './sheetjs';

export const ROW_NUMBER_HEADER = '行号';
export const REASON_HEADER = '错误原因';
const REPORT_SHEET = '错误报告';

export function errorReportFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]*$/, '')}-错误报告.xlsx`;
}

export function buildErrorReport(
  spec: DocumentSpec | undefined,
  sheet: SheetGrid,
  result: ImportResult,
): Uint8Array {
  const targets =
    (result.target === 'catalog' || spec === undefined
      ? catalogColumns()
      : result.target === 'lines'
        ? lineColumns(spec)
        : snColumns(spec)) ?? [];
  const fieldOf = new Map<string, FieldSpec>(targets.map((target) => [target.field.key, target.field]));
  // A report imported and reported again must not grow a second 行号 / 错误原因 pair.
  const kept = result.columns
    .filter((column) => column.header !== ROW_NUMBER_HEADER && column.header !== REASON_HEADER)
    .map((column) => ({
      header: column.header,
      index: column.index,
      field: column.key === null ? undefined : fieldOf.get(column.key),
    }));

  const reasons = new Map<number, string[]>();
  for (const problem of result.problems) {
    if (problem.row === null) continue;
    const list = reasons.get(problem.row) ?? [];
    list.push(problem.column === null ? problem.message : `【${problem.column}】${problem.message}`);
    reasons.set(problem.row, list);
  }

  const rows: CellObject[][] = [
    [...kept.map(({ header }) => plainCell(header)), plainCell(ROW_NUMBER_HEADER), plainCell(REASON_HEADER)],
  ];
  for (let rowIndex = result.headerRow; rowIndex < sheet.rows.length; rowIndex++) {
    const cells = sheet.rows[rowIndex] ?? [];
    const sheetRow = rowIndex + 1;
    const values = kept.map(({ index, field }) => ({ field, text: cellText(field, cells[index]) }));
    const blank = values.every(({ field, text }) => field === undefined || text === '');
    const reason = reasons.get(sheetRow);
    if (blank && reason === undefined) continue;
    rows.push([
      ...values.map(({ field, text }) => (field === undefined ? plainCell(text) : fieldCell(field, text))),
      plainCell(sheetRow),
      plainCell((reason ?? []).join('；')),
    ]);
  }
  const widths = [...kept.map(({ header }) => Math.max(12, textWidth(header) + 4)), 8, 60];
  const report = sheetFromCells(rows, widths);
  report['!autofilter'] = { ref: report['!ref'] ?? 'A1' };
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, report, REPORT_SHEET);
  return workbookBytes(workbook);
}

/** Mapped columns as the import read them (full digits, dates in the field's format); others as shown. */
function cellText(field: FieldSpec | undefined, cell: GridCell | undefined): string {
  if (field !== undefined) return readCell(field, cell).text;
  if (cell === undefined || cell.v === undefined || cell.v === null) return '';
  return cell.w ?? String(cell.v);
}
