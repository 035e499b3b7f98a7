/**
 * 核对 for one journal entry: the latest finding, the progress of a check running now (started here or by
 * main), why the last one could not run, and the button while the outcome is still open.
 */
import type { JournalEntry } from '../../../shared/journal';
import { reconcileEntry, useReconcileRun } from '../../stores/reconcileStore';
import { FindingView } from './FindingView';
import { canReconcile, latestFinding, progressText, RECONCILE_EXPLANATION } from './reconcileView';
import './reconcile.css';

interface ReconcilePanelProps {
  readonly entry: JournalEntry;
}

export function ReconcilePanel({ entry }: ReconcilePanelProps) {
  const run = useReconcileRun(entry.id);
  const finding = latestFinding(entry.reconciled, run?.finding);
  const running = run?.running === true;
  const offered = canReconcile(entry, finding);
  if (finding === undefined && !offered && !running) return null;
  return (
    <div className="reconcile-panel">
      {finding !== undefined && <FindingView finding={finding} />}
      {running && (
        <p className="reconcile-progress" role="status">
          {progressText(run.queries)}
        </p>
      )}
      {!running && run?.error !== undefined && (
        <p className="reconcile-error" role="alert">
          核对未能完成：{run.error}
        </p>
      )}
      {offered && <ReconcileButton entryId={entry.id} again={finding !== undefined} running={running} />}
    </div>
  );
}

function ReconcileButton({
  entryId,
  again,
  running,
}: {
  readonly entryId: string;
  readonly again: boolean;
  readonly running: boolean;
}) {
  const hintId = `reconcile-hint-${entryId}`;
  return (
    <div className="reconcile-action">
      <button
        type="button"
        className="btn btn-primary"
        disabled={running}
        aria-describedby={hintId}
        onClick={() => void reconcileEntry(entryId)}
      >
        {again ? '再次核对' : '核对'}
      </button>
      <span id={hintId} className="reconcile-hint">
        {RECONCILE_EXPLANATION}
      </span>
    </div>
  );
}
