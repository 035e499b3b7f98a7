/**
 * Merged cells below the header: Excel keeps the value only in the first cell of a merge, so the other
 * rows would silently import as blank. Each such merge is reported where it starts.
 */
import type { MappedColumn } from './headerRow';
import type { SheetGrid } from './readSheet';
import { XLSX } from './sheetjs';
import type { ImportProblem } from './types';

export function mergedDataCells(
  sheet: SheetGrid,
  headerRowIndex: number,
  columns: readonly MappedColumn[],
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const merge of sheet.merges) {
    if (merge.s.r <= headerRowIndex && merge.e.r <= headerRowIndex) continue;
    const column = columns.find(
      (candidate) =>
        candidate.target !== null && candidate.index >= merge.s.c && candidate.index <= merge.e.c,
    );
    if (column === undefined) continue;
    problems.push({
      row: Math.max(merge.s.r, headerRowIndex + 1) + 1,
      column: column.header,
      message: `合并单元格 ${XLSX.utils.encode_range(merge)}：请取消合并，并在每一行分别填写`,
    });
  }
  return problems;
}
