/** The response half of the detail view: what the ERP answered, or why there is no answer. */
import type { CallOutcome, ErpResponse } from '../../../shared/outcome';
import { prettyValue } from './logFormat';

/** The plain-Chinese explanation an outcome carries, if any. */
export function explanationOf(result: CallOutcome | undefined): string | null {
  if (result === undefined) return null;
  switch (result.kind) {
    case 'accepted':
      return null;
    case 'approval-failed':
      return `单据已创建，但审核失败：${result.reason.replace(/[。.]$/, '')}。请在旺店通 ERP 中处理审核，不要重新提交。`;
    case 'refused':
    case 'not-sent':
    case 'unknown':
      return result.explanation;
  }
}

export function LogDetailResult({ result }: { readonly result: CallOutcome | undefined }) {
  if (result === undefined) {
    return <p className="log-detail-note">尚无结果：请求正在发送，或结果尚未记录。</p>;
  }
  switch (result.kind) {
    case 'accepted':
    case 'approval-failed':
      return <ResponseFields response={result.response} />;
    case 'refused':
      return (
        <>
          <ResponseFields response={result.response} />
          <p className="log-detail-note">
            {result.resendable ? '稍后原样重发可能成功（限流或服务繁忙）。' : '需要先修正问题再提交。'}
          </p>
        </>
      );
    case 'not-sent':
      return (
        <dl className="log-fields">
          <Field label="原因" value={result.reason} />
          <Field label="说明" value="请求没有发出，ERP 没有收到这张单据，可以放心重试。" />
        </dl>
      );
    case 'unknown':
      // An ERP answer whose status proves nothing (4, 5, 99, unlisted): show it as it came.
      if (result.response) {
        return (
          <>
            <ResponseFields response={result.response} />
            <p className="log-detail-note">
              这个答复不能证明单据没有创建：请先在 ERP 中查找，再决定是否重新提交。
            </p>
          </>
        );
      }
      return (
        <dl className="log-fields">
          <Field label="原因" value={result.reason} />
          <Field
            label="HTTP 状态"
            value={result.httpStatus === undefined ? '—' : String(result.httpStatus)}
          />
          {result.bodyExcerpt !== undefined && (
            <div className="log-field-block">
              <dt>响应片段</dt>
              <dd>
                <pre className="log-code">{result.bodyExcerpt}</pre>
              </dd>
            </div>
          )}
        </dl>
      );
  }
}

function ResponseFields({ response }: { readonly response: ErpResponse }) {
  return (
    <dl className="log-fields">
      <Field label="status" value={String(response.status)} />
      <Field label="code" value={response.code ?? '—'} />
      <Field label="message" value={response.message ?? '—'} />
      <div className="log-field-block">
        <dt>data</dt>
        <dd>
          <pre className="log-code" aria-label="响应数据">
            {prettyValue(response.data)}
          </pre>
        </dd>
      </div>
    </dl>
  );
}

export function Field({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <div className="log-field">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
