/** One line of Chinese per problem, for places without a grid to point at (the CLI, logs, exports). */
import type { DocumentSpec, Problem } from './spec';

function problemLocation(spec: DocumentSpec, problem: Problem): string {
  const path = problem.path;
  if (path.area === 'header') return spec.headerLabel;
  if (path.row === undefined) return spec.linesLabel;
  return `${spec.linesLabel}第${path.row + 1}行`;
}

export function formatProblem(spec: DocumentSpec, problem: Problem): string {
  const level = problem.severity === 'error' ? '错误' : '提醒';
  return `[${level}] ${problemLocation(spec, problem)}：${problem.message}`;
}
