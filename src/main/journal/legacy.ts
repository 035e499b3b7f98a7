/**
 * Reading lines written before issue 17: `{"type":"sending",…,"bodyBytes":N,"body":"…"}` and
 * `{"type":"result",…}`, no checksum, and results that do not repeat the method and business key. Never
 * written any more; kept so journals from earlier versions keep their history and their duplicate guards.
 *
 * The old reader recognised a sending record by a `,"body":"` anywhere in the line, so an ERP answer with a
 * "body" key made a result look like a torn sending record. Here, as for current lines, the type is read
 * from the line's opening bytes only.
 */
import type { ParsedLine } from './lines';
import { invalid, NOT_JSON, parseJson, parseSending, startsWith, UNRECOGNISED } from './lines';
import { isObject, toResultRecord } from './records';

const LEGACY_SENDING = Buffer.from('{"type":"sending",');
const LEGACY_RESULT = Buffer.from('{"type":"result",');
const CLOSE_BRACE = 0x7d;

export function parseLegacyLine(buf: Buffer, start: number, end: number): ParsedLine {
  if (startsWith(buf, start, end, LEGACY_SENDING)) {
    // The body literal is followed only by the closing brace; a cut or zero-padded line fails bodyBytes.
    if (end - start < 2 || buf[end - 1] !== CLOSE_BRACE) return invalid('发送记录不完整（可能是写入时断电）');
    return parseSending(buf, start, end - 1);
  }
  if (startsWith(buf, start, end, LEGACY_RESULT)) {
    const value = parseJson(buf.toString('utf8', start, end));
    if (!isObject(value)) return invalid(NOT_JSON);
    const record = toResultRecord(value, false);
    return record ? { type: 'result', record } : invalid('结果记录的字段不完整');
  }
  return invalid(UNRECOGNISED);
}
