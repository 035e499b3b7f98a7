/**
 * The import pipeline, one implementation for the app's Web Worker and the `wdt import` CLI:
 * bytes → sheets → header row → cells read as shown → normalizeField → the spec's rules across lines.
 * It never throws for a bad file; every problem comes back located, in Chinese, all at once.
 */
import type { DocumentSpec } from '../spec';
import { lineColumns, snColumns, type ColumnTarget } from './columns';
import { findHeaderRow, type HeaderMatch } from './headerRow';
import { importLines } from './importLines';
import { importSns } from './importSns';
import { HEADER_SEARCH_ROWS } from './limits';
import { mergedDataCells } from './merges';
import { readSpreadsheet, type SheetGrid } from './readSheet';
import type { RunControl } from './rowLoop';
import type { ImportProblem, ImportResult, ImportTarget, LineQuantity } from './types';

export interface ImportRequest extends RunControl {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly spec: DocumentSpec;
  readonly target: ImportTarget;
  /** For target 'sns': the document's lines, to check each product's SN count against its quantity. */
  readonly lineQuantities?: readonly LineQuantity[];
}

export interface ImportOutcome {
  readonly result: ImportResult;
  /** The sheet that was read, for the error report; null when the file was refused. */
  readonly sheet: SheetGrid | null;
}

export async function importSpreadsheet(request: ImportRequest): Promise<ImportOutcome> {
  const { spec, target, fileName } = request;
  const empty = {
    target,
    fileName,
    sheetName: '',
    headerRow: 0,
    columns: [],
    rowsRead: 0,
    lines: [],
    snGroups: [],
  };
  const refuse = (message: string): ImportOutcome => ({
    result: { ...empty, problems: [{ row: null, column: null, message }] },
    sheet: null,
  });

  const targets = target === 'lines' ? lineColumns(spec) : snColumns(spec);
  if (targets === undefined) return refuse(`「${spec.title}」没有序列号字段，不能导入序列号`);

  request.onProgress?.({ phase: 'reading', done: 0, total: 0 });
  const read = readSpreadsheet(request.bytes, fileName);
  if (!read.ok) return refuse(read.message);
  request.signal?.throwIfAborted();

  const found = pickSheet(read.sheets, targets);
  if (found === undefined) {
    const names = targets.filter((column) => column.required).map((column) => column.field.label);
    return refuse(`在前${HEADER_SEARCH_ROWS}行中没有找到表头，表头应包含：${names.join('、')}`);
  }
  const { sheet, match } = found;
  const base = {
    ...empty,
    sheetName: sheet.name,
    headerRow: match.rowIndex + 1,
    columns: match.columns.map((column) => ({
      index: column.index,
      header: column.header,
      key: column.target?.field.key ?? null,
    })),
  };
  const fileProblems: ImportProblem[] = match.problems.map((message) => ({
    row: match.rowIndex + 1,
    column: null,
    message,
  }));
  const missing = targets.filter(
    (column) => column.required && !match.columns.some((mapped) => mapped.target === column),
  );
  if (missing.length > 0) {
    fileProblems.push({
      row: null,
      column: null,
      message: `缺少必填列：${missing.map((column) => column.field.label).join('、')}`,
    });
  }
  if (fileProblems.length > 0) return { result: { ...base, problems: fileProblems }, sheet };

  const merged = mergedDataCells(sheet, match.rowIndex, match.columns);
  if (target === 'lines') {
    const outcome = await importLines(spec, sheet, match.rowIndex, match.columns, request);
    return {
      result: {
        ...base,
        rowsRead: outcome.lines.length,
        lines: outcome.lines,
        problems: sortProblems([...merged, ...outcome.problems], match),
      },
      sheet,
    };
  }
  const outcome = await importSns(sheet, match.rowIndex, match.columns, request.lineQuantities, request);
  return {
    result: {
      ...base,
      rowsRead: outcome.rowsRead,
      snGroups: outcome.groups,
      problems: sortProblems([...merged, ...outcome.problems], match),
    },
    sheet,
  };
}

/**
 * The sheet whose header names the most known columns, the first on a tie (a template's 填写说明 sheet
 * mentions the labels too, but one per row).
 */
function pickSheet(
  sheets: readonly SheetGrid[],
  targets: readonly ColumnTarget[],
): { sheet: SheetGrid; match: HeaderMatch } | undefined {
  let best: { sheet: SheetGrid; match: HeaderMatch; score: number } | undefined;
  for (const sheet of sheets) {
    const match = findHeaderRow(sheet, targets);
    if (match === undefined) continue;
    const score = match.columns.filter((column) => column.target !== null).length;
    if (best === undefined || score > best.score) best = { sheet, match, score };
  }
  return best;
}

/** File-level problems first, then by row, then left to right, as someone fixing the sheet reads it. */
function sortProblems(problems: ImportProblem[], match: HeaderMatch): ImportProblem[] {
  const order = new Map(match.columns.map((column, position) => [column.header, position]));
  return problems
    .map((problem, position) => ({ problem, position }))
    .sort(
      (a, b) =>
        (a.problem.row ?? 0) - (b.problem.row ?? 0) ||
        (order.get(a.problem.column ?? '') ?? -1) - (order.get(b.problem.column ?? '') ?? -1) ||
        a.position - b.position,
    )
    .map(({ problem }) => problem);
}
