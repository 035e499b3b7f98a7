/** How the log shows an entry: times, outcome tones, short keys, JSON, and what to do about an unknown. */
import { describeBusinessKey } from '../../../shared/businessKeyText';
import type { JournalEntry, JournalOutcome } from '../../../shared/journal';
import { parseJsonOrUndefined } from '../../../shared/json';
import { reconcileStateLabels } from '../../../shared/reconcile';

/** What to check before anyone sends an unknown document again: it may well exist in the ERP already. */
export const UNKNOWN_OUTCOME_ADVICE =
  '结果未知：请在旺店通 ERP 中按单号/外部单号查询该单据是否已创建；如已创建，不要重复提交。';

/** A colour class per outcome; 'unknown' is also highlighted and carries an icon. */
export const outcomeTone: Readonly<Record<JournalOutcome, string>> = {
  accepted: 'log-tone-accepted',
  'approval-failed': 'log-tone-approval-failed',
  refused: 'log-tone-refused',
  'not-sent': 'log-tone-not-sent',
  unknown: 'log-tone-unknown',
  sending: 'log-tone-sending',
};

/** yyyy-MM-dd HH:mm:ss in the computer's time zone; the ISO text itself if it does not parse. */
export function formatLocalTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (value: number): string => String(value).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return ms < 1000 ? `${Math.round(ms)} 毫秒` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} 秒`;
}

/** Long business keys (stockout no + many SNs) are cut for the list; the full key is in the tooltip. */
export function shortKey(key: string, max = 28): string {
  return key.length <= max ? key : `${key.slice(0, max - 1)}…`;
}

/**
 * The row's tooltip: the latest 核对, what to check in the ERP while an unknown outcome is still open, and
 * the one-line message.
 */
export function rowTooltip(entry: JournalEntry): string {
  const parts = [`业务单号：${describeBusinessKey(entry.method, entry.businessKey)}`];
  const finding = entry.reconciled;
  if (finding !== undefined) {
    parts.push(
      `已核对（${formatLocalTime(finding.checkedAt)}）：${reconcileStateLabels[finding.state]}。${finding.evidence}`,
    );
  }
  if (entry.outcome === 'unknown' && !isSettled(entry)) parts.push(UNKNOWN_OUTCOME_ADVICE);
  if (entry.message) parts.push(entry.message);
  return parts.join('\n');
}

/** An unknown outcome that a 核对 answered for certain: 已创建 or 未创建. */
export function isSettled(entry: JournalEntry): boolean {
  const state = entry.reconciled?.state;
  return entry.outcome === 'unknown' && (state === 'created' || state === 'not_created');
}

/** The row's colour class; an unknown outcome a 核对 settled (已创建 / 未创建) loses the warning highlight. */
export function rowTone(entry: JournalEntry): string {
  return isSettled(entry) ? 'log-row-reconciled' : `log-row-${entry.outcome}`;
}

/** The ERP's number: from the response, or else from a 核对 that found the document. */
export function documentNoOf(entry: JournalEntry): string | undefined {
  if (entry.documentNo !== undefined) return entry.documentNo;
  return entry.reconciled?.state === 'created' ? entry.reconciled.documentNo : undefined;
}

/** Pretty JSON for people; text that is not JSON is shown as it is. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function prettyValue(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** The positional argument array a body carries, or null when the body is not one (it always should be). */
export function parseBodyArgs(body: string): unknown[] | null {
  const parsed = parseJsonOrUndefined(body);
  return Array.isArray(parsed) ? (parsed as unknown[]) : null;
}
