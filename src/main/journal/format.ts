/**
 * The journal's line format: one JSON object per line, each saying what it is in its first field.
 *
 *   {"t":"sending","id":…,"time":…,"operator":…,…,"bodyBytes":N,"body":"<body text as a JSON string>","crc":"…"}
 *   {"t":"result","id":…,"time":…,"durationMs":…,"submission":{"time":…,"method":…,"businessKey":…,…},
 *    "outcome":{<CallOutcome>},"crc":"…"}
 *   {"t":"reconcile","id":…,"time":…,"finding":{<ReconcileFinding>},"crc":"…"}   (reconcileRecord.ts)
 *
 * A line is recognised by its opening bytes (`{"t":"sending",` or `{"t":"result",`) and nothing else: never
 * by what its content happens to contain (an ERP answer with a "body" key once made a result look like a
 * torn sending record). Every line ends with a CRC-32 (seal.ts), so a damaged line is always skipped rather
 * than read wrongly. A result repeats its submission's metadata, so the duplicate guard (method and business
 * key) survives losing the sending line.
 *
 * The body is the last field before the checksum and `bodyBytes` is the byte length of its JSON string
 * literal: replay parses only the small head (the body can be tens of kilobytes of SNs) and keeps the body
 * as a file offset instead of a string.
 *
 * Files written before this format (`{"type":…}` records, no checksum) are still read: see legacy.ts.
 */
import type { CallOutcome } from '../../shared/outcome';
import { parseLegacyLine } from './legacy';
import type { ParsedLine } from './lines';
import { invalid, NOT_JSON, parseJson, parseSending, startsWith, UNRECOGNISED } from './lines';
import type { ResultRecord, SendingMeta, SubmissionMeta } from './records';
import { isObject, toResultRecord } from './records';
import { toReconcileRecord } from './reconcileRecord';
import { seal, verifySeal } from './seal';

export type { ByteRange, ParsedLine } from './lines';
export type { ResultRecord, SendingMeta, SubmissionMeta } from './records';

/** What every current line starts with; a damaged line is searched for it to find a record glued behind. */
export const RECORD_START = Buffer.from('{"t":"');
const SENDING_START = Buffer.from('{"t":"sending",');
const RESULT_START = Buffer.from('{"t":"result",');
const RECONCILE_START = Buffer.from('{"t":"reconcile",');
const LEGACY_START = Buffer.from('{"type":"');

/** Serializes a sending record to one line, newline included. */
export function serializeSending(meta: SendingMeta, body: string): string {
  const bodyLiteral = JSON.stringify(body);
  const head = JSON.stringify({
    t: 'sending',
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
  return seal(`${head.slice(0, -1)},"body":${bodyLiteral}}`);
}

/** Serializes a result record to one line, newline included. */
export function serializeResult(
  record: Omit<ResultRecord, 'submission'>,
  submission: SubmissionMeta,
): string {
  return seal(
    JSON.stringify({
      t: 'result',
      id: record.id,
      time: record.time,
      durationMs: record.durationMs,
      submission: {
        time: submission.time,
        operator: submission.operator,
        profileName: submission.profileName,
        environment: submission.environment,
        method: submission.method,
        documentTitle: submission.documentTitle,
        businessKey: submission.businessKey,
        draftId: submission.draftId,
      },
      outcome: record.outcome,
      redacted: record.redacted,
    }),
  );
}

/** Parses the line `buf[start, end)` (no newline). Offsets in the result are relative to `buf`. Never throws. */
export function parseLine(buf: Buffer, start: number, end: number): ParsedLine {
  if (startsWith(buf, start, end, RECORD_START)) return parseSealed(buf, start, end);
  if (startsWith(buf, start, end, LEGACY_START)) return parseLegacyLine(buf, start, end);
  return invalid(UNRECOGNISED);
}

function parseSealed(buf: Buffer, start: number, end: number): ParsedLine {
  const coveredEnd = verifySeal(buf, start, end);
  if (coveredEnd === undefined) return invalid('校验和不符：行已损坏或不完整（可能是写入时断电）');
  if (startsWith(buf, start, coveredEnd, SENDING_START)) return parseSending(buf, start, coveredEnd);
  if (startsWith(buf, start, coveredEnd, RESULT_START)) return parseResult(buf, start, coveredEnd);
  if (startsWith(buf, start, coveredEnd, RECONCILE_START)) return parseReconcile(buf, start, coveredEnd);
  return invalid(UNRECOGNISED);
}

function parseResult(buf: Buffer, start: number, end: number): ParsedLine {
  const value = parseJson(`${buf.toString('utf8', start, end)}}`);
  if (!isObject(value)) return invalid(NOT_JSON);
  const record = toResultRecord(value, true);
  return record ? { type: 'result', record } : invalid('结果记录的字段不完整');
}

function parseReconcile(buf: Buffer, start: number, end: number): ParsedLine {
  const value = parseJson(`${buf.toString('utf8', start, end)}}`);
  if (!isObject(value)) return invalid(NOT_JSON);
  const record = toReconcileRecord(value);
  return record ? { type: 'reconcile', record } : invalid('核对记录的字段不完整');
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
