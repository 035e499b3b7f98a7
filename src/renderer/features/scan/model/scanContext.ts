/**
 * The context a scan is applied in (scanState.ts, productScan.ts): the journal, the catalog, the profile's SN
 * shape, what the screen expects, and how the screen numbers its lines.
 */
import type { SnShape } from '../../../../shared/snShape';

/** What the catalog says a scanned code is: the product's 商家编码, and the barcode when the code was one. */
export interface ProductCode {
  readonly specNo: string;
  readonly barcode?: string;
}

/** What the caller knows that the scan state does not. */
export interface ScanContext {
  /** From the journal: was this SN in a submission the ERP accepted? */
  readonly isAlreadySent?: (sn: string) => boolean | { readonly entryId: string };
  /** The screen asks for a spec_no now: the next scan that is not an existing line's spec_no adds a line. */
  readonly expectingSpecNo?: boolean;
  /** A value for which this is true is a spec_no: it adds (and selects) a line. */
  readonly isSpecNo?: (value: string) => boolean;
  /**
   * What the local catalog says a scanned code is (its spec_no, and the barcode when it was one), or null
   * when it is not a product it knows. Answered synchronously: the scan queue looked the code up first.
   */
  readonly product?: (value: string) => ProductCode | null;
  /** The `required` count of a line added by a scan or by the expected list. */
  readonly requiredFor?: (specNo: string) => number | null;
  /** Extra SN rule; returns a Chinese reason to refuse the SN, or null. */
  readonly validateSn?: (sn: string) => string | null;
  /** What an SN looks like for this profile; a code that does not fit is not taken as an SN unasked. */
  readonly snShape?: SnShape | null;
  /** A scanned product code can add a line here, so a code that is not an SN may be one: ask. */
  readonly canAddLines?: boolean;
  /**
   * The number people see for a scan line (1-based), where it differs from its place in the scan state:
   * the line dialog scans only the document's SN rows, and its messages must name the grid's row.
   */
  readonly lineNumber?: (line: number) => number;
}

/** The 1-based number of scan line `line` as the screen shows it. */
export function lineNumberOf(ctx: ScanContext, line: number): number {
  return ctx.lineNumber?.(line) ?? line + 1;
}
