/**
 * Pure operations on the detail grid's rows. Rows are plain records keyed by field key, values as the user
 * typed them (the validator turns them into wire values). Every function returns new arrays, so the store
 * can compare by reference and React re-renders only what changed.
 */
import { readTypedNumber } from '../../../shared/typedValues';
import { isBlank } from '../../../shared/validate';
import type { RawRecord, RawValue } from '../../../shared/spec';

export type GridRow = RawRecord;

export interface CellAddress {
  readonly row: number;
  readonly col: number;
}

export function isEmptyRow(row: GridRow): boolean {
  return Object.values(row).every((value) => isBlank(value));
}

/** Drops completely empty rows at the end: the one Enter opened below the last line is not a line. */
export function trimTrailingEmptyRows(lines: readonly GridRow[]): readonly GridRow[] {
  let end = lines.length;
  while (end > 0 && isEmptyRow(lines[end - 1] ?? {})) end -= 1;
  return end === lines.length ? lines : lines.slice(0, end);
}

export function setCell(lines: readonly GridRow[], row: number, key: string, value: RawValue): GridRow[] {
  const next = [...lines];
  while (next.length <= row) next.push({});
  next[row] = { ...next[row], [key]: value };
  return next;
}

export function insertRow(lines: readonly GridRow[], at: number): GridRow[] {
  const next = [...lines];
  next.splice(Math.max(0, Math.min(at, next.length)), 0, {});
  return next;
}

export function duplicateRow(lines: readonly GridRow[], row: number): GridRow[] {
  const source = lines[row];
  if (source === undefined) return [...lines];
  const next = [...lines];
  next.splice(row + 1, 0, { ...source });
  return next;
}

export function removeRow(lines: readonly GridRow[], row: number): GridRow[] {
  if (row < 0 || row >= lines.length) return [...lines];
  return lines.filter((_, index) => index !== row);
}

interface PasteResult {
  readonly lines: GridRow[];
  /** Rows added below the last one to hold the block. */
  readonly rowsAdded: number;
  /** Cells that fell right of the last column and were dropped. */
  readonly cellsDropped: number;
}

/** Writes a block of text cells into the grid starting at `at`, adding rows as needed, like Excel does. */
export function pasteBlock(
  lines: readonly GridRow[],
  columnKeys: readonly string[],
  at: CellAddress,
  block: readonly (readonly string[])[],
): PasteResult {
  const next = [...lines];
  const before = next.length;
  let cellsDropped = 0;
  block.forEach((cells, offset) => {
    const rowIndex = at.row + offset;
    while (next.length <= rowIndex) next.push({});
    const row: Record<string, RawValue> = { ...next[rowIndex] };
    cells.forEach((text, colOffset) => {
      const key = columnKeys[at.col + colOffset];
      if (key === undefined) cellsDropped += 1;
      else row[key] = text.trim() === '' ? '' : text;
    });
    next[rowIndex] = row;
  });
  return { lines: next, rowsAdded: next.length - before, cellsDropped };
}

/**
 * Writes records (a pasted block placed by its header row) into whole rows from `atRow` down, adding rows as
 * needed; only the keys a record has are written, as a positional paste writes only the cells it covers.
 */
export function pasteRecords(
  lines: readonly GridRow[],
  atRow: number,
  records: readonly Readonly<Record<string, string>>[],
): PasteResult {
  const next = [...lines];
  const before = next.length;
  records.forEach((record, offset) => {
    const rowIndex = atRow + offset;
    while (next.length <= rowIndex) next.push({});
    const row: Record<string, RawValue> = { ...next[rowIndex] };
    for (const [key, text] of Object.entries(record)) row[key] = text.trim() === '' ? '' : text;
    next[rowIndex] = row;
  });
  return { lines: next, rowsAdded: next.length - before, cellsDropped: 0 };
}

/** Sum of a quantity column, counting only cells that are numbers; rounded to the vendors' 4 decimals. */
export function columnTotal(lines: readonly GridRow[], key: string): number {
  let total = 0;
  for (const line of lines) {
    const value = line[key];
    const number =
      typeof value === 'number' ? value : typeof value === 'string' ? Number(readTypedNumber(value)) : NaN;
    if (typeof value === 'string' && value.trim() === '') continue;
    if (Number.isFinite(number)) total += number;
  }
  return Math.round(total * 10_000) / 10_000;
}

/** SNs in a cell: an array, or text with one SN per line or separated by commas. */
export function splitSns(value: RawValue): string[] {
  if (Array.isArray(value)) return value.filter((sn) => sn.trim() !== '');
  if (typeof value !== 'string') return [];
  return value
    .split(/[,，\r\n]+/)
    .map((sn) => sn.trim())
    .filter((sn) => sn !== '');
}
