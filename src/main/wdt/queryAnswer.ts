/**
 * How the query client reads one page's answer: the records of a well-formed page, "nothing found" in either
 * of the ERP's forms, or a refusal with the remedy naming the query method the seller must enable. A query
 * creates nothing, so unlike a create's answer nothing here is "unknown": the ERP either answered the
 * question, refused it, or could not be asked (server error, rate limit: try later).
 */
import type { ErpResponse } from '../../shared/outcome';
import { findVendorMessage, normalizeMessage, provesNothingCreated } from './erpMessages';
import { queryMethodInfo, RECONCILE_PURPOSE } from './queryMethods';
import type { QueryRecord } from './queryTypes';

/** The second form of "nothing found" (the first is status 0 with an empty list); PROTOCOL.md, Queries. */
const NOT_FOUND_MESSAGES: readonly string[] = ['未找到符合条件的订单', '单据不存在'];

export type PageReading =
  | { readonly kind: 'page'; readonly records: readonly QueryRecord[]; readonly total?: number }
  | { readonly kind: 'refused'; readonly status: number; readonly message: string; readonly remedy: string }
  /** 超过每分钟最大调用频率限制 and the like: the same page may be asked again, later. */
  | { readonly kind: 'rate-limited'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** Reads one page of `method` from a well-formed envelope. */
export function readQueryPage(method: string, response: ErpResponse): PageReading {
  if (response.status !== 0) return readRefusal(method, response.status, response.message ?? '');
  const data = response.data;
  // Status 0 without data (or without the list) is the first "nothing found" form.
  // PHP encodes an empty map as [], so an empty array is read the same way.
  if (data === undefined || data === null || (Array.isArray(data) && data.length === 0)) {
    return { kind: 'page', records: [] };
  }
  if (!isPlainObject(data)) return broken('data 不是对象');
  const listKey = queryMethodInfo(method)?.listKey ?? firstListKey(data);
  const list = listKey === undefined ? undefined : data[listKey];
  if (list !== undefined && list !== null && !Array.isArray(list)) return broken(`data.${listKey} 不是列表`);
  const records: QueryRecord[] = [];
  for (const record of list ?? []) {
    if (!isPlainObject(record)) return broken(`data.${listKey ?? ''} 中有不是对象的记录`);
    records.push(record);
  }
  const total = readCount(data['total_count']);
  return total === undefined ? { kind: 'page', records } : { kind: 'page', records, total };
}

function readRefusal(method: string, status: number, message: string): PageReading {
  const normalized = normalizeMessage(message);
  if (status === 100 && NOT_FOUND_MESSAGES.some((text) => normalized.includes(normalizeMessage(text)))) {
    return { kind: 'page', records: [] };
  }
  const row = findVendorMessage(status, message);
  const said = message === '' ? `状态 ${status}` : `状态 ${status}：${message}`;
  // Server errors (4, 5, 99, unlisted statuses) and rate limits say nothing about permissions: ask later.
  if (!provesNothingCreated(status))
    return { kind: 'failed', reason: `ERP 处理查询时出错（${said}），请稍后再${purposeOf(method)}。` };
  if (row?.rateLimit === true) {
    return { kind: 'rate-limited', reason: `ERP 限制了调用频率（${said}）。旺店通建议 5–10 分钟后再试。` };
  }
  return { kind: 'refused', status, message, remedy: queryRemedy(method, message, row?.remedy) };
}

/**
 * The remedy for a refused query, naming the method and what the app needed it for (核对, 同步商品目录: the
 * method table says): the vendor's remedy for the message where its table has one (worded for a create, so
 * "再提交" becomes "再核对" / "再同步商品目录"), otherwise the ERP's words and the usual causes.
 */
function queryRemedy(method: string, message: string, vendorRemedy: string | undefined): string {
  const label = queryMethodInfo(method)?.label;
  const purpose = purposeOf(method);
  const name = label === undefined ? method : `${method}（${label}）`;
  const meaning =
    vendorRemedy !== undefined
      ? vendorRemedy.replaceAll('{message}', message).replaceAll('再提交', `再${purpose}`)
      : `ERP 的原话是“${message}”。请管理员在旺店通开放平台（自助对接 → 应用管理 → 新增/变更）确认应用已开通这个查询接口，并在 旺店通 设置 → 安全设置 → 员工权限 中确认接口账号（员工编号等于 appkey 的员工）有相关${scopeOf(method)}的权限。`;
  return `${purpose}要用到查询接口 ${name}，ERP 拒绝了这次查询。${meaning}需要为接口账号开通的查询接口：${method}。`;
}

function purposeOf(method: string): string {
  return queryMethodInfo(method)?.usedFor ?? RECONCILE_PURPOSE;
}

/** The permission that filters the method's answer (its page's 1.5 权限校验): brands, suppliers or warehouses. */
function scopeOf(method: string): string {
  if (method.startsWith('goods.')) return '品牌';
  if (method === 'setting.PurchaseProvider.queryDetail') return '供应商';
  if (method === 'setting.Employee.search') return '员工资料';
  return '仓库';
}

/** For a method not in the table: the first list in `data`. */
function firstListKey(data: Record<string, unknown>): string | undefined {
  return Object.keys(data).find((key) => Array.isArray(data[key]));
}

function readCount(value: unknown): number | undefined {
  const count = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : undefined;
}

function broken(detail: string): PageReading {
  return { kind: 'failed', reason: `ERP 的查询结果格式无法识别（${detail}）。` };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
