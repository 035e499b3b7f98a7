/**
 * Scanning SNs into the lines of a document that keeps `num` and `is_enable_sn` per line
 * (wms.outer.OuterOut.createOrder): which lines take SNs, the scan state for them, and the lines after a
 * scan (sn_list one SN per line as the grid's SN editor writes it; `num` following the count when the user
 * lets the count set it).
 */
import type { RawRecord, RawValue } from '../../../../shared/spec';
import { readTypedNumber } from '../../../../shared/typedValues';
import { readYesNo } from '../../../../shared/validate';
import type { GridRow } from '../../documents/gridOps';
import { editText } from '../../documents/fieldText';
import { scanFromLines, SN_KEY } from './uploadSnLines';
import type { ScanState } from './scanState';
import { setLineRequired } from './scanLineEdits';
import { flattenChunks } from './snChunks';

export const NUM_KEY = 'num';
export const SN_FLAG_KEY = 'is_enable_sn';

export function isSnEnabled(row: RawRecord | undefined): boolean {
  // The same words the validator accepts (是, 1, Y, √, TRUE…), so the scan view agrees with what is sent.
  return readYesNo(editText(row?.[SN_FLAG_KEY])) === true;
}

/** A positive whole `num`, or null when the cell holds none. */
export function numOf(row: RawRecord | undefined): number | null {
  // "１２" or "1,200" as typed is the quantity the validator will send.
  const text = readTypedNumber(editText(row?.[NUM_KEY]));
  const value = Number(text);
  return text !== '' && Number.isInteger(value) && value >= 0 ? value : null;
}

/** Document rows that take SNs, in order: scan line i is document row snRows(lines)[i]. */
export function snRows(lines: readonly GridRow[]): number[] {
  return lines.flatMap((line, index) => (isSnEnabled(line) ? [index] : []));
}

export interface LineScanSetup {
  readonly state: ScanState;
  /** Document row of each scan line. */
  readonly rows: readonly number[];
  readonly duplicates: number;
}

/** The state over every SN-enabled row (so duplicates across rows are caught), `row` active. */
export function lineScanSetup(lines: readonly GridRow[], row: number, countSetsNum: boolean): LineScanSetup {
  const rows = snRows(lines);
  const rebuilt = scanFromLines(
    rows.map((index) => lines[index] ?? {}),
    null,
  );
  let state = withRequired(rebuilt.state, rows, lines, countSetsNum);
  const active = rows.indexOf(row);
  state = { ...state, activeLine: active >= 0 ? active : null };
  return { state, rows, duplicates: rebuilt.duplicates };
}

/** Each line's required count: its `num`, or none when the count is to set `num`. */
export function withRequired(
  state: ScanState,
  rows: readonly number[],
  lines: readonly GridRow[],
  countSetsNum: boolean,
): ScanState {
  let next = state;
  rows.forEach((row, index) => {
    next = setLineRequired(next, index, countSetsNum ? null : numOf(lines[row]));
  });
  return next;
}

/** The document lines with the scanned SNs written back (and `num` set to the count, if asked). */
export function linesWithScans(
  lines: readonly GridRow[],
  state: ScanState,
  rows: readonly number[],
  countSetsNum: boolean,
): GridRow[] {
  const next = lines.slice();
  state.lines.forEach((line, index) => {
    const row = rows[index];
    const current = row === undefined ? undefined : next[row];
    if (row === undefined || current === undefined) return;
    const update: Record<string, RawValue> = { ...current, [SN_KEY]: flattenChunks(line.sns).join('\n') };
    if (countSetsNum) update[NUM_KEY] = String(line.count);
    next[row] = update;
  });
  return next;
}
