/**
 * Every message the vendor documents, as one table: the error-code page's rows (statuses 1–99 and 100) and
 * the few the method pages add. explain.ts reads it; nothing else decides what a message means.
 */
import { businessMessages } from './businessMessages';
import { findInTable, type VendorMessage } from './match';
import { pageMessages } from './pageMessages';
import { protocolMessages } from './protocolMessages';

export { normalizeMessage } from './match';
export { generalMeaning, provesNothingCreated } from './status';

export const vendorMessages: readonly VendorMessage[] = [
  ...protocolMessages,
  ...businessMessages,
  ...pageMessages,
];

/** The row that explains this answer; undefined when the vendor never documented the message. */
export function findVendorMessage(status: number, message: string): VendorMessage | undefined {
  return findInTable(vendorMessages, status, message);
}
