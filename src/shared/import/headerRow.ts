/**
 * Finds the header row among the first rows of a sheet (a merged title row above it is common) and maps
 * each of its columns to a field. The row naming the most known columns wins; the earliest on a tie.
 */
import type { ColumnTarget } from './columns';
import { headerDisplay, headerKey } from './cleanText';
import { HEADER_SEARCH_ROWS } from './limits';
import type { GridCell, SheetGrid } from './readSheet';

export interface MappedColumn {
  readonly index: number;
  /** The header as written in the file, on one line. */
  readonly header: string;
  readonly target: ColumnTarget | null;
}

export interface HeaderMatch {
  /** 0-based index of the header row. */
  readonly rowIndex: number;
  /** Every non-empty header cell, in sheet order. */
  readonly columns: readonly MappedColumn[];
  /** Problems with the header itself: a field named by two columns. */
  readonly problems: readonly string[];
}

function cellHeaderText(cell: GridCell | undefined): string {
  if (cell === undefined || cell.v === undefined || cell.v === null) return '';
  return cell.w ?? String(cell.v);
}

export function findHeaderRow(sheet: SheetGrid, targets: readonly ColumnTarget[]): HeaderMatch | undefined {
  const byName = new Map<string, ColumnTarget>();
  for (const target of targets) for (const name of target.names) byName.set(headerKey(name), target);

  let best: { rowIndex: number; score: number } | undefined;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const found = new Set<ColumnTarget>();
    for (const cell of sheet.rows[rowIndex] ?? []) {
      const target = byName.get(headerKey(cellHeaderText(cell)));
      if (target !== undefined) found.add(target);
    }
    if (found.size > 0 && (best === undefined || found.size > best.score))
      best = { rowIndex, score: found.size };
  }
  if (best === undefined) return undefined;

  const columns: MappedColumn[] = [];
  const problems: string[] = [];
  const seen = new Map<ColumnTarget, string>();
  (sheet.rows[best.rowIndex] ?? []).forEach((cell, index) => {
    const header = headerDisplay(cellHeaderText(cell));
    if (header === '') return;
    let target = byName.get(headerKey(header)) ?? null;
    if (target !== null) {
      const earlier = seen.get(target);
      if (earlier !== undefined) {
        problems.push(`「${header}」与「${earlier}」是同一列（${target.field.label}），请删除其中一列`);
        target = null;
      } else {
        seen.set(target, header);
      }
    }
    columns.push({ index, header, target });
  });
  return { rowIndex: best.rowIndex, columns, problems };
}
