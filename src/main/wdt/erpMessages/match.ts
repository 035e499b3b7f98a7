/**
 * The shape of one row of the vendor's error table as the client keeps it, and how an ERP message is matched
 * against the rows. The rows themselves are data (protocolMessages.ts, businessMessages.ts).
 */

/** Where a row's message text comes from; every row is traceable to a vendor page. */
type MessageSource =
  /** ../shared/wdt-api/error-codes.md, the vendor's 错误码说明 page. */
  | 'error-codes'
  /** A method page's error example, or PROTOCOL.md's list of typical messages. */
  | 'method-page';

export type MessageMatch =
  /** The whole message, after normalising (see normalizeMessage). */
  | { readonly kind: 'exact'; readonly text: string }
  /**
   * Every part appears, in this order. For the vendor's messages that carry a value (商家编码, 批次, a field
   * name, a date): the parts are the fixed words around the placeholder.
   */
  | { readonly kind: 'contains'; readonly parts: readonly string[] }
  /** Any message with this status: the vendor's text is only an example (status 2 names the field). */
  | { readonly kind: 'any' };

export interface VendorMessage {
  readonly status: number;
  /** The message exactly as the vendor prints it (placeholders such as xxx included). */
  readonly vendorText: string;
  readonly match: MessageMatch;
  /**
   * Plain Chinese for a warehouse user: what the message means (for the ones that depend on the seller's
   * ERP settings, which setting) and the vendor's remedy. "{message}" is replaced by the ERP's own text.
   */
  readonly remedy: string;
  readonly source: MessageSource;
  /** The ERP turned the request away for load; the same request may be sent again unchanged later. */
  readonly rateLimit?: true;
}

export const exact = (text: string): MessageMatch => ({ kind: 'exact', text });
export const contains = (...parts: string[]): MessageMatch => ({ kind: 'contains', parts });
export const anyMessage: MessageMatch = { kind: 'any' };

/**
 * The ERP is not consistent about full- and half-width punctuation (，/, ！/! ：/:) or spacing, and the
 * vendor's own pages differ from each other, so both sides are compared in NFKC form, case-folded, with runs
 * of whitespace collapsed.
 */
export function normalizeMessage(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** How specific a match is: an exact match beats any 'contains', a longer 'contains' beats a shorter one. */
function matchScore(match: MessageMatch, message: string): number | undefined {
  switch (match.kind) {
    case 'exact':
      return normalizeMessage(match.text) === message ? Number.MAX_SAFE_INTEGER : undefined;
    case 'contains': {
      let from = 0;
      let length = 0;
      for (const part of match.parts) {
        const wanted = normalizeMessage(part);
        const at = message.indexOf(wanted, from);
        if (at < 0) return undefined;
        from = at + wanted.length;
        length += wanted.length;
      }
      return length;
    }
    case 'any':
      return 0;
  }
}

/** The most specific row for this status that matches the message; undefined when none does. */
export function findInTable(
  table: readonly VendorMessage[],
  status: number,
  message: string,
): VendorMessage | undefined {
  const normalized = normalizeMessage(message);
  let best: VendorMessage | undefined;
  let bestScore = -1;
  for (const row of table) {
    if (row.status !== status) continue;
    const score = matchScore(row.match, normalized);
    if (score !== undefined && score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  return best;
}
