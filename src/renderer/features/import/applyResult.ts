/** What the dialog hands to the document when the user imports: grid rows, their problems, SN lists. */
import type { ImportResult } from '../../../shared/import';
import type { RawRecord } from '../../../shared/spec';

export interface ImportApplied {
  /** Detail lines as the grid holds them: raw text keyed by field key. */
  readonly rows: RawRecord[];
  readonly mode: 'replace' | 'append';
  /** Problems per imported row; `index` is 0-based into `rows`. */
  readonly rowIssues: { index: number; messages: string[] }[];
  /** SN lists, for an SN import; specNo null means the document's only line. */
  readonly sns?: { specNo: string | null; sns: string[] }[];
}

export function toApplied(result: ImportResult, mode: 'replace' | 'append'): ImportApplied {
  if (result.target === 'sns') {
    return {
      rows: [],
      mode,
      rowIssues: [],
      sns: result.snGroups.map((group) => ({ specNo: group.specNo, sns: [...group.sns] })),
    };
  }
  const indexOfRow = new Map(result.lines.map((line, index) => [line.sheetRow, index]));
  const issues = new Map<number, string[]>();
  for (const problem of result.problems) {
    const index = problem.row === null ? undefined : indexOfRow.get(problem.row);
    if (index === undefined) continue;
    const messages = issues.get(index) ?? [];
    messages.push(problem.column === null ? problem.message : `${problem.column}：${problem.message}`);
    issues.set(index, messages);
  }
  const rows = result.lines.map((line) => {
    const record: Record<string, string> = {};
    for (const [key, value] of Object.entries(line.raw)) if (value !== '') record[key] = value;
    return record;
  });
  return {
    rows,
    mode,
    rowIssues: [...issues].sort(([a], [b]) => a - b).map(([index, messages]) => ({ index, messages })),
  };
}

/** Whether the file can be imported at all: problems with the whole file (no row) block it. */
export function canApply(result: ImportResult): boolean {
  const blocked = result.problems.some((problem) => problem.row === null);
  const hasData =
    result.target === 'sns'
      ? result.snGroups.length > 0
      : result.target === 'catalog'
        ? (result.products?.length ?? 0) > 0
        : result.lines.length > 0;
  return hasData && !blocked;
}
