/**
 * The journal's line format: one JSON object per line, two record types.
 *
 *   {"type":"sending","id":…,"time":…,"operator":…,…,"bodyBytes":N,"body":"<the body text as a JSON string>"}
 *   {"type":"result","id":…,"time":…,"durationMs":…,"outcome":{<CallOutcome>}}
 *
 * The body is always the last field of a sending record and `bodyBytes` is the byte length of its JSON
 * string literal. That lets replay parse only the small prefix (the body can be tens of kilobytes of SNs),
 * keep the body as a file offset instead of a string, and still notice a torn line: a line cut short or
 * padded with zeros by a power cut cannot end exactly `bodyBytes` after the marker with `"}`.
 */
import type { CallOutcome, ErpResponse, OutcomeKind } from '../../shared/outcome';
import type { JournalEntry } from '../../shared/journal';

export const BODY_MARKER = Buffer.from(',"body":"');
/** Offset of the body's opening quote from the start of the marker. */
const BODY_LITERAL_SHIFT = BODY_MARKER.length - 1;
const QUOTE = 0x22;
const CLOSE_BRACE = 0x7d;

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

export interface ResultRecord {
  readonly id: string;
  readonly time: string;
  readonly durationMs?: number;
  readonly outcome: CallOutcome;
  /** A forbidden string was replaced before writing (see Journal's `forbidden` option). */
  readonly redacted?: boolean;
}

/** Serializes a sending record to one line, newline included. */
export function serializeSending(meta: SendingMeta, body: string): string {
  const bodyLiteral = JSON.stringify(body);
  const head = JSON.stringify({
    type: 'sending',
    id: meta.id,
    time: meta.time,
    operator: meta.operator,
    profileName: meta.profileName,
    environment: meta.environment,
    method: meta.method,
    documentTitle: meta.documentTitle,
    businessKey: meta.businessKey,
    draftId: meta.draftId,
    bodyBytes: Buffer.byteLength(bodyLiteral),
  });
  return `${head.slice(0, -1)},"body":${bodyLiteral}}\n`;
}

/** Serializes a result record to one line, newline included. */
export function serializeResult(record: ResultRecord): string {
  return `${JSON.stringify({ type: 'result', ...record })}\n`;
}

/** Where the body's JSON string literal sits in a file. */
export interface ByteRange {
  readonly offset: number;
  readonly length: number;
}

export type ParsedLine =
  | { readonly type: 'sending'; readonly meta: SendingMeta; readonly body: ByteRange }
  | { readonly type: 'result'; readonly record: ResultRecord }
  | { readonly type: 'invalid'; readonly reason: string };

/** Parses the line `buf[start, end)` (no newline). Offsets in the result are relative to `buf`. */
export function parseLine(buf: Buffer, start: number, end: number): ParsedLine {
  // Searched within the line only: a miss must not scan the rest of the file.
  const found = buf.subarray(start, end).indexOf(BODY_MARKER);
  if (found !== -1) return parseSending(buf, start, end, start + found);
  let value: unknown;
  try {
    value = JSON.parse(buf.toString('utf8', start, end));
  } catch {
    return { type: 'invalid', reason: '行不完整或不是 JSON（可能是写入时断电）' };
  }
  if (!isObject(value) || value.type !== 'result') return { type: 'invalid', reason: '无法识别的记录类型' };
  const record = toResultRecord(value);
  return record ? { type: 'result', record } : { type: 'invalid', reason: '结果记录的字段不完整' };
}

function parseSending(buf: Buffer, start: number, end: number, marker: number): ParsedLine {
  let head: unknown;
  try {
    head = JSON.parse(`${buf.toString('utf8', start, marker)}}`);
  } catch {
    return { type: 'invalid', reason: '行不完整或不是 JSON（可能是写入时断电）' };
  }
  if (!isObject(head) || head.type !== 'sending') return { type: 'invalid', reason: '无法识别的记录类型' };
  const meta = toSendingMeta(head);
  const bodyBytes = head.bodyBytes;
  if (!meta || typeof bodyBytes !== 'number') return { type: 'invalid', reason: '发送记录的字段不完整' };
  const literalStart = marker + BODY_LITERAL_SHIFT;
  const complete =
    literalStart + bodyBytes + 1 === end && buf[end - 1] === CLOSE_BRACE && buf[end - 2] === QUOTE;
  if (!complete) return { type: 'invalid', reason: '发送记录不完整（可能是写入时断电）' };
  return { type: 'sending', meta, body: { offset: literalStart, length: bodyBytes } };
}

function toSendingMeta(value: Record<string, unknown>): SendingMeta | undefined {
  const { id, time, operator, profileName, environment, method, documentTitle, businessKey, draftId } = value;
  if (
    typeof id !== 'string' ||
    typeof time !== 'string' ||
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
  return { id, time, operator, profileName, environment, method, documentTitle, businessKey, draftId };
}

function toResultRecord(value: Record<string, unknown>): ResultRecord | undefined {
  const { id, time, durationMs, redacted } = value;
  const outcome = toCallOutcome(value.outcome);
  if (typeof id !== 'string' || typeof time !== 'string' || !outcome) return undefined;
  if (durationMs !== undefined && typeof durationMs !== 'number') return undefined;
  return { id, time, durationMs, outcome, redacted: redacted === true ? true : undefined };
}

const outcomeKinds: ReadonlySet<string> = new Set<OutcomeKind>([
  'accepted',
  'approval-failed',
  'refused',
  'not-sent',
  'unknown',
]);

/**
 * Checks the fields the journal relies on (kind, and the texts shown in the list). The record was written
 * by this module from a typed CallOutcome, so a deeper check would only guard against hand edits.
 */
export function toCallOutcome(value: unknown): CallOutcome | undefined {
  if (!isObject(value) || typeof value.kind !== 'string' || !outcomeKinds.has(value.kind)) return undefined;
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The one-line text the list shows for an outcome. */
export function outcomeMessage(outcome: CallOutcome): string | undefined {
  switch (outcome.kind) {
    case 'accepted':
      return undefined;
    case 'approval-failed':
    case 'not-sent':
    case 'unknown':
      return outcome.reason;
    case 'refused':
      return outcome.message;
  }
}

/**
 * The ERP's document number carried by an outcome. Only 'accepted' has one: on approval failure
 * (data.status 20) data.message holds the reason, not the number.
 */
export function outcomeDocumentNo(outcome: CallOutcome): string | undefined {
  return outcome.kind === 'accepted' ? outcome.documentNo : undefined;
}
