/**
 * Edits of a scan state's lines that are not scans (add, select, remove, required counts, the expected
 * list) and read-only lookups, over the same copy-on-write change and index as scans (scanStateChange.ts).
 */
import type { ExpectedSn, ScanState } from './scanData';
import type { ScanSettings } from './scanTunables';
import { defaultScanSettings } from './scanTunables';
import { edit, handOverIndex, indexFor } from './scanStateChange';
import { positionOf } from './snChunks';

export function addLine(
  state: ScanState,
  specNo: string,
  required: number | null,
  settings: ScanSettings = defaultScanSettings,
): { state: ScanState; line: number } {
  const edited = edit(state, settings, (change) => {
    const line = change.addLine(specNo, required);
    change.select(line);
    return line;
  });
  return { state: edited.state, line: edited.outcome };
}

export function selectLine(
  state: ScanState,
  line: number,
  settings: ScanSettings = defaultScanSettings,
): ScanState {
  if (state.lines[line] === undefined) return state;
  return edit(state, settings, (change) => change.select(line)).state;
}

/** Changes a line's required count; SNs already there stay (the grid shows the line as over). */
export function setLineRequired(state: ScanState, line: number, required: number | null): ScanState {
  const current = state.lines[line];
  if (current === undefined || current.required === required) return state;
  const lines = state.lines.slice();
  lines[line] = { ...current, required };
  const next: ScanState = { ...state, lines };
  // Lines keep their positions, so the index stays right; hand it over rather than rebuild it.
  handOverIndex(state, next);
  return next;
}

/** Removes a line and its SNs. Rare, so the index is simply rebuilt on next use. */
export function removeLine(state: ScanState, line: number): ScanState {
  const removed = state.lines[line];
  if (removed === undefined) return state;
  const gone = new Set(removed.sns.flat());
  const lines = state.lines.filter((_, i) => i !== line);
  let activeLine = state.activeLine;
  if (activeLine === line) activeLine = lines.length > 0 ? Math.min(line, lines.length - 1) : null;
  else if (activeLine !== null && activeLine > line) activeLine--;
  const typed = state.typed
    .map((chunk) => chunk.filter((sn) => !gone.has(sn)))
    .filter((chunk) => chunk.length > 0);
  return { ...state, lines, activeLine, typed, undo: state.undo.filter((sn) => !gone.has(sn)) };
}

/** Sets (or with null, clears) the expected list; SNs already scanned stay. */
export function setExpectedList(state: ScanState, expected: readonly ExpectedSn[] | null): ScanState {
  const next: ScanState = { ...state, expected };
  handOverIndex(state, next);
  return next;
}

/** Where an SN is in the document, or null. */
export function findSn(state: ScanState, sn: string): { line: number; position: number } | null {
  const line = indexFor(state).lineOf.get(sn);
  const found = line === undefined ? undefined : state.lines[line];
  if (line === undefined || found === undefined) return null;
  return { line, position: positionOf(found.sns, sn) };
}

export function isTypedSn(state: ScanState, sn: string): boolean {
  return indexFor(state).typed.has(sn);
}

/** Expected SNs not scanned yet, in list order (for the "still missing" view). */
export function missingExpected(state: ScanState): ExpectedSn[] {
  if (state.expected === null) return [];
  const lineOf = indexFor(state).lineOf;
  return state.expected.filter((entry) => !lineOf.has(entry.sn));
}
