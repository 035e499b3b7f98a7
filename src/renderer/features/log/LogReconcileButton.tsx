/**
 * 核对 for the row selected in the list, in the log's header: the rows themselves are options of a
 * listbox and may not hold buttons, so the keyboard reaches the check here (Tab from the list).
 * Shown only while the selected entry is an unknown outcome no check has settled.
 */
import { reconcileEntry, useReconcileRun } from '../../stores/reconcileStore';
import { canReconcile, latestFinding, progressText, RECONCILE_EXPLANATION } from '../reconcile/reconcileView';
import { useLogList } from './logStore';

export function LogReconcileButton() {
  const { rows, selectedId } = useLogList();
  const entry = rows.find((row) => row.id === selectedId);
  const run = useReconcileRun(selectedId ?? '');
  if (entry === undefined) return null;
  const running = run?.running === true;
  if (!running && !canReconcile(entry, latestFinding(entry.reconciled, run?.finding))) return null;
  return (
    <button
      type="button"
      className="log-reconcile"
      disabled={running}
      title={`${RECONCILE_EXPLANATION}（所选记录）`}
      onClick={() => void reconcileEntry(entry.id)}
    >
      {running ? progressText(run.queries) : '核对'}
    </button>
  );
}
