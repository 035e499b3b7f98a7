/**
 * Detail lines from a sheet: every cell read as the user sees it, checked with the same normalizeField the
 * form uses, then the spec's own rules across lines (duplicate products, SN counts, repeated SNs).
 */
import type { CleanValue, DocumentSpec, NormalizedDocument, Problem } from '../spec';
import { normalizeField } from '../validate';
import { hasExampleMark, matchesExample } from './exampleRow';
import type { MappedColumn } from './headerRow';
import { readCell } from './readCell';
import type { SheetGrid } from './readSheet';
import { forEachRow, type RunControl } from './rowLoop';
import type { ImportedLine, ImportProblem } from './types';

interface LinesOutcome {
  readonly lines: ImportedLine[];
  readonly problems: ImportProblem[];
  /** Sheet rows skipped as the template's untouched example. */
  readonly examplesSkipped: number[];
}

type ActiveColumn = MappedColumn & { readonly target: NonNullable<MappedColumn['target']> };

export async function importLines(
  spec: DocumentSpec,
  sheet: SheetGrid,
  headerRowIndex: number,
  columns: readonly MappedColumn[],
  control: RunControl,
  /** The template's example rows (cell texts by field key), skipped when found marked and untouched. */
  examples: readonly Readonly<Record<string, string>>[] = [],
): Promise<LinesOutcome> {
  const active = columns.filter((column): column is ActiveColumn => column.target !== null);
  const lines: ImportedLine[] = [];
  const problems: ImportProblem[] = [];
  const examplesSkipped: number[] = [];
  /** "sheetRow/key" of every cell that failed its own check, so a rule does not repeat it in other words. */
  const failed = new Set<string>();
  // The rules get one entry per spreadsheet row (blank ones empty), so the row numbers they put in their
  // messages ("与第3行重复") are the spreadsheet's own.
  const bySheetRow: Record<string, CleanValue>[] = [];

  await forEachRow(headerRowIndex + 1, sheet.rows.length, control, (rowIndex) => {
    const cells = sheet.rows[rowIndex];
    if (cells === undefined) return;
    const sheetRow = rowIndex + 1;
    const raw: Record<string, string> = {};
    const clean: Record<string, CleanValue> = {};
    const rowProblems: ImportProblem[] = [];
    let blank = true;
    for (const column of active) {
      const field = column.target.field;
      const reading = readCell(field, cells[column.index]);
      raw[field.key] = reading.text;
      if (reading.text !== '') blank = false;
      const result =
        reading.problem !== undefined ? { problem: reading.problem } : normalizeField(field, reading.text);
      if (result.problem !== undefined) {
        rowProblems.push({ row: sheetRow, column: column.header, message: result.problem });
        failed.add(`${sheetRow}/${field.key}`);
      } else if (result.value !== undefined) {
        clean[field.key] = result.value;
      }
    }
    if (blank) return;
    if (hasExampleMark(cells) && matchesExample(raw, examples)) {
      examplesSkipped.push(sheetRow);
      return;
    }
    problems.push(...rowProblems);
    lines.push({ sheetRow, raw, clean });
    bySheetRow[rowIndex] = clean;
  });

  const document: NormalizedDocument = { header: {}, lines: Array.from(bySheetRow, (line) => line ?? {}) };
  for (const rule of spec.rules) {
    for (const problem of rule(document)) {
      const located = locateRuleProblem(problem, active, failed, spec);
      if (located !== undefined) problems.push(located);
    }
  }
  return { lines, problems, examplesSkipped };
}

function locateRuleProblem(
  problem: Problem,
  columns: readonly ActiveColumn[],
  failed: ReadonlySet<string>,
  spec: DocumentSpec,
): ImportProblem | undefined {
  const path = problem.path;
  // Header rules (e.g. 源单号 required for some 源单类型) belong to the form, not to the file.
  if (path.area !== 'lines' || problem.severity !== 'error') return undefined;
  const sheetRow = path.row === undefined ? null : path.row + 1;
  if (sheetRow !== null && path.field !== undefined && failed.has(`${sheetRow}/${path.field}`))
    return undefined;
  const column =
    path.field === undefined
      ? null
      : (columns.find((candidate) => candidate.target.field.key === path.field)?.header ??
        spec.lines.find((field) => field.key === path.field)?.label ??
        path.field);
  return { row: sheetRow, column, message: problem.message };
}
