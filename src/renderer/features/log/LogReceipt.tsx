/**
 * The printed receipt of one submission: the document, its lines, the ERP's number, who sent it, when and
 * to which environment, on one A4 page. It is rendered outside the app's root (a portal), shown only by the
 * print style sheet (receipt.css), and printed through main (printReceipt) to a printer or a PDF.
 */
import { createPortal } from 'react-dom';
import type { JournalEntryDetail } from '../../../shared/journal';
import { describeBusinessKey } from '../../../shared/businessKeyText';
import type { SentDocument } from '../../../shared/sentDocument';
import { outcomeLabelFor } from '../../../shared/outcomeWords';
import { documentNoOf, formatLocalTime } from './logFormat';
import { SentHeaderFields, SentLinesTable } from './SentDocumentView';
import './receipt.css';

/** More lines than this do not fit one page with the header; the rest is counted, and is in the log. */
const RECEIPT_LINES_AT_MOST = 30;

interface LogReceiptProps {
  readonly entry: JournalEntryDetail;
  readonly sent: SentDocument | null;
  readonly printedAt: Date;
}

export function LogReceipt({ entry, sent, printedAt }: LogReceiptProps) {
  // Rendered to a string (unit tests) there is no page to print from.
  if (typeof document === 'undefined') return null;
  const documentNo = documentNoOf(entry);
  return createPortal(
    <article className="print-receipt" aria-label="提交回执" data-testid="print-receipt">
      <header className="receipt-head">
        <h1>{entry.documentTitle} · 提交回执</h1>
        <p className="receipt-result">
          {outcomeLabelFor(entry.method, entry.outcome)}
          {documentNo !== undefined && (
            <>
              {' '}
              · ERP 单号 <strong>{documentNo}</strong>
            </>
          )}
        </p>
      </header>
      <dl className="receipt-facts">
        <div>
          <dt>业务单号</dt>
          <dd>{describeBusinessKey(entry.method, entry.businessKey)}</dd>
        </div>
        <div>
          <dt>操作员</dt>
          <dd>{entry.operator || '—'}</dd>
        </div>
        <div>
          <dt>提交时间</dt>
          <dd>{formatLocalTime(entry.time)}</dd>
        </div>
        <div>
          <dt>环境</dt>
          <dd>
            {entry.profileName}（{entry.environment}）
          </dd>
        </div>
      </dl>
      {sent !== null ? (
        <>
          <SentHeaderFields sent={sent} />
          <SentLinesTable sent={sent} max={RECEIPT_LINES_AT_MOST} caption="回执明细" />
        </>
      ) : (
        <p>发送的内容无法读取，请在提交记录中查看。</p>
      )}
      <footer className="receipt-foot">
        打印时间 {formatLocalTime(printedAt.toISOString())} · 记录编号 {entry.id}
      </footer>
    </article>,
    document.body,
  );
}
