/**
 * Pieces shared by the readers of current and legacy journal lines (format.ts, legacy.ts). Nothing here
 * throws: every line read is untrusted.
 */
import { isObject, toSendingMeta } from './records';
import type { ResultRecord, SendingMeta } from './records';
import type { ReconcileRecord } from './reconcileRecord';

const BODY_MARKER = Buffer.from(',"body":"');
/** Offset of the body's opening quote from the start of the marker. */
const BODY_LITERAL_SHIFT = BODY_MARKER.length - 1;
const QUOTE = 0x22;

/** Where the body's JSON string literal sits in a file. */
export interface ByteRange {
  readonly offset: number;
  readonly length: number;
}

export type ParsedLine =
  | { readonly type: 'sending'; readonly meta: SendingMeta; readonly body: ByteRange }
  | { readonly type: 'result'; readonly record: ResultRecord }
  | { readonly type: 'reconcile'; readonly record: ReconcileRecord }
  | { readonly type: 'invalid'; readonly reason: string };

export const invalid = (reason: string): ParsedLine => ({ type: 'invalid', reason });
export const UNRECOGNISED = '无法识别的记录类型';
export const NOT_JSON = '行不完整或不是 JSON（可能是写入时断电）';

export function startsWith(buf: Buffer, start: number, end: number, prefix: Buffer): boolean {
  return (
    end - start >= prefix.length && buf.compare(prefix, 0, prefix.length, start, start + prefix.length) === 0
  );
}

/**
 * A sending line's head is flat strings and one number, and a JSON string can never hold `,"` unescaped, so
 * the first body marker in the line is the body field's own. The body literal runs from there to `end`.
 */
export function parseSending(buf: Buffer, start: number, end: number): ParsedLine {
  const found = buf.subarray(start, end).indexOf(BODY_MARKER);
  if (found === -1) return invalid('发送记录缺少请求内容');
  const marker = start + found;
  const head = parseJson(`${buf.toString('utf8', start, marker)}}`);
  if (!isObject(head)) return invalid(NOT_JSON);
  const meta = toSendingMeta(head);
  const bodyBytes = head.bodyBytes;
  if (!meta || typeof bodyBytes !== 'number') return invalid('发送记录的字段不完整');
  const literalStart = marker + BODY_LITERAL_SHIFT;
  if (literalStart + bodyBytes !== end || bodyBytes < 2 || buf[end - 1] !== QUOTE)
    return invalid('发送记录不完整（可能是写入时断电）');
  return { type: 'sending', meta, body: { offset: literalStart, length: bodyBytes } };
}

/** JSON.parse that answers undefined instead of throwing: journal lines are untrusted input. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
