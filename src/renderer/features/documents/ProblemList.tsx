/**
 * Every problem, each a button that moves the focus to its field or cell, and beside it the one-click repair
 * where there is one (合并). Long lists are capped.
 */
import type { ProblemFix } from '../../../shared/spec';
import type { ListedProblem } from './problemIndex';

const SHOWN_AT_MOST = 300;

interface ProblemListProps {
  readonly problems: readonly ListedProblem[];
  readonly onPick: (problem: ListedProblem) => void;
  readonly onFix: (fix: ProblemFix) => void;
  /** True while a big grid's validation is waiting for the typing to pause. */
  readonly pending: boolean;
  /** Some problems wait for their field to be visited or for a try to submit (problemVisibility.ts). */
  readonly somePending?: boolean;
}

export function ProblemList({ problems, onPick, onFix, pending, somePending = false }: ProblemListProps) {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className="problems" aria-label="问题列表">
      <h2 className="section-title">
        问题 {errors > 0 && <span className="count count-error">{errors} 个错误</span>}
        {warnings > 0 && <span className="count count-warning">{warnings} 个提醒</span>}
        {pending && <span className="muted">（检查中…）</span>}
      </h2>
      {problems.length === 0 ? (
        <p className="muted">
          {pending
            ? '正在检查…'
            : somePending
              ? '未填的必填项在离开该处或按 提交 时列出。'
              : '没有发现问题。'}
        </p>
      ) : (
        <ul className="problem-list">
          {problems.slice(0, SHOWN_AT_MOST).map((problem, index) => (
            <li key={`${problem.location}-${index}`} className="problem-item">
              <button
                type="button"
                className={`problem problem-${problem.severity}`}
                onClick={() => onPick(problem)}
                title="点击定位到该处"
              >
                <span className="problem-location">{problem.location}</span>
                <span className="problem-message">{problem.message}</span>
                {problem.source === 'main' && <span className="problem-tag">提交时检查</span>}
                {problem.source === 'catalog' && (
                  <span className="problem-tag" title="按本地目录检查；不影响提交">
                    目录
                  </span>
                )}
              </button>
              {problem.fix?.kind === 'mergeLines' && (
                <button
                  type="button"
                  className="problem-fix"
                  onClick={() => problem.fix && onFix(problem.fix)}
                  title="把这几行合并为一行：数量相加，序列号合在一起"
                >
                  合并
                </button>
              )}
            </li>
          ))}
          {problems.length > SHOWN_AT_MOST && (
            <li className="muted">
              还有 {problems.length - SHOWN_AT_MOST} 个问题未列出，请先修正上面的问题。
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
