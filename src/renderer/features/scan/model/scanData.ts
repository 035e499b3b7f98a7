/**
 * The SNs scanned into one document, per line, as immutable plain data: what is saved as the scan draft after
 * every accepted scan and what every scan view reads. The rules that change it are in scanState.ts.
 */
import type { SnChunks } from './snChunks';

export interface ScanLine {
  readonly specNo: string;
  /** How many SNs the line needs (its `num`), or null when any number is fine. */
  readonly required: number | null;
  readonly sns: SnChunks;
  /** Number of SNs in `sns`, kept so the over-count check needs no walk over the chunks. */
  readonly count: number;
}

/** One entry of an imported list of the SNs this document should contain. */
export interface ExpectedSn {
  readonly sn: string;
  /** The line the SN belongs to, when the list says so; null routes it to the active line. */
  readonly specNo: string | null;
}

export interface ScanState {
  readonly version: 1;
  readonly lines: readonly ScanLine[];
  readonly activeLine: number | null;
  /** When set, only SNs on this list are accepted. */
  readonly expected: readonly ExpectedSn[] | null;
  /** SNs that were typed or pasted rather than scanned, for the grid to mark. */
  readonly typed: SnChunks;
  /** Most recent accepted SNs, newest last, for "undo last scan". */
  readonly undo: readonly string[];
}
