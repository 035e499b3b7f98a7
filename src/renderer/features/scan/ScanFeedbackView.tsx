/**
 * What the worker sees after each scan, readable from a step away: a full-width colour flash (green taken,
 * red refused, amber already there), the last value in large type with its message, the count for the
 * line, and a red banner while a Chinese input method is on. Also where the latency of a scan is measured
 * (key event to this commit) when a test or benchmark asks for it.
 */
import { useLayoutEffect } from 'react';
import type { ScanView } from './scanController';
import { countText } from './scanResult';

const flashClass = { success: 'ok', error: 'bad', duplicate: 'dup', none: 'info' } as const;

/** Set by a test or benchmark: each scan's latency, from its key event and from its turn in the queue. */
interface TimingSink {
  __wdtScanTimings?: { total: number; local: number; save: number }[];
}

export interface ScanFeedbackViewProps {
  readonly view: ScanView;
  /** The count and required number of the line being scanned, when there is one. */
  readonly progress: {
    readonly count: number;
    readonly required: number | null;
    readonly label: string;
  } | null;
}

export function ScanFeedbackView({ view, progress }: ScanFeedbackViewProps) {
  const feedback = view.feedback;
  const seq = feedback?.seq ?? 0;

  useLayoutEffect(() => {
    const sink = (globalThis as TimingSink).__wdtScanTimings;
    if (Array.isArray(sink) && view.startedAt !== null && seq > 0) {
      const now = performance.now();
      sink.push({
        total: now - view.startedAt,
        local: now - (view.appliedAt ?? view.startedAt),
        save: view.commitMs ?? 0,
      });
    }
    // Measured once per feedback: the sequence number is what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seq]);

  const kind = feedback ? flashClass[feedback.tone] : 'info';
  const value = feedback?.result?.value ?? '';
  return (
    <div className="scan-feedback">
      {feedback && feedback.tone !== 'none' && (
        <div key={seq} className={`scan-flash scan-flash-${kind}`} aria-hidden="true" />
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
