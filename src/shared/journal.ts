/**
 * The submission journal as the renderer sees it: one entry per call to the ERP, merged from the
 * "sending" record written before the request left and the result record written after. Pure types and
 * two small helpers; the files and their format belong to src/main/journal.
 */
import { outcomeKinds, type CallOutcome } from './outcome';
import type { ReconcileFinding } from './reconcile';

/** An outcome class, or 'sending' while the request is in flight (no result recorded yet). */
export const journalOutcomes = [...outcomeKinds, 'sending'] as const;

export type JournalOutcome = (typeof journalOutcomes)[number];

export const journalOutcomeLabels: Readonly<Record<JournalOutcome, string>> = {
  accepted: '已创建',
  'approval-failed': '已创建，审核失败',
  refused: '被拒绝',
  'not-sent': '未发送',
  unknown: '结果未知',
  sending: '发送中',
};

/**
 * Outcomes that make sending the same document again dangerous: it was created, or it may have been.
 * The submit logic asks for explicit confirmation when a prior entry has one of these.
 */
const priorBlockingOutcomes: readonly JournalOutcome[] = [
  'accepted',
  'approval-failed',
  'unknown',
  'sending',
];

/**
 * Whether `entry` makes sending the same document again need confirmation. A 核对 that found the document
 * was not created lifts the block of an unknown outcome; one that found it created keeps it (as accepted).
 */
export function blocksResend(entry: Pick<JournalEntry, 'outcome' | 'reconciled'>): boolean {
  if (!priorBlockingOutcomes.includes(entry.outcome)) return false;
  return !(entry.outcome === 'unknown' && entry.reconciled?.state === 'not_created');
}

/** The list-view row: everything except the request body and the full response (see JournalEntryDetail). */
export interface JournalEntry {
  /** Unique and sortable by time: "20261103T101502123Z-3f9a1c". */
  readonly id: string;
  /** When the request was about to leave (ISO 8601, UTC). */
  readonly time: string;
  readonly operator: string;
  readonly profileName: string;
  /** The profile's environment as the app names it (e.g. 正式, 测试, 练习). */
  readonly environment: string;
  /** The vendor method, e.g. "wms.outer.OuterOut.createOrder". */
  readonly method: string;
  /** The document's Chinese title, e.g. "其他出库单". */
  readonly documentTitle: string;
  /** What identifies "the same document" for at-most-once checks (external order no, stockout no, …). */
  readonly businessKey: string;
  /** The draft the document was submitted from, if any. */
  readonly draftId?: string;
  readonly outcome: JournalOutcome;
  /** The ERP's document number, when the response carried one. */
  readonly documentNo?: string;
  /** One line for the list: the refusal message or the reason the outcome is what it is. */
  readonly message?: string;
  /** When the result was recorded (ISO 8601, UTC). */
  readonly finishedAt?: string;
  /** From just before sending to the result. */
  readonly durationMs?: number;
  /**
   * The latest 核对 of an unknown outcome. 'created' makes the entry count as accepted for the duplicate
   * guard (with its document number); 'not_created' makes it no longer block a resend.
   */
  readonly reconciled?: ReconcileFinding;
}

/** One entry in full, for the detail view. */
export interface JournalEntryDetail extends JournalEntry {
  /** The exact body text that was signed and sent: the JSON array of positional arguments. */
  readonly body: string;
  /**
   * The sending record was damaged on disk, so the body is not known (`body` is then empty). The entry
   * itself, and its duplicate guard, were rebuilt from its result record.
   */
  readonly bodyLost?: boolean;
  /** The full outcome, including the ERP's response (status, code, message, data) where there was one. */
  readonly result?: CallOutcome;
  /** True if a forbidden string (a credential) was found in the result and replaced before writing. */
  readonly redacted?: boolean;
}

/** Filters for the log screen. Every filter is optional; they combine with AND. */
export interface JournalQuery {
  /** Inclusive lower bound on `time` (ISO 8601). */
  readonly from?: string;
  /** Exclusive upper bound on `time` (ISO 8601). */
  readonly to?: string;
  readonly methods?: readonly string[];
  readonly outcomes?: readonly JournalOutcome[];
  readonly operator?: string;
  readonly profileName?: string;
  /**
   * Free text: matches the document number or business key (case-insensitive), or any text in the body
   * sent (a spec_no, an SN, a remark; exact case).
   */
  readonly text?: string;
  /** Rows to skip, newest first. Default 0. */
  readonly offset?: number;
  /** Rows to return. Default 100, at most 1000. */
  readonly limit?: number;
}

/** One page of results, newest first, with the number of entries matching the filters in total. */
export interface JournalPage {
  readonly entries: readonly JournalEntry[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /**
   * Lines of the journal files that were damaged and skipped when the journal was opened (absent: none
   * known). The duplicate guard then rests on the remaining records.
   */
  readonly skippedLines?: number;
}

export interface JournalChange {
  /** 'added' for a new submission, 'updated' when its result (or a 核对 finding) arrives. */
  readonly type: 'added' | 'updated';
  readonly entry: JournalEntry;
}

/** A line that could not be read when the journal was opened; skipped, never fatal. */
export interface SkippedJournalLine {
  /** File name inside the data folder, e.g. "journal-2026-11.jsonl". */
  readonly file: string;
  /** 1-based line number; 0 when the whole file could not be read. */
  readonly line: number;
  readonly reason: string;
}

/** What opening the journal found. */
export interface JournalOpenReport {
  readonly files: number;
  readonly entries: number;
  readonly skippedLines: readonly SkippedJournalLine[];
  /** Entries that were 'sending' with no result (the app died mid-call), now recorded as 'unknown'. */
  readonly recoveredAsUnknown: readonly string[];
}
