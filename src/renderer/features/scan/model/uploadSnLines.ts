/**
 * The bridge between a scan state and the document's detail lines for a 'lines' document (uploadSN: a
 * product code and its SN list per line): lines derived from the state (the product code, the SN list as
 * an array, and the line's other fields such as defect kept beside it), and a state rebuilt from lines typed
 * in the grid. The two fields are the spec's (see scanFields.ts).
 */
import type { RawRecord, RawValue } from '../../../../shared/spec';
import { editText } from '../../documents/fieldText';
import { splitSns, trimTrailingEmptyRows, type GridRow } from '../../documents/gridOps';
import { normalizeScannedValue } from './normalizeCode';
import type { ExpectedSn, ScanLine, ScanState } from './scanData';
import type { ScanFields } from './scanFields';
import { chunksFromList, flattenChunks } from './snChunks';

/** Which line fields hold the product code and the SNs. */
export type LineKeys = Pick<ScanFields, 'product' | 'sn'>;

/** A line's fields other than the product code and the SN list, by line index (missing means none). */
export type LineFields = readonly RawRecord[];

const rowCache = new WeakMap<ScanLine, { fields: RawRecord | undefined; keys: LineKeys; row: GridRow }>();

/**
 * The document lines for a state. A line whose SNs and fields did not change keeps its row object, so
 * only the scanned line is rebuilt (one flatten of its chunks) and the grid re-renders one row.
 */
export function linesFromScan(state: ScanState, fields: LineFields, keys: LineKeys): GridRow[] {
  return state.lines.map((line, index) => {
    const extra = fields[index];
    const cached = rowCache.get(line);
    if (cached !== undefined && cached.fields === extra && cached.keys === keys) return cached.row;
    const row: Record<string, RawValue> = {
      ...extra,
      [keys.product]: line.specNo,
      [keys.sn]: flattenChunks(line.sns),
    };
    rowCache.set(line, { fields: extra, keys, row });
    return row;
  });
}

export interface RebuiltScan {
  readonly state: ScanState;
  readonly fields: RawRecord[];
  /** SNs left out because they were already on an earlier line or earlier in the same line. */
  readonly duplicates: number;
}

/** A state from lines typed or imported into the grid. Undo history starts empty; the expected list stays. */
export function scanFromLines(
  lines: readonly GridRow[],
  expected: readonly ExpectedSn[] | null,
  keys: LineKeys,
): RebuiltScan {
  const seen = new Set<string>();
  let duplicates = 0;
  const fields: RawRecord[] = [];
  const scanLines: ScanLine[] = trimTrailingEmptyRows(lines).map((row) => {
    const sns: string[] = [];
    for (const raw of splitSns(row[keys.sn])) {
      const sn = normalizeScannedValue(raw);
      if (sn === '') continue;
      if (seen.has(sn)) duplicates++;
      else {
        seen.add(sn);
        sns.push(sn);
      }
    }
    const { [keys.product]: _spec, [keys.sn]: _sns, ...rest } = row;
    fields.push(rest);
    return {
      specNo: editText(row[keys.product]).trim(),
      required: null,
      sns: chunksFromList(sns),
      count: sns.length,
    };
  });
  const state: ScanState = {
    version: 1,
    lines: scanLines,
    activeLine: scanLines.length > 0 ? scanLines.length - 1 : null,
    expected,
    typed: [],
    undo: [],
  };
  return { state, fields, duplicates };
}

/** The lines' fields as saved with the scan draft, read back defensively. */
export function readLineFields(value: unknown): RawRecord[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return {};
    const record: Record<string, RawValue> = {};
    for (const [key, field] of Object.entries(item as Record<string, unknown>)) {
      if (
        typeof field === 'string' ||
        typeof field === 'number' ||
        typeof field === 'boolean' ||
        field === null
      )
        record[key] = field;
    }
    return record;
  });
}
