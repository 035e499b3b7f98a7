/**
 * The journal's record types and the checks that turn a parsed JSON value back into one. Everything read
 * from a journal file is untrusted (hand edits, damage that still parses, files from another version), so
 * every field the journal relies on is checked before it is used.
 */
import type { JournalEntry } from '../../shared/journal';
import { outcomeKinds, type CallOutcome, type ErpResponse } from '../../shared/outcome';

/** The metadata of a sending record: everything but the body. */
export type SendingMeta = Pick<
  JournalEntry,
  | 'id'
  | 'time'
  | 'operator'
  | 'profileName'
  | 'environment'
  | 'method'
  | 'documentTitle'
  | 'businessKey'
  | 'draftId'
>;

/** What a result record repeats of its sending record, so the entry and its guard survive losing that line. */
export type SubmissionMeta = Omit<SendingMeta, 'id'>;

export interface ResultRecord {
  readonly id: string;
  /** When the result was recorded. */
  readonly time: string;
  readonly durationMs?: number;
  /** Written by every current result record; absent in files written before issue 17. */
  readonly submission?: SubmissionMeta;
  readonly outcome: CallOutcome;
  /** A forbidden string was replaced before writing (see Journal's `forbidden` option). */
  readonly redacted?: boolean;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toSubmissionMeta(value: unknown): SubmissionMeta | undefined {
  if (!isObject(value)) return undefined;
  const { time, operator, profileName, environment, method, documentTitle, businessKey, draftId } = value;
  if (
    typeof time !== 'string' ||
    Number.isNaN(Date.parse(time)) ||
    typeof operator !== 'string' ||
    typeof profileName !== 'string' ||
    typeof environment !== 'string' ||
    typeof method !== 'string' ||
    typeof documentTitle !== 'string' ||
    typeof businessKey !== 'string' ||
    (draftId !== undefined && typeof draftId !== 'string')
  ) {
    return undefined;
  }
  return { time, operator, profileName, environment, method, documentTitle, businessKey, draftId };
}

export function toSendingMeta(value: Record<string, unknown>): SendingMeta | undefined {
  const meta = toSubmissionMeta(value);
  return meta && typeof value.id === 'string' ? { id: value.id, ...meta } : undefined;
}

/** `requireSubmission`: current records must carry their submission's metadata; legacy ones never do. */
export function toResultRecord(
  value: Record<string, unknown>,
  requireSubmission: boolean,
): ResultRecord | undefined {
  const { id, time, durationMs, redacted } = value;
  const outcome = toCallOutcome(value.outcome);
  if (typeof id !== 'string' || typeof time !== 'string' || !outcome) return undefined;
  if (durationMs !== undefined && typeof durationMs !== 'number') return undefined;
  const submission = requireSubmission ? toSubmissionMeta(value.submission) : undefined;
  if (requireSubmission && !submission) return undefined;
  return {
    id,
    time,
    durationMs,
    ...(submission && { submission }),
    outcome,
    redacted: redacted === true ? true : undefined,
  };
}

const knownKinds: ReadonlySet<string> = new Set(outcomeKinds);

/**
 * Checks the fields the journal relies on (kind, and the texts shown in the list). The record was written
 * by this module from a typed CallOutcome, so a deeper check would only guard against hand edits.
 */
function toCallOutcome(value: unknown): CallOutcome | undefined {
  if (!isObject(value) || typeof value.kind !== 'string' || !knownKinds.has(value.kind)) return undefined;
  const textFields = ['documentNo', 'reason', 'message', 'explanation', 'code'] as const;
  for (const field of textFields) {
    if (value[field] !== undefined && typeof value[field] !== 'string') return undefined;
  }
  if (value.response !== undefined && !isErpResponse(value.response)) return undefined;
  return value as unknown as CallOutcome;
}

function isErpResponse(value: unknown): value is ErpResponse {
  return isObject(value) && typeof value.status === 'number';
}
