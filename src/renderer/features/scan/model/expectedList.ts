/**
 * Reads a pasted or imported list of the SNs a document should contain: one SN per line, optionally followed
 * by its spec_no after a Tab (two columns copied from Excel) or a comma (CSV). SNs cannot contain commas or
 * whitespace, so the first separator always ends the SN.
 */
import type { SnProblem } from './normalizeCode';
import { findSnProblem, normalizeScannedValue } from './normalizeCode';
import type { ExpectedSn } from './scanData';
import type { ScanSettings } from './scanTunables';
import { defaultScanSettings } from './scanTunables';

export interface ExpectedListParse {
  readonly entries: readonly ExpectedSn[];
  /** SNs listed more than once (kept once, with the first spec_no). */
  readonly duplicates: readonly string[];
  readonly invalid: readonly {
    readonly lineNo: number;
    readonly value: string;
    readonly problem: SnProblem;
  }[];
}

export function parseExpectedList(
  text: string,
  settings: ScanSettings = defaultScanSettings,
): ExpectedListParse {
  const entries: ExpectedSn[] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const invalid: { lineNo: number; value: string; problem: SnProblem }[] = [];
  text.split(/\r\n|\n|\r/).forEach((rawLine, i) => {
    const [rawSn = '', rawSpec = ''] = rawLine.split(/[\t,，]/);
    const sn = normalizeScannedValue(rawSn);
    if (sn === '') return;
    const problem = findSnProblem(sn, settings.maxSnLength);
    if (problem !== null) {
      invalid.push({ lineNo: i + 1, value: sn, problem });
      return;
    }
    if (seen.has(sn)) {
      duplicates.push(sn);
      return;
    }
    seen.add(sn);
    const specNo = normalizeScannedValue(rawSpec);
    entries.push({ sn, specNo: specNo === '' ? null : specNo });
  });
  return { entries, duplicates, invalid };
}
