/** The log list's compact 核对 mark: a check running now, or the latest finding (its time in the tooltip). */
import type { JournalEntry } from '../../../shared/journal';
import { useReconcileRun } from '../../stores/reconcileStore';
import { formatLocalTime } from '../log/logFormat';
import { findingBadgeText, latestFinding, progressText } from './reconcileView';
import './reconcile.css';

export function ReconcileBadge({ entry }: { readonly entry: JournalEntry }) {
  const run = useReconcileRun(entry.id);
  if (run?.running === true) {
    return (
      <span className="reconcile-badge reconcile-badge-running" title={progressText(run.queries)}>
        核对中（{run.queries}）
      </span>
    );
  }
  const finding = latestFinding(entry.reconciled, run?.finding);
  if (finding === undefined) return null;
  return (
    <span
      className={`reconcile-badge reconcile-badge-${finding.state}`}
      title={`已核对（${formatLocalTime(finding.checkedAt)}）：${finding.evidence}`}
    >
      {findingBadgeText(finding)}
    </span>
  );
}
