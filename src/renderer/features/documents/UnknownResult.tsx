/**
 * The result panel for an unknown outcome, and what a 核对 (by the button or by main itself) makes of it:
 * 已创建 reads as created, with the ERP's number; 未创建 says a resend needs no confirmation and offers it;
 * 无法确定 (or no check yet) keeps the warning, with what the check found and the button.
 */
import { acceptedWord, createsNothing } from '../../../shared/outcomeWords';
import type { ReactNode } from 'react';
import type { JournalEntry } from '../../../shared/journal';
import type { CallOutcome } from '../../../shared/outcome';
import type { DocumentSpec } from '../../../shared/spec';
import { useReconcileRun } from '../../stores/reconcileStore';
import { Button } from '../../ui/Button';
import { FindingView } from '../reconcile/FindingView';
import { ReconcilePanel } from '../reconcile/ReconcilePanel';
import { latestFinding } from '../reconcile/reconcileView';

interface UnknownResultProps {
  readonly spec: DocumentSpec;
  readonly entry: JournalEntry;
  readonly outcome: Extract<CallOutcome, { kind: 'unknown' }>;
  readonly onResend: () => void;
  readonly onCopy: (documentNo: string) => void;
  readonly close: ReactNode;
}

export function UnknownResult({ spec, entry, outcome, onResend, onCopy, close }: UnknownResultProps) {
  const run = useReconcileRun(entry.id);
  const finding = latestFinding(entry.reconciled, run?.finding);
  const record = (
    <div className="muted">
      记录编号 <span className="mono">{entry.id}</span>（提交时结果未知，在"提交记录"中可查看详情）
    </div>
  );
  if (finding?.state === 'created') {
    const documentNo = finding.documentNo;
    return (
      <div className="result result-success" role="status">
        <div className="result-title">
          核对结果：{createsNothing(spec.method) ? acceptedWord(spec.method) : `${spec.title}已创建`}
        </div>
        {documentNo !== undefined && (
          <div className="doc-no">
            单据编号 <output className="doc-no-value">{documentNo}</output>
            <Button onClick={() => onCopy(documentNo)}>复制单号</Button>
          </div>
        )}
        <FindingView finding={finding} />
        {record}
        {close}
      </div>
    );
  }
  if (finding?.state === 'not_created') {
    return (
      <div className="result result-warning" role="status">
        <div className="result-title">核对结果：ERP 中没有这张单据</div>
        <FindingView finding={finding} />
        <div>草稿仍保留着，点"重新提交"即可发送。</div>
        <Button kind="primary" onClick={onResend}>
          重新提交
        </Button>
        {record}
        {close}
      </div>
    );
  }
  return (
    <div className="result result-unknown" role="alert">
      <div className="result-title">结果未知：请求已发出，但不知道 ERP 是否创建了单据</div>
      {outcome.response && (
        <div>
          ERP 的回复（状态 {outcome.response.status}）：{outcome.response.message ?? '（无说明）'}
        </div>
      )}
      <div>{outcome.explanation}</div>
      <div>
        如果再次提交，会先请您确认。记录编号 <span className="mono">{entry.id}</span>
        （在"提交记录"中可查看详情）
      </div>
      <div className="muted">原因：{outcome.reason}</div>
      <ReconcilePanel entry={entry} />
      {close}
    </div>
  );
}
