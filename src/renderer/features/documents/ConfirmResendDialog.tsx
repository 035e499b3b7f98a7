/**
 * Shown when main found the same document in the journal as created, or possibly created: the user sees
 * the earlier sends and must choose "仍然提交" explicitly; the default button is the safe one.
 */
import type { JournalEntry } from '../../../shared/journal';
import { journalOutcomeLabels } from '../../../shared/journal';
import { reconcileStateLabels } from '../../../shared/reconcile';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { formatTime } from './formatTime';

interface ConfirmResendDialogProps {
  readonly prior: readonly JournalEntry[];
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function ConfirmResendDialog({ prior, onConfirm, onCancel }: ConfirmResendDialogProps) {
  // An unknown outcome a 核对 found created is as certain as an accepted one.
  const maybeCreated = prior.some(
    (entry) =>
      (entry.outcome === 'unknown' && entry.reconciled?.state !== 'created') || entry.outcome === 'sending',
  );
  return (
    <Dialog
      title="这张单据以前提交过"
      onClose={onCancel}
      wide
      actions={
        <>
          <Button kind="primary" onClick={onCancel} data-autofocus>
            不提交
          </Button>
          <Button kind="danger" onClick={onConfirm}>
            仍然提交
          </Button>
        </>
      }
    >
      <p>
        提交记录里有相同的单据（同一单号或相同内容）。
        {maybeCreated
          ? '其中有结果未知的提交：ERP 可能已经创建了单据。请先到 ERP 中查找，确认没有创建后再提交。'
          : 'ERP 已经创建过这张单据，再次提交可能产生重复单据。'}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th>时间</th>
            <th>结果</th>
            <th>单据编号</th>
            <th>操作人</th>
            <th>记录编号</th>
          </tr>
        </thead>
        <tbody>
          {prior.map((entry) => (
            <tr key={entry.id} className={entry.outcome === 'unknown' ? 'row-unknown' : undefined}>
              <td>{formatTime(entry.time)}</td>
              <td>{resultText(entry)}</td>
              <td>{entry.documentNo ?? entry.reconciled?.documentNo ?? '—'}</td>
              <td>{entry.operator || '—'}</td>
              <td className="mono">{entry.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">只有确定要再建一张单据时才选择"仍然提交"。</p>
    </Dialog>
  );
}

/** The outcome as sent, and what the latest 核对 found: "结果未知（核对：已创建）". */
function resultText(entry: JournalEntry): string {
  const label = journalOutcomeLabels[entry.outcome];
  return entry.reconciled === undefined
    ? label
    : `${label}（核对：${reconcileStateLabels[entry.reconciled.state]}）`;
}
