/**
 * The submit button says what stands in the way ("还有 3 个问题", counting the problems the list shows) and
 * is disabled while a send is in flight, so a double click or a held Enter sends once. Pressing it (or
 * Ctrl+Enter) shows every problem, and with problems left it jumps to the first one instead of sending.
 */
import type { DocumentSpec, Problem } from '../../../shared/spec';
import { getDoc, revealProblems, setProblems, useDocLoaded, useSubmitView } from './documentStore';
import { submitDoc } from './submitActions';
import { Button } from '../../ui/Button';
import { errorCount, validateForScreen } from './docModel';
import type { ListedProblem } from './problemIndex';

interface SubmitButtonProps {
  readonly spec: DocumentSpec;
  /** Every problem the check found, shown yet or not: what blocks the send. */
  readonly problems: readonly Problem[];
  /** What the problem list shows: the label counts its errors from the check. */
  readonly shownProblems: readonly ListedProblem[];
  /** The first problem of the whole list, shown once the button is pressed. */
  readonly firstProblem: ListedProblem | undefined;
  readonly onPick: (problem: ListedProblem) => void;
}

export function SubmitButton({ spec, problems, shownProblems, firstProblem, onPick }: SubmitButtonProps) {
  const view = useSubmitView(spec.method);
  const loaded = useDocLoaded(spec.method);
  const sending = view.phase === 'sending';
  const errors = errorCount(problems);
  // Main's verdict is listed too, but it describes the last send: it must not stop the next one.
  const shownErrors = errorCount(shownProblems.filter((problem) => problem.source === 'check'));

  const onClick = () => {
    if (sending) return;
    revealProblems(spec.method);
    if (errors > 0) {
      if (firstProblem) onPick(firstProblem);
      return;
    }
    // The on-screen check may still be waiting for a pause in typing: check the current values now.
    const doc = getDoc(spec.method);
    if (!doc) return;
    const fresh = validateForScreen(spec, doc.header, doc.lines).problems;
    if (errorCount(fresh) > 0) {
      setProblems(spec.method, fresh, doc.header);
      return;
    }
    void submitDoc(spec);
  };

  const label = sending
    ? (view.step ?? '正在提交…')
    : shownErrors > 0
      ? `还有 ${shownErrors} 个问题`
      : '提交';
  return (
    <Button
      kind="primary"
      className="submit-button"
      disabled={sending || !loaded}
      aria-busy={sending}
      aria-keyshortcuts="Control+Enter"
      title="Ctrl+Enter 提交（在本单据任意位置）"
      onClick={onClick}
      onKeyDown={(event) => {
        // A held Enter repeats; only the first press counts.
        if (event.repeat && event.key === 'Enter') event.preventDefault();
      }}
    >
      {label}
      {/* Shown, not read out: the name stays 提交 / 还有 N 个问题; aria-keyshortcuts announces the key. */}
      {!sending && <kbd aria-hidden="true">Ctrl+Enter</kbd>}
    </Button>
  );
}
