/**
 * Reading a scan state back from its draft. The state is saved as plain data (patched scan by scan, see
 * scanDocLink.ts); nothing from disk is trusted: counts are recomputed, duplicates and malformed SNs refused,
 * and the lookup index is rebuilt on first use.
 */
import type { Result } from '../../../../shared/result';
import { fail, ok } from '../../../../shared/result';
import { findSnProblem } from '../model/normalizeCode';
import type { ExpectedSn, ScanLine, ScanState } from '../model/scanData';
import { defaultScanSettings } from '../model/scanTunables';
import { chunksFromList } from '../model/snChunks';

const INVALID = '扫码草稿已损坏，无法恢复';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSnArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((sn) => typeof sn === 'string');
}

/** SNs saved in chunks (snChunks.ts), as one list. */
function readChunkedSns(value: unknown): string[] | null {
  if (!Array.isArray(value) || !value.every(isSnArray)) return null;
  return value.flat();
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
    const sns = readChunkedSns(rawLine['sns']);
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
  const typed = (readChunkedSns(data['typed']) ?? []).filter((sn) => seen.has(sn));
  const undo = (isSnArray(data['undo']) ? data['undo'] : []).filter((sn) => seen.has(sn));
  return ok({ version: 1, lines, activeLine: active, expected, typed: chunksFromList(typed), undo });
}
