/**
 * Scanning SNs into the lines of a 'per-line' document, one that keeps a quantity and an SN switch per line
 * (wms.outer.OuterOut.createOrder: `num` and `is_enable_sn`): which lines take SNs, the scan state for them,
 * and the lines after a scan (the SN list one SN per line as the grid's SN editor writes it; the quantity
 * following the count when the user lets the count set it). The fields are the spec's (scanFields.ts).
 */
import type { RawRecord, RawValue } from '../../../../shared/spec';
import { readTypedNumber } from '../../../../shared/typedValues';
import { readYesNo } from '../../../../shared/validate';
import type { GridRow } from '../../documents/gridOps';
import { editText } from '../../documents/fieldText';
import type { PerLineFields } from './scanFields';
import { scanFromLines } from './uploadSnLines';
import type { ScanState } from './scanData';
import { setLineRequired } from './scanLineEdits';
import { flattenChunks } from './snChunks';

export function isSnEnabled(keys: PerLineFields, row: RawRecord | undefined): boolean {
  // The same words the validator accepts (是, 1, Y, √, TRUE…), so the scan view agrees with what is sent.
  return readYesNo(editText(row?.[keys.snSwitch])) === true;
}

/** A positive whole quantity, or null when the cell holds none. */
export function numOf(keys: PerLineFields, row: RawRecord | undefined): number | null {
  // "１２" or "1,200" as typed is the quantity the validator will send.
  const text = readTypedNumber(editText(row?.[keys.quantity]));
  const value = Number(text);
  return text !== '' && Number.isInteger(value) && value >= 0 ? value : null;
}

/** Document rows that take SNs, in order: scan line i is document row snRows(lines)[i]. */
export function snRows(keys: PerLineFields, lines: readonly GridRow[]): number[] {
  return lines.flatMap((line, index) => (isSnEnabled(keys, line) ? [index] : []));
}

export interface LineScanSetup {
  readonly state: ScanState;
  /** Document row of each scan line. */
  readonly rows: readonly number[];
  readonly duplicates: number;
}

/** The state over every SN-enabled row (so duplicates across rows are caught), `row` active. */
export function lineScanSetup(
  keys: PerLineFields,
  lines: readonly GridRow[],
  row: number,
  countSetsNum: boolean,
): LineScanSetup {
  const rows = snRows(keys, lines);
  const rebuilt = scanFromLines(
    rows.map((index) => lines[index] ?? {}),
    null,
    keys,
  );
  let state = withRequired(keys, rebuilt.state, rows, lines, countSetsNum);
  const active = rows.indexOf(row);
  state = { ...state, activeLine: active >= 0 ? active : null };
  return { state, rows, duplicates: rebuilt.duplicates };
}

/** Each line's required count: its quantity, or none when the count is to set the quantity. */
export function withRequired(
  keys: PerLineFields,
  state: ScanState,
  rows: readonly number[],
  lines: readonly GridRow[],
  countSetsNum: boolean,
): ScanState {
  let next = state;
  rows.forEach((row, index) => {
    next = setLineRequired(next, index, countSetsNum ? null : numOf(keys, lines[row]));
  });
  return next;
}

/** The document lines with the scanned SNs written back (and the quantity set to the count, if asked). */
export function linesWithScans(
  keys: PerLineFields,
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
    const update: Record<string, RawValue> = { ...current, [keys.sn]: flattenChunks(line.sns).join('\n') };
    if (countSetsNum) update[keys.quantity] = String(line.count);
    next[row] = update;
  });
  return next;
}
