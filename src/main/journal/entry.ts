/**
 * The journal's in-memory row. Kept flat and small because the app holds one per submission ever made
 * (100,000 after a few years): no body text and no response, only where to find them in the files
 * (a file number and byte offsets); repeated texts (operator, method, title, profile) are shared strings.
 */
import type { JournalEntry, JournalOutcome } from '../../shared/journal';
import type { CallOutcome } from '../../shared/outcome';
import type { ReconcileFinding } from '../../shared/reconcile';
import { matchingKey } from '../../shared/documents/contentKey';
import type { ByteRange, SendingMeta, SubmissionMeta } from './format';
import { outcomeDocumentNo, outcomeMessage } from './format';

/** `bodyFile` of an entry rebuilt from its result alone, its sending line having been lost to damage. */
export const NO_BODY = -1;

/** Longest `message` kept in memory for the list; the detail view reads the full outcome from disk. */
const MESSAGE_LIMIT = 200;

/** The list row's fixed fields, as JournalEntry defines them. */
type SharedFields = Pick<
  JournalEntry,
  'id' | 'time' | 'operator' | 'profileName' | 'environment' | 'method' | 'documentTitle' | 'businessKey'
>;

export interface IndexedEntry extends SharedFields {
  /**
   * The business key as duplicates are compared (shared/documents/contentKey.ts): the same string as
   * `businessKey` except for content keys written before they became independent of line order.
   */
  readonly matchKey: string;
  readonly timeMs: number;
  readonly draftId: string | undefined;
  /** Index into the journal's list of file names; NO_BODY if the sending line was lost. */
  readonly bodyFile: number;
  /** The body's JSON string literal: offset and length in bytes. */
  readonly bodyOffset: number;
  readonly bodyLength: number;
  outcome: JournalOutcome;
  documentNo: string | undefined;
  message: string | undefined;
  finishedAt: string | undefined;
  durationMs: number | undefined;
  /** The whole result line (without its newline), -1 while there is none. */
  resultFile: number;
  resultOffset: number;
  resultLength: number;
  /** The latest 核对 of an unknown outcome (few entries have one; findings are small). */
  reconciled: ReconcileFinding | undefined;
}

/** Shares one copy of texts that repeat across thousands of entries. */
export class Interner {
  private readonly known = new Map<string, string>();

  intern(text: string): string {
    const existing = this.known.get(text);
    if (existing !== undefined) return existing;
    this.known.set(text, text);
    return text;
  }
}

export function createIndexedEntry(
  meta: SendingMeta,
  file: number,
  body: ByteRange,
  interner: Interner,
): IndexedEntry {
  return {
    id: meta.id,
    time: meta.time,
    timeMs: Date.parse(meta.time),
    operator: interner.intern(meta.operator),
    profileName: interner.intern(meta.profileName),
    environment: interner.intern(meta.environment),
    method: interner.intern(meta.method),
    documentTitle: interner.intern(meta.documentTitle),
    businessKey: meta.businessKey,
    matchKey: matchingKey(meta.businessKey),
    draftId: meta.draftId,
    bodyFile: file,
    bodyOffset: body.offset,
    bodyLength: body.length,
    outcome: 'sending',
    documentNo: undefined,
    message: undefined,
    finishedAt: undefined,
    durationMs: undefined,
    resultFile: -1,
    resultOffset: 0,
    resultLength: 0,
    reconciled: undefined,
  };
}

export function applyResult(
  entry: IndexedEntry,
  outcome: CallOutcome,
  finishedAt: string,
  durationMs: number | undefined,
  file: number,
  line: ByteRange,
): void {
  entry.outcome = outcome.kind;
  entry.documentNo = outcomeDocumentNo(outcome);
  const message = outcomeMessage(outcome);
  entry.message =
    message !== undefined && message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT)}…` : message;
  entry.finishedAt = finishedAt;
  entry.durationMs = durationMs;
  entry.resultFile = file;
  entry.resultOffset = line.offset;
  entry.resultLength = line.length;
}

/** The renderer-safe view of a row (a fresh object: the row itself stays private and mutable). */
export function toJournalEntry(entry: IndexedEntry): JournalEntry {
  return {
    id: entry.id,
    time: entry.time,
    operator: entry.operator,
    profileName: entry.profileName,
    environment: entry.environment,
    method: entry.method,
    documentTitle: entry.documentTitle,
    businessKey: entry.businessKey,
    ...(entry.draftId !== undefined && { draftId: entry.draftId }),
    outcome: entry.outcome,
    ...(entry.documentNo !== undefined && { documentNo: entry.documentNo }),
    ...(entry.message !== undefined && { message: entry.message }),
    ...(entry.finishedAt !== undefined && { finishedAt: entry.finishedAt }),
    ...(entry.durationMs !== undefined && { durationMs: entry.durationMs }),
    ...(entry.reconciled !== undefined && { reconciled: entry.reconciled }),
  };
}

/** Outcomes meaning the ERP created the document (approval failure still creates it). */
export function isCreated(outcome: JournalOutcome): boolean {
  return outcome === 'accepted' || outcome === 'approval-failed';
}

/**
 * Whether a 核对 finding may be applied to the entry: only an unknown outcome is checked. The original
 * outcome stays as it was; the finding sits beside it.
 */
export function acceptsReconcile(entry: IndexedEntry): boolean {
  return entry.outcome === 'unknown';
}

/** What a result record repeats of its submission (see journal/format.ts). */
export function submissionOf(entry: IndexedEntry): SubmissionMeta {
  return {
    time: entry.time,
    operator: entry.operator,
    profileName: entry.profileName,
    environment: entry.environment,
    method: entry.method,
    documentTitle: entry.documentTitle,
    businessKey: entry.businessKey,
    draftId: entry.draftId,
  };
}

/** Keeps `entries` sorted by id; a new id is normally the largest, so this is a push. */
export function insertSorted(entries: IndexedEntry[], entry: IndexedEntry): void {
  let index = entries.length;
  while (index > 0) {
    const previous = entries[index - 1];
    if (previous === undefined || previous.id < entry.id) break;
    index -= 1;
  }
  entries.splice(index, 0, entry);
}
