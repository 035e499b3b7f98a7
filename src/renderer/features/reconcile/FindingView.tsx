/**
 * One 核对 finding as people read it: 已核对 with its time and answer, the evidence, what it means for a
 * resend, and for 无法确定 what was found (candidates, a missing query permission and its remedy, the SNs).
 */
import type { ReconcileFinding } from '../../../shared/reconcile';
import { reconcileStateLabels } from '../../../shared/reconcile';
import { formatLocalTime } from '../log/logFormat';
import { FINDING_ADVICE, snListText } from './reconcileView';

export function FindingView({ finding }: { readonly finding: ReconcileFinding }) {
  const { state, documentNo, missingPermission, sns } = finding;
  return (
    <div className={`reconcile-finding reconcile-finding-${state}`}>
      <p className="reconcile-finding-head">
        <strong>已核对</strong>（{formatLocalTime(finding.checkedAt)}）：
        <span className={`reconcile-state reconcile-state-${state}`}>{reconcileStateLabels[state]}</span>
        {state === 'created' && documentNo !== undefined && (
          <>
            ，ERP 单号 <span className="mono reconcile-doc-no">{documentNo}</span>
          </>
        )}
      </p>
      <p className="reconcile-advice">{FINDING_ADVICE[state]}</p>
      <p className="reconcile-evidence">依据：{finding.evidence}</p>
      {sns !== undefined && (
        <dl className="reconcile-sns">
          <dt>ERP 中已有的序列号（{sns.present.length} 个）</dt>
          <dd>{sns.present.length > 0 ? snListText(sns.present) : '无'}</dd>
          <dt>ERP 中没有的序列号（{sns.missing.length} 个）</dt>
          <dd>{sns.missing.length > 0 ? snListText(sns.missing) : '无'}</dd>
        </dl>
      )}
      {missingPermission !== undefined && (
        <div className="reconcile-permission" role="note">
          <p>
            API 账号不能调用查询接口 <span className="mono">{missingPermission.method}</span>
            （ERP 的回复：{missingPermission.message}），所以无法确定。
          </p>
          <p>
            <strong>处理方法：</strong>
            {missingPermission.remedy}
          </p>
        </div>
      )}
      {state === 'uncertain' && <Candidates finding={finding} />}
      {finding.queries.length > 0 && (
        <p className="reconcile-queries muted">查询接口：{finding.queries.join('、')}</p>
      )}
    </div>
  );
}

function Candidates({ finding }: { readonly finding: ReconcileFinding }) {
  const candidates = finding.candidates ?? [];
  if (candidates.length === 0) {
    return finding.missingPermission === undefined ? (
      <p className="reconcile-candidates-none">没有找到可能是这张单据的记录。</p>
    ) : null;
  }
  return (
    <table className="reconcile-candidates" aria-label="可能是这张单据的记录">
      <caption>找到 {candidates.length} 张可能是这张单据的记录，请在 ERP 中核实：</caption>
      <thead>
        <tr>
          <th scope="col">ERP 单号</th>
          <th scope="col">创建时间</th>
          <th scope="col">摘要</th>
        </tr>
      </thead>
      <tbody>
        {candidates.map((candidate, index) => (
          <tr key={`${candidate.documentNo}-${index}`}>
            <td className="mono">{candidate.documentNo}</td>
            <td>{candidate.createdAt === undefined ? '—' : formatLocalTime(candidate.createdAt)}</td>
            <td>{candidate.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
