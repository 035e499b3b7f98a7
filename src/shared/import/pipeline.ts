/**
 * The import pipeline, one implementation for the app's Web Worker and the `wdt import` CLI:
 * bytes → sheets → header row → cells read as shown → normalizeField → the spec's rules across lines.
 * It never throws for a bad file; every problem comes back located, in Chinese, all at once.
 */
import type { DocumentSpec } from '../spec';
import { catalogColumns, catalogExamples } from './catalogColumns';
import { lineColumns, snColumns, type ColumnTarget } from './columns';
import { REASON_HEADER, ROW_NUMBER_HEADER } from './errorReport';
import { skippedExamplesNotice } from './exampleRow';
import { findHeaderRow, type HeaderMatch } from './headerRow';
import { importCatalog, namesCutNotice } from './importCatalog';
import { importLines } from './importLines';
import { importSns } from './importSns';
import { CATALOG_MAX_DATA_ROWS, HEADER_SEARCH_ROWS, MAX_DATA_ROWS } from './limits';
import { mergedDataCells } from './merges';
import { readSpreadsheet, type SheetGrid } from './readSheet';
import type { RunControl } from './rowLoop';
import { templateExamples } from './template';
import type { ColumnChoices, ImportProblem, ImportResult, ImportTarget, LineQuantity } from './types';
import { applyChoices, guessHeaderRow, mappingNeed, targetsWithChoices } from './columnChoices';

interface ImportRequest extends RunControl {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** The document imported into; not used (and may be left out) for target 'catalog'. */
  readonly spec?: DocumentSpec;
  readonly target: ImportTarget;
  /** For target 'sns': the document's lines, to check each product's SN count against its quantity. */
  readonly lineQuantities?: readonly LineQuantity[];
  /** The user's column mapping, when the automatic one left required columns unmatched. */
  readonly choices?: ColumnChoices;
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
    notices: [],
  };
  const refuse = (message: string): ImportOutcome => ({
    result: { ...empty, problems: [{ row: null, column: null, message }] },
    sheet: null,
  });

  if (target !== 'catalog' && spec === undefined) return refuse('没有指定导入到哪种单据');
  const specTargets =
    target === 'catalog' || spec === undefined
      ? catalogColumns()
      : target === 'lines'
        ? lineColumns(spec)
        : snColumns(spec);
  if (specTargets === undefined) return refuse(`「${spec?.title ?? ''}」没有序列号字段，不能导入序列号`);
  const targets = targetsWithChoices(specTargets, request.choices);

  request.onProgress?.({ phase: 'reading', done: 0, total: 0 });
  const read = await readSpreadsheet(
    request.bytes,
    fileName,
    target === 'catalog' ? CATALOG_MAX_DATA_ROWS : MAX_DATA_ROWS,
  );
  if (!read.ok) return refuse(read.message);
  request.signal?.throwIfAborted();

  const picked = pickSheet(read.sheets, targets);
  const found = picked ?? guessHeaderRow(read.sheets);
  if (found === undefined) return refuse('文件中没有数据');
  const { sheet } = found;
  const match = applyChoices(found.match, targets, request.choices);
  const notices = ignoredColumnsNotice(match, target);
  const base = {
    ...empty,
    notices,
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
    const names = missing.map((column) => column.field.label).join('、');
    fileProblems.push({
      row: null,
      column: null,
      message:
        picked === undefined
          ? `在前${HEADER_SEARCH_ROWS}行中没有找到表头（应包含：${names}），请指定各列对应的字段`
          : `缺少必填列：${names}，请指定各列对应的字段`,
    });
    // The user says which columns are ignored: the mapping form shows every column.
    const mapping = mappingNeed(target, sheet, match, targets);
    return { result: { ...base, notices: [], problems: fileProblems, mapping }, sheet };
  }
  if (fileProblems.length > 0) return { result: { ...base, problems: fileProblems }, sheet };

  const merged = mergedDataCells(sheet, match.rowIndex, match.columns);
  if (target === 'catalog' || spec === undefined) {
    const outcome = await importCatalog(sheet, match.rowIndex, match.columns, request, catalogExamples);
    const cutNotice = outcome.namesCut > 0 ? [namesCutNotice(outcome.namesCut)] : [];
    return {
      result: {
        ...base,
        rowsRead: outcome.rowsRead,
        products: outcome.products,
        problems: sortProblems(
          [...noData(outcome.rowsRead, outcome.examplesSkipped), ...merged, ...outcome.problems],
          match,
        ),
        notices: [...withSkipped(notices, outcome.examplesSkipped), ...cutNotice],
      },
      sheet,
    };
  }
  const examples = templateExamples(spec, target);
  if (target === 'lines') {
    const outcome = await importLines(spec, sheet, match.rowIndex, match.columns, request, examples);
    return {
      result: {
        ...base,
        rowsRead: outcome.lines.length,
        lines: outcome.lines,
        problems: sortProblems(
          [...noData(outcome.lines.length, outcome.examplesSkipped), ...merged, ...outcome.problems],
          match,
        ),
        notices: withSkipped(notices, outcome.examplesSkipped),
      },
      sheet,
    };
  }
  const outcome = await importSns(
    sheet,
    match.rowIndex,
    match.columns,
    request.lineQuantities,
    request,
    examples,
  );
  return {
    result: {
      ...base,
      rowsRead: outcome.rowsRead,
      snGroups: outcome.groups,
      problems: sortProblems(
        [
          ...(outcome.problems.some((problem) => problem.row === null)
            ? []
            : noData(outcome.rowsRead, outcome.examplesSkipped)),
          ...merged,
          ...outcome.problems,
        ],
        match,
      ),
      notices: withSkipped(notices, outcome.examplesSkipped),
    },
    sheet,
  };
}

/**
 * Columns the document has no field for (货品名称, 条码…): read past, and named so the user knows they were
 * seen. The error report's own 行号 and 错误原因 are left unsaid: the app wrote them.
 */
function ignoredColumnsNotice(match: HeaderMatch, target: ImportTarget): string[] {
  const ignored = match.columns
    .filter((column) => column.target === null)
    .map((column) => column.header)
    .filter((header) => header !== ROW_NUMBER_HEADER && header !== REASON_HEADER);
  return ignored.length === 0
    ? []
    : [
        `已忽略 ${ignored.length} 列：${ignored.join('、')}（${target === 'catalog' ? '目录不需要这些列' : '本单据没有对应字段'}）`,
      ];
}

function withSkipped(notices: readonly string[], skipped: readonly number[]): string[] {
  return skipped.length === 0 ? [...notices] : [skippedExamplesNotice(skipped), ...notices];
}

/** A sheet with a header and nothing under it cannot be imported; an untouched template says so plainly. */
function noData(rowsRead: number, examplesSkipped: readonly number[]): ImportProblem[] {
  if (rowsRead > 0) return [];
  const message =
    examplesSkipped.length > 0
      ? '模板中没有数据：示例行已跳过，请在示例行下方（或覆盖示例行）填写后再导入'
      : '表头下方没有数据';
  return [{ row: null, column: null, message }];
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
