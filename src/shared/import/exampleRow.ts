/**
 * The template's example rows. A template downloaded and imported untouched must not put the vendor's
 * example ("hcf", 1) on a real order, so each example row carries a visible mark in the cell right of the
 * last column (under no header, so it is never a column of its own). A row is skipped only when it has the
 * mark and still holds exactly the example: a row typed over the example is the user's data, mark or not.
 */
import type { GridCell } from './readSheet';

export const EXAMPLE_MARK = '← 示例行，导入时自动跳过';

export function hasExampleMark(cells: readonly (GridCell | undefined)[] | undefined): boolean {
  if (cells === undefined) return false;
  return cells.some((cell) => cell?.t === 's' && String(cell.v).trim() === EXAMPLE_MARK);
}

/** Whether every mapped value of the row is what one of the examples has there (blank where it has none). */
export function matchesExample(
  raw: Readonly<Record<string, string>>,
  examples: readonly Readonly<Record<string, string>>[],
): boolean {
  return examples.some((example) =>
    Object.entries(raw).every(([key, text]) => text === (example[key] ?? '')),
  );
}

/** The notice naming the example rows that were left out. */
export function skippedExamplesNotice(sheetRows: readonly number[]): string {
  return `已跳过示例行：第${sheetRows.join('、')}行（模板自带的示例，不会导入）`;
}
