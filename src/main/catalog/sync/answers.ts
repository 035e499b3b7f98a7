/**
 * What the sync runner reads from a page's answer beyond its records:
 * - a refusal of the API account itself (signature, appkey/appsecret, sid, IP whitelist, clock, 动态口令),
 *   which every source would get alike, so the run stops once with one message instead of five problems;
 * - a refusal because the query had no times, for the sources first asked without them;
 * - a page that shows the window's records moved while it was being read (paging shift).
 */
import { findVendorMessage, generalMeaning, normalizeMessage } from '../../wdt/erpMessages';

/** Statuses the vendor's table gives only for the account or the call as a whole (no method has them). */
const ACCOUNT_STATUSES: ReadonlySet<number> = new Set([3, 6, 7]);
/** Status 1 rows that are about the account (the other status 1 rows are about a request's params). */
const ACCOUNT_TEXTS: ReadonlySet<string> = new Set([
  'sid is not exists',
  'sid is not found',
  '验证失败',
  'app auth fail',
  'For input string: "1665947116495"',
]);

export function isAccountRefusal(status: number, message: string): boolean {
  if (ACCOUNT_STATUSES.has(status)) return true;
  const row = findVendorMessage(status, message);
  return status === 1 && row !== undefined && ACCOUNT_TEXTS.has(row.vendorText);
}

/** The one message that ends a sync the ERP refused for the account: the ERP's words and the vendor's remedy. */
export function accountRefusalMessage(status: number, message: string): string {
  const said = message === '' ? `状态 ${status}` : `状态 ${status}：${message}`;
  const remedy = findVendorMessage(status, message)?.remedy ?? generalMeaning(status);
  return `ERP 拒绝了接口账号（${said}），目录同步已停止。${remedy}已读取的内容已保存，改正后再同步会从中断处继续。`;
}

/**
 * A refusal of a query sent without times that is about the times (the vendor's sample for these methods:
 * 参数中必须包含起止时间). Only asked about when no time was sent, so any mention of 时间 is that.
 */
export function asksForTimes(message: string): boolean {
  return normalizeMessage(message).includes('时间');
}

/**
 * Whether page `pageNo` shows that the listing moved since page 0 said it held `expected` records: its
 * total_count differs, or it came short before the count was reached. Either way an earlier page's record
 * left (or one entered) and the later pages start at a different record, so one may have been skipped.
 */
export function pageShifted(
  pageNo: number,
  pageSize: number,
  records: number,
  total: number | undefined,
  expected: number | undefined,
): boolean {
  if (expected === undefined || pageNo === 0) return false;
  if (total !== undefined && total !== expected) return true;
  return records < pageSize && pageNo * pageSize + records < expected;
}
