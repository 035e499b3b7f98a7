/**
 * The 核对 reference of an outer-warehouse transfer (wms.outer.OuterTransfer.createByApi).
 *
 * That method takes no external number and the ERP has no query for outer transfers, so after an unknown
 * outcome the only way to find "our" transfer is to search transfer orders by warehouses and time and match
 * them. Two transfers with the same warehouses and lines are indistinguishable, unless the remark carries
 * something only this send has: a short reference such as " #K7Q2XM", derived from the journal entry id
 * (stable: the same entry always gives the same reference; unique per send: a resend is a new entry).
 * Appended to the header remark when sending, shown in the 预览, and switched off by a setting.
 * Pure and shared: main appends it, 核对 looks for it, the renderer previews it.
 */

export const OUTER_TRANSFER_METHOD = 'wms.outer.OuterTransfer.createByApi';

/** Crockford's base 32: no I, L, O or U, so a reference read aloud or retyped is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const REFERENCE_CHARS = 6;
/**
 * The create page gives the remark no length; the transfer-order query (wms.stocktransfer.Manage
 * .queryWithDetail) returns it as String(255), so 255 is what the ERP keeps and what can be matched.
 */
export const TRANSFER_REMARK_MAX_LENGTH = 255;
/** What the 预览 shows in place of the reference, which exists only once the send is journaled. */
export const TRANSFER_REFERENCE_PLACEHOLDER = '#??????';

const REFERENCE_AT_END = /(?:^|\s)(#[0-9A-HJKMNP-TV-Z]{6})$/;

/** "#" and six characters from the entry id (FNV-1a, 30 bits: a clash needs about a billion sends). */
export function transferReferenceFor(entryId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < entryId.length; i += 1) {
    hash ^= entryId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let text = '#';
  for (let i = 0; i < REFERENCE_CHARS; i += 1) {
    text += ALPHABET[hash & 31] ?? '0';
    hash >>>= 5;
  }
  return text;
}

/**
 * The remark with `reference` at its end, after a space. A remark too long for both loses its end (marked
 * "…"), never the reference: without it an unknown outcome cannot be proven either way.
 */
export function remarkWithReference(remark: string | undefined, reference: string): string {
  const own = remark?.trim() ?? '';
  if (own === '') return reference;
  const room = TRANSFER_REMARK_MAX_LENGTH - reference.length - 1;
  const kept = own.length <= room ? own : `${own.slice(0, Math.max(0, room - 1))}…`;
  return `${kept} ${reference}`;
}

/** The reference at the end of a remark that was sent, if there is one. */
export function referenceInRemark(remark: unknown): string | undefined {
  if (typeof remark !== 'string') return undefined;
  return REFERENCE_AT_END.exec(remark.trim())?.[1];
}

/**
 * The positional arguments with the reference in the header's remark (args[0] is the header object of
 * createByApi). Anything else is returned as it is.
 */
export function argsWithTransferReference(
  method: string,
  args: readonly unknown[],
  reference: string,
): unknown[] {
  const [header, ...rest] = args;
  if (method !== OUTER_TRANSFER_METHOD || typeof header !== 'object' || header === null) return [...args];
  const record = header as Record<string, unknown>;
  const remark = typeof record.remark === 'string' ? record.remark : undefined;
  return [{ ...record, remark: remarkWithReference(remark, reference) }, ...rest];
}
