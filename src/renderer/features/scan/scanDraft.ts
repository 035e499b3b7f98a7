/**
 * The scan state as draft text, and back. The state is plain data, so JSON.stringify(state) would do; this
 * serializer gives the same text but reuses the JSON of chunks it has already written (chunks never change
 * once published). Scan drafts of version 1 hold the state as this text; version 2 holds it as data, so a
 * scan can be saved as a patch of what it changed (see scanDocLink.ts), and parseScanState reads it.
 */
import type { Result } from '../../../shared/result';
import { fail, ok } from '../../../shared/result';
import { findSnProblem } from './normalizeCode';
import type { ExpectedSn, ScanLine, ScanState } from './scanState';
import { defaultScanSettings } from './scanSettings';
import type { SnChunks } from './snChunks';
import { chunksFromList } from './snChunks';

const chunkJson = new WeakMap<readonly string[], string>();
const expectedJson = new WeakMap<readonly ExpectedSn[], string>();

function chunksToJson(chunks: SnChunks): string {
  // Concatenation rather than join: V8 links the cached pieces instead of copying them here.
  let out = '[';
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i] ?? [];
    let text = chunkJson.get(chunk);
    if (text === undefined) {
      text = JSON.stringify(chunk);
      chunkJson.set(chunk, text);
    }
    out += i === 0 ? text : `,${text}`;
  }
  return `${out}]`;
}

function lineToJson(line: ScanLine): string {
  const head = JSON.stringify({ specNo: line.specNo, required: line.required });
  return `${head.slice(0, -1)},"sns":${chunksToJson(line.sns)},"count":${line.count}}`;
}

function linesToJson(lines: readonly ScanLine[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line !== undefined) out += i === 0 ? lineToJson(line) : `,${lineToJson(line)}`;
  }
  return out;
}

function expectedToJson(expected: readonly ExpectedSn[] | null): string {
  if (expected === null) return 'null';
  let text = expectedJson.get(expected);
  if (text === undefined) {
    text = JSON.stringify(expected);
    expectedJson.set(expected, text);
  }
  return text;
}

/** Same text as JSON.stringify(state) (key order included), faster on repeated saves. */
export function serializeScanState(state: ScanState): string {
  return (
    `{"version":1,"lines":[${linesToJson(state.lines)}]` +
    `,"activeLine":${JSON.stringify(state.activeLine)}` +
    `,"expected":${expectedToJson(state.expected)}` +
    `,"typed":${chunksToJson(state.typed)}` +
    `,"undo":${JSON.stringify(state.undo)}}`
  );
}

const INVALID = '扫码草稿已损坏，无法恢复';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts the chunked form and, for drafts written by hand or by older code, a flat list. */
function readSnList(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const out: string[] = [];
  for (const item of value) {
    if (typeof item === 'string') out.push(item);
    else if (Array.isArray(item) && item.every((sn): sn is string => typeof sn === 'string')) {
      for (const sn of item) out.push(sn);
    } else return null;
  }
  return out;
}

function readRequired(value: unknown): number | null | undefined {
  if (value === null) return null;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * Checks a parsed draft and rebuilds it as a state (the lookup index is built on first use). Counts are
 * recomputed rather than trusted, and an SN found twice is an error: a draft must not smuggle in what a
 * scan would have refused.
 */
export function parseScanState(data: unknown): Result<ScanState> {
  if (!isRecord(data) || data['version'] !== 1 || !Array.isArray(data['lines']))
    return fail('VALIDATION', INVALID);
  const seen = new Set<string>();
  const lines: ScanLine[] = [];
  for (const rawLine of data['lines']) {
    if (!isRecord(rawLine) || typeof rawLine['specNo'] !== 'string') return fail('VALIDATION', INVALID);
    const required = readRequired(rawLine['required']);
    const sns = readSnList(rawLine['sns']);
    if (required === undefined || sns === null) return fail('VALIDATION', INVALID);
    for (const sn of sns) {
      if (seen.has(sn) || sn === '' || findSnProblem(sn, defaultScanSettings.maxSnLength) !== null) {
        return fail('VALIDATION', INVALID, { details: { sn } });
      }
      seen.add(sn);
    }
    lines.push({ specNo: rawLine['specNo'], required, sns: chunksFromList(sns), count: sns.length });
  }

  const activeLine = data['activeLine'];
  const active =
    typeof activeLine === 'number' &&
    Number.isInteger(activeLine) &&
    activeLine >= 0 &&
    activeLine < lines.length
      ? activeLine
      : lines.length > 0
        ? 0
        : null;

  let expected: ExpectedSn[] | null = null;
  if (Array.isArray(data['expected'])) {
    expected = [];
    for (const entry of data['expected']) {
      const specNo: unknown = isRecord(entry) ? entry['specNo'] : undefined;
      if (
        !isRecord(entry) ||
        typeof entry['sn'] !== 'string' ||
        (specNo !== null && typeof specNo !== 'string')
      ) {
        return fail('VALIDATION', INVALID);
      }
      expected.push({ sn: entry['sn'], specNo });
    }
  } else if (data['expected'] !== null && data['expected'] !== undefined) {
    return fail('VALIDATION', INVALID);
  }

  // Marks and undo entries only make sense for SNs still present.
  const typed = (readSnList(data['typed'] ?? []) ?? []).filter((sn) => seen.has(sn));
  const undo = (readSnList(data['undo'] ?? []) ?? []).filter((sn) => seen.has(sn));
  return ok({ version: 1, lines, activeLine: active, expected, typed: chunksFromList(typed), undo });
}

/** Text from serializeScanState back to a state. */
export function deserializeScanState(text: string): Result<ScanState> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('VALIDATION', INVALID);
  }
  return parseScanState(data);
}
