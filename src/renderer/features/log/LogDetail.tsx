/**
 * The detail view of one submission: what it means, the document as a form and a table, and what people do
 * next: copy the number, print a receipt, or start a new draft from this one. The exact request and response
 * (and the method name, ids) are kept for support under a toggle.
 */
import { useMemo, useState } from 'react';
import { describeBusinessKey } from '../../../shared/businessKeyText';
import { readSentDocument } from '../../../shared/sentDocument';
import { getSpec } from '../../../shared/documents';
import type { JournalEntryDetail } from '../../../shared/journal';
import {
  documentNoOf,
  formatDuration,
  formatLocalTime,
  isSettled,
  parseBodyArgs,
  prettyJson,
  UNKNOWN_OUTCOME_ADVICE,
} from './logFormat';
import { explanationOf, Field, LogDetailResult } from './LogDetailResult';
import { useLogDetail } from './logStore';
import { OutcomeBadge } from './OutcomeBadge';
import { ReconcilePanel } from '../reconcile/ReconcilePanel';
import { SentCodeNames } from './SentCodeNames';
import { SentHeaderFields, SentLinesTable } from './SentDocumentView';
import { LogReceipt } from './LogReceipt';
import { ReceiptActions } from './ReceiptActions';

/** An unknown outcome a 核对 settled: the warning stays (it is what happened), the answer is below. */
const SETTLED_ADVICE = '提交时结果未知；已向 ERP 核对，结果见下方"核对"。';

/** Called with the vendor method and the positional argument array that was sent (parsed from the body). */
export type CopyAsNewHandler = (method: string, args: unknown[]) => void;

interface LogDetailProps {
  readonly onClose: () => void;
  readonly onCopyAsNew?: CopyAsNewHandler;
}

export function LogDetail({ onClose, onCopyAsNew }: LogDetailProps) {
  const detail = useLogDetail();
  if (detail === null) return null;
  return (
    <section className="log-detail" aria-labelledby="log-detail-title">
      <header className="log-detail-head">
        <h2 id="log-detail-title">记录详情</h2>
        <button
          type="button"
          className="log-detail-close"
          aria-label="关闭详情"
          title="关闭（Esc）"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {detail.loading && <p className="log-detail-note">正在读取…</p>}
      {detail.error !== null && (
        <p className="log-error" role="alert">
          无法读取这条记录：{detail.error}
        </p>
      )}
      {detail.entry !== null && (
        <DetailBody key={detail.entry.id} entry={detail.entry} onCopyAsNew={onCopyAsNew} />
      )}
    </section>
  );
}

function DetailBody({
  entry,
  onCopyAsNew,
}: {
  readonly entry: JournalEntryDetail;
  readonly onCopyAsNew?: CopyAsNewHandler;
}) {
  const [status, setStatus] = useState('');
  const documentNo = documentNoOf(entry);
  const explanation = explanationOf(entry.result) ?? entry.message ?? null;
  const reply = erpReplyOf(entry);
  const args = parseBodyArgs(entry.body);
  const canCopyAsNew = onCopyAsNew !== undefined && args !== null && getSpec(entry.method) !== undefined;
  const keyText = describeBusinessKey(entry.method, entry.businessKey);
  const sent = useMemo(
    () => (entry.bodyLost === true ? null : readSentDocument(entry.method, entry.body)),
    [entry.method, entry.body, entry.bodyLost],
  );
  const [printedAt, setPrintedAt] = useState(() => new Date());

  const copy = async (text: string, what: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`已复制${what}：${text}`);
    } catch {
      setStatus(`无法写入剪贴板，请手动选中${what}复制。`);
    }
  };

  return (
    <div className="log-detail-body">
      <p className="log-detail-summary">
        <OutcomeBadge outcome={entry.outcome} method={entry.method} /> <strong>{entry.documentTitle}</strong>{' '}
        <span className="log-detail-key">{keyText}</span>
      </p>
      {entry.outcome === 'unknown' && (
        <p className="log-unknown-advice" role="note">
          <span aria-hidden="true">⚠ </span>
          {isSettled(entry) ? SETTLED_ADVICE : UNKNOWN_OUTCOME_ADVICE}（业务单号：{keyText}）
        </p>
      )}
      {reply !== null && <p className="log-detail-reply">ERP 的回复：{reply}</p>}
      {explanation !== null && <p className="log-detail-explanation">{explanation}</p>}
      {entry.outcome === 'unknown' && (
        <section className="log-detail-reconcile" aria-labelledby="log-detail-reconcile-title">
          <h3 id="log-detail-reconcile-title">核对</h3>
          <ReconcilePanel entry={entry} />
        </section>
      )}

      <div className="log-detail-actions">
        <button
          type="button"
          disabled={documentNo === undefined}
          onClick={() => documentNo !== undefined && void copy(documentNo, '单号')}
        >
          复制单号
        </button>
        <button type="button" onClick={() => void copy(keyText, '业务单号')}>
          复制业务单号
        </button>
        <button
          type="button"
          disabled={!canCopyAsNew}
          title="以这次提交的内容新建一张草稿，不会直接提交"
          onClick={() => {
            if (onCopyAsNew !== undefined && args !== null) onCopyAsNew(entry.method, args);
          }}
        >
          复制为新单据
        </button>
        <ReceiptActions entry={entry} onStatus={setStatus} onPrinting={() => setPrintedAt(new Date())} />
        <span className="log-detail-status" role="status">
          {status}
        </span>
      </div>

      <dl className="log-fields">
        <Field label="ERP 单号" value={documentNo ?? '—'} />
        <Field label="业务单号" value={keyText} />
        <Field label="提交时间" value={formatLocalTime(entry.time)} />
        <Field
          label="完成时间"
          value={entry.finishedAt === undefined ? '—' : formatLocalTime(entry.finishedAt)}
        />
        <Field label="耗时" value={formatDuration(entry.durationMs)} />
        <Field label="操作员" value={entry.operator || '—'} />
        <Field label="账号配置" value={`${entry.profileName}（${entry.environment}）`} />
      </dl>

      <h3>单据内容</h3>
      {entry.bodyLost === true && (
        <p className="log-detail-note">日志中这条发送记录已损坏，发送的内容无法显示。</p>
      )}
      {sent !== null ? (
        <>
          <SentHeaderFields sent={sent} />
          <SentLinesTable sent={sent} />
        </>
      ) : (
        entry.bodyLost !== true && (
          <p className="log-detail-note">发送的内容无法按单据读取，原文见下方"技术信息"。</p>
        )
      )}
      {entry.bodyLost !== true && <SentCodeNames method={entry.method} body={entry.body} />}

      <details className="log-tech">
        <summary>技术信息（请求与响应原文，供技术支持）</summary>
        <dl className="log-fields">
          <Field label="接口方法" value={entry.method} />
          <Field label="记录编号" value={entry.id} />
          {entry.draftId !== undefined && <Field label="草稿编号" value={entry.draftId} />}
          <Field label="业务键" value={entry.businessKey} />
        </dl>
        <h3>请求内容</h3>
        <pre className="log-code" aria-label="请求内容" tabIndex={0}>
          {entry.bodyLost === true
            ? '（日志中这条发送记录已损坏，发送的内容无法显示）'
            : prettyJson(entry.body)}
        </pre>
        <h3>响应</h3>
        {entry.redacted === true && (
          <p className="log-detail-note">响应中出现了接口密钥，记录时已替换为 ***。</p>
        )}
        <LogDetailResult result={entry.result} />
      </details>
      <LogReceipt entry={entry} sent={sent} printedAt={printedAt} />
    </div>
  );
}

/** The ERP's own words, when it answered with a message (a refusal, an unclear status). */
function erpReplyOf(entry: JournalEntryDetail): string | null {
  const result = entry.result;
  if (result === undefined || result.kind === 'not-sent' || result.kind === 'accepted') return null;
  const response = result.response;
  if (response === undefined || !response.message) return null;
  return response.code ? `${response.message}（${response.code}）` : response.message;
}
