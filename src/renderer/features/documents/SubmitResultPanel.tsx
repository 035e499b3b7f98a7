/**
 * What became of a submission, shown the way it really is. Only 'not-sent' and a resendable refusal offer a
 * retry; an unknown outcome offers 核对 instead, and a resend only once a check found nothing was created
 * (see UnknownResult.tsx).
 */
import type { DocumentSpec } from '../../../shared/spec';
import type { SubmitView } from './documentStore';
import { showNotice } from '../../stores/noticeStore';
import { Button } from '../../ui/Button';
import { describeBusinessKey } from '../../../shared/businessKeyText';
import { acceptedWord, createsNothing } from '../../../shared/outcomeWords';
import { UnknownResult } from './UnknownResult';

interface SubmitResultPanelProps {
  readonly spec: DocumentSpec;
  readonly view: SubmitView;
  readonly onRetry: () => void;
  readonly onDismiss: () => void;
}

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    showNotice('success', `已复制：${text}`);
  } catch {
    showNotice('error', '无法写入剪贴板，请手动选中单号复制');
  }
}

export function SubmitResultPanel({ spec, view, onRetry, onDismiss }: SubmitResultPanelProps) {
  if (view.phase === 'idle' || view.phase === 'sending' || view.phase === 'confirm') return null;
  const close = (
    <Button kind="link" onClick={onDismiss} aria-label="关闭结果">
      关闭
    </Button>
  );
  if (view.phase === 'error') {
    return (
      <div className="result result-error" role="alert">
        <strong>未能提交：</strong>
        {view.error.message}
        {view.error.code === 'BUSY' && <span>（这张单据正在提交中，请等待结果）</span>} {close}
      </div>
    );
  }
  if (view.phase === 'invalid') {
    return (
      <div className="result result-error" role="alert">
        <strong>未发送：</strong>提交前的检查发现 {view.problems.length} 个问题（见右侧列表），修正后再提交。{' '}
        {close}
      </div>
    );
  }
  const { outcome, entry } = view;
  switch (outcome.kind) {
    case 'accepted':
      return (
        <div className="result result-success" role="status">
          <div className="result-title">
            提交成功：
            {createsNothing(spec.method)
              ? `${acceptedWord(spec.method)}（${describeBusinessKey(entry.method, entry.businessKey)}）`
              : `${spec.title}已创建`}
          </div>
          {outcome.documentNo ? (
            <div className="doc-no">
              单据编号 <output className="doc-no-value">{outcome.documentNo}</output>
              <Button onClick={() => void copy(outcome.documentNo ?? '')}>复制单号</Button>
            </div>
          ) : (
            <div>ERP 已接收（该接口不返回单据编号）。</div>
          )}
          <div className="muted">草稿已清空，可以开始下一张单据。记录编号 {entry.id}</div>
          {close}
        </div>
      );
    case 'approval-failed':
      return (
        <div className="result result-warning" role="alert">
          <div className="result-title">单据已创建，但审核失败：{outcome.reason}</div>
          <div>不要重新提交：请到 ERP 中找到这张单据，处理原因后手动审核。草稿已清空。</div>
          <div className="muted">记录编号 {entry.id}</div>
          {close}
        </div>
      );
    case 'refused':
      return (
        <div className="result result-error" role="alert">
          <div className="result-title">ERP 拒绝了这张单据，没有创建任何内容</div>
          <div>
            ERP 的回复：{outcome.message}
            {outcome.code ? `（${outcome.code}）` : ''}
          </div>
          <div className="result-explain">{outcome.explanation}</div>
          <div className="muted">草稿已保留，修改后可以再次提交。记录编号 {entry.id}</div>
          {outcome.resendable && (
            <Button kind="primary" onClick={onRetry}>
              稍后重试
            </Button>
          )}
          {close}
        </div>
      );
    case 'not-sent':
      return (
        <div className="result result-warning" role="alert">
          <div className="result-title">未发送，可以安全重试</div>
          <div>{outcome.explanation}</div>
          <div className="muted">原因：{outcome.reason}</div>
          <Button kind="primary" onClick={onRetry}>
            重试
          </Button>
          {close}
        </div>
      );
    case 'unknown':
      return (
        <UnknownResult
          spec={spec}
          entry={entry}
          outcome={outcome}
          onResend={onRetry}
          onCopy={(documentNo) => void copy(documentNo)}
          close={close}
        />
      );
  }
}
