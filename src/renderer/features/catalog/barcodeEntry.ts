/**
 * A barcode typed, scanned or pasted where a spec_no belongs becomes that spec_no (issue #14). Pure: which
 * typed codes the catalog names as barcodes of another code. Anything else stays exactly as typed.
 */
import type { CatalogMatch } from '../../../shared/catalog';

export interface TypedCode {
  readonly row: number;
  readonly text: string;
}

interface BarcodeReplacement {
  readonly row: number;
  /** What the cell held: the barcode. */
  readonly barcode: string;
  readonly specNo: string;
}

/**
 * The replacements for typed codes, given the catalog's answer for each trimmed code. Only when the catalog
 * says the code is a barcode of a different code: a spec_no typed in other letter case is left alone.
 */
export function barcodeReplacements(
  typed: readonly TypedCode[],
  matchOf: (code: string) => CatalogMatch | undefined,
): BarcodeReplacement[] {
  const replacements: BarcodeReplacement[] = [];
  for (const { row, text } of typed) {
    const code = text.trim();
    if (code === '') continue;
    const match = matchOf(code);
    if (match === undefined || !match.found || match.kind !== 'spec') continue;
    if (match.value === code || match.value.toUpperCase() === code.toUpperCase()) continue;
    replacements.push({ row, barcode: code, specNo: match.value });
  }
  return replacements;
}
