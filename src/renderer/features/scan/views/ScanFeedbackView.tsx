/**
 * What the worker sees after each scan, readable from a step away: a full-width colour flash (green taken,
 * red refused, amber already there, violet not an SN), the last value in large type with its message, the count for the
 * line, and a red banner while a Chinese input method is on.
 */
import type { ScanView } from '../controller/scanController';
import { countText } from '../model/scanResult';

const flashClass = {
  success: 'ok',
  error: 'bad',
  duplicate: 'dup',
  'not-sn': 'ask',
  none: 'info',
} as const;

export interface ScanFeedbackViewProps {
  readonly view: ScanView;
  /** The count and required number of the line being scanned, when there is one. */
  readonly progress: {
    readonly count: number;
    readonly required: number | null;
    readonly label: string;
  } | null;
  /** Answers the question about a code that does not fit the SN shape (the keys 1 and 2 do the same). */
  readonly onAnswer?: (as: 'sn' | 'spec') => void;
}

export function ScanFeedbackView({ view, progress, onAnswer }: ScanFeedbackViewProps) {
  const feedback = view.feedback;
  const seq = feedback?.seq ?? 0;

  const kind = feedback ? flashClass[feedback.tone] : 'info';
  const value = feedback?.result?.value ?? '';
  return (
    <div className="scan-feedback">
      {feedback && feedback.tone !== 'none' && (
        <div key={seq} className={`scan-flash scan-flash-${kind}`} aria-hidden="true" />
      )}
      {view.question && onAnswer && (
        <div className="scan-question" role="alert" aria-label="请确认扫描内容">
          <span>
            “<strong className="mono">{view.question.value}</strong>”不像 SN，它是：
          </span>
          <button type="button" onClick={() => onAnswer('sn')}>
            <kbd>1</kbd> 作为SN
          </button>
          <button type="button" onClick={() => onAnswer('spec')}>
            <kbd>2</kbd> 作为商家编码新增行
          </button>
        </div>
      )}
      {view.imeWarning && (
        <div className="scan-ime-banner" role="alert">
          请切换到英文输入法（输入法处于中文状态时无法扫码）
        </div>
      )}
      <div className={`scan-last scan-last-${kind}`}>
        <div className="scan-last-value mono" aria-label="上一次扫描">
          {value === '' ? '—' : value}
        </div>
        <div className="scan-last-message" role="status" aria-live="polite">
          {feedback?.message ?? '等待扫码'}
        </div>
      </div>
      {progress && (
        <div
          className={`scan-count${progress.required !== null && progress.count === progress.required ? ' scan-count-full' : ''}`}
          aria-label="已扫数量"
        >
          <span className="scan-count-label">{progress.label}</span>
          <strong>{countText(progress.count, progress.required)}</strong>
        </div>
      )}
    </div>
  );
}
