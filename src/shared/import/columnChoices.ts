/**
 * Column mapping instead of a dead end. When a sheet's headers do not name every required field (a
 * supplier's own export, headed 编码 / 件数), the user says which sheet column is which field, or 忽略,
 * looking at the first rows. The choice is keyed by the set of headers, so the renderer can remember it and
 * the next file from the same source imports at once. Choices arrive from outside the pipeline (the dialog,
 * or a stored copy of an earlier choice), so a choice naming a field the document lacks is ignored.
 */
import { headerDisplay, headerKey } from './cleanText';
import type { ColumnTarget } from './columns';
import type { HeaderMatch, MappedColumn } from './headerRow';
import { HEADER_SEARCH_ROWS } from './limits';
import type { GridCell, SheetGrid } from './readSheet';
import type { ColumnChoices, ImportTarget, MappingNeed } from './types';

/** Rows of data shown under the headers while mapping. */
const PREVIEW_ROWS = 5;

/** The targets with each chosen header added to its field's names, so the header row is found by them. */
export function targetsWithChoices(
  targets: readonly ColumnTarget[],
  choices: ColumnChoices | undefined,
): readonly ColumnTarget[] {
  if (choices === undefined) return targets;
  return targets.map((target) => {
    const chosen = Object.entries(choices)
      .filter(([, key]) => key === target.field.key)
      .map(([header]) => header);
    return chosen.length === 0 ? target : { ...target, names: [...target.names, ...chosen] };
  });
}

/**
 * The header match with the user's choices applied over the automatic one: a header chosen as 忽略 is
 * ignored even when its name matched a field, and a field chosen for one column is taken off any other.
 */
export function applyChoices(
  match: HeaderMatch,
  targets: readonly ColumnTarget[],
  choices: ColumnChoices | undefined,
): HeaderMatch {
  if (choices === undefined) return match;
  const byKey = new Map(targets.map((target) => [target.field.key, target]));
  const byHeader = new Map(Object.entries(choices).map(([header, key]) => [headerKey(header), key]));
  const chosenFields = new Set(Object.values(choices).filter((key) => key !== null));
  const columns = match.columns.map((column): MappedColumn => {
    const choice = byHeader.get(headerKey(column.header));
    if (choice === undefined) {
      const taken = column.target !== null && chosenFields.has(column.target.field.key);
      return taken ? { ...column, target: null } : column;
    }
    return { ...column, target: choice === null ? null : (byKey.get(choice) ?? null) };
  });
  // Problems were about the automatic mapping (a field named twice); the user's choice settles them.
  return { ...match, columns, problems: [] };
}

/**
 * A header row to map by when no header names any field: the first of the top rows with the most filled
 * cells on the first sheet that has any (a title row above the headers has one filled cell).
 */
export function guessHeaderRow(
  sheets: readonly SheetGrid[],
): { sheet: SheetGrid; match: HeaderMatch } | undefined {
  for (const sheet of sheets) {
    let best: { rowIndex: number; filled: number } | undefined;
    const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
    for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
      const filled = (sheet.rows[rowIndex] ?? []).filter((cell) => cellText(cell) !== '').length;
      if (filled > 0 && (best === undefined || filled > best.filled)) best = { rowIndex, filled };
    }
    if (best === undefined) continue;
    const columns: MappedColumn[] = [];
    (sheet.rows[best.rowIndex] ?? []).forEach((cell, index) => {
      const header = headerDisplay(cellText(cell));
      if (header !== '') columns.push({ index, header, target: null });
    });
    return { sheet, match: { rowIndex: best.rowIndex, columns, problems: [] } };
  }
  return undefined;
}

/** Identifies a source of files: what is imported and the set of its headers, whatever their order. */
export function headerSignature(target: ImportTarget, headers: readonly string[]): string {
  const keys = [...new Set(headers.map(headerKey))].sort();
  return `${target}|${keys.join('|')}`;
}

/** What the dialog needs to let the user map the columns. */
export function mappingNeed(
  target: ImportTarget,
  sheet: SheetGrid,
  match: HeaderMatch,
  targets: readonly ColumnTarget[],
): MappingNeed {
  const preview: string[][] = [];
  for (let rowIndex = match.rowIndex + 1; rowIndex < sheet.rows.length; rowIndex++) {
    if (preview.length >= PREVIEW_ROWS) break;
    const cells = sheet.rows[rowIndex] ?? [];
    const texts = match.columns.map((column) => headerDisplay(cellText(cells[column.index])));
    if (texts.some((text) => text !== '')) preview.push(texts);
  }
  return {
    signature: headerSignature(
      target,
      match.columns.map((column) => column.header),
    ),
    headers: match.columns.map((column) => column.header),
    suggested: match.columns.map((column) => column.target?.field.key ?? null),
    preview,
    fields: targets.map((column) => ({
      key: column.field.key,
      label: column.field.label,
      required: column.required,
    })),
  };
}

function cellText(cell: GridCell | undefined): string {
  if (cell === undefined || cell.v === undefined || cell.v === null) return '';
  return cell.w ?? String(cell.v);
}
