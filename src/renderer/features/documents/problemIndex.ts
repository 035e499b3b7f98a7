/**
 * The problem list's rows: validator problems, main's problems and the import's row issues merged, each with
 * a Chinese location, and an index of bad cells for the grid to colour.
 */
import type { DocumentSpec, Problem, ProblemFix, ProblemPath } from '../../../shared/spec';

export interface ListedProblem {
  readonly path: ProblemPath;
  readonly location: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** 'catalog': a code the local catalog lacks; a notice that never blocks (issue #14). */
  readonly source: 'check' | 'main' | 'import' | 'catalog';
  /** A one-click repair the list offers beside the problem (合并). */
  readonly fix?: ProblemFix;
}

interface ImportRowIssue {
  readonly index: number;
  readonly messages: readonly string[];
}

function fieldLabel(
  spec: DocumentSpec,
  area: 'header' | 'lines',
  key: string | undefined,
): string | undefined {
  if (key === undefined) return undefined;
  const fields = area === 'header' ? [...spec.header, ...spec.positional] : spec.lines;
  return fields.find((field) => field.key === key)?.label ?? key;
}

function locate(spec: DocumentSpec, path: ProblemPath): string {
  if (path.area === 'header') return `${spec.headerLabel} · ${fieldLabel(spec, 'header', path.field) ?? ''}`;
  const label = fieldLabel(spec, 'lines', path.field);
  if (path.row === undefined) return label ? `${spec.linesLabel} · ${label}` : spec.linesLabel;
  return label ? `第${path.row + 1}行 · ${label}` : `第${path.row + 1}行`;
}

export function listProblems(
  spec: DocumentSpec,
  checks: readonly Problem[],
  fromMain: readonly Problem[],
  importIssues: readonly ImportRowIssue[],
  catalogNotices: readonly Problem[] = [],
): ListedProblem[] {
  const listed: ListedProblem[] = [];
  const seen = new Set<string>();
  const add = (problem: Problem, source: ListedProblem['source']) => {
    const key = `${JSON.stringify(problem.path)}|${problem.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    listed.push({ ...problem, location: locate(spec, problem.path), source });
  };
  // Main's verdict first: it is what actually stopped the send.
  fromMain.forEach((problem) => add(problem, 'main'));
  checks.forEach((problem) => add(problem, 'check'));
  // Never errors, whatever the caller passes: the catalog may be out of date.
  catalogNotices.forEach((problem) => add({ ...problem, severity: 'warning' }, 'catalog'));
  for (const issue of importIssues) {
    for (const message of issue.messages) {
      add(
        { path: { area: 'lines', row: issue.index }, message: `导入：${message}`, severity: 'warning' },
        'import',
      );
    }
  }
  return listed;
}

/** Row → field keys with an error, for the grid's red cells. Notices are listed, not painted red. */
export function problemKeysByRow(problems: readonly Problem[]): Map<number, Set<string>> {
  const byRow = new Map<number, Set<string>>();
  for (const problem of problems) {
    if (problem.severity !== 'error') continue;
    const path = problem.path;
    if (path.area !== 'lines' || path.row === undefined || path.field === undefined) continue;
    let keys = byRow.get(path.row);
    if (!keys) byRow.set(path.row, (keys = new Set()));
    keys.add(path.field);
  }
  return byRow;
}
