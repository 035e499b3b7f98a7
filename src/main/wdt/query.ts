/**
 * The paged-query client (WdtQueryClient, queryTypes.ts): used by 核对 to ask the ERP what an unknown outcome
 * did. The protocol is the create client's (signer.ts, the clock offset learned from each Date header, one
 * retry after 时间戳错误), plus the pager: `page_size`, `page_no` (from 0) and `calc_total` go in the signed
 * query string; the body is `[params]`. A window is cut to the method's limit (queryMethods.ts) and written in
 * UTC+8 on the ERP's clock; every page of every window is read; a bounded number of HTTP calls is made.
 *
 * Queries change nothing in the ERP, yet no transport failure is retried here: 核对 is re-run as a whole,
 * and a bounded run is worth more than one that hides a flaky network.
 */
import { learnOffset, offsetFromDateHeader, createClockOffsetStore, type ClockOffsetStore } from './clock';
import { DEFAULT_TIMEOUT_MS, type WdtConnectionOptions } from './client';
import { formatErpTime } from './erpTime';
import { readQueryPage, type PageReading } from './queryAnswer';
import { DEFAULT_MAX_WINDOW_MS, queryMethodInfo, splitWindow } from './queryMethods';
import type {
  PageAnswer,
  QueryAnswer,
  QueryRecord,
  QueryWindow,
  WdtPageClient,
  WdtQueryClient,
} from './queryTypes';
import { parseEnvelope } from './response';
import { prepareRequest, splitAppSecret, wdtTimestamp, WdtConfigError, type PreparedRequest } from './signer';
import { classifyTransportError, watchConnectPhase } from './transport';
import { readBodyCapped, TOO_LARGE_NOTE } from './bodyReader';

export interface WdtQueryClientOptions extends WdtConnectionOptions {
  /** Records per page. Default 100 (the pages allow up to 2000). */
  readonly pageSize?: number;
  /** HTTP calls per query when the caller gives no maxCalls. Default 40. */
  readonly maxCalls?: number;
}

export interface QueryClient extends WdtQueryClient, WdtPageClient {
  /** Server minus local time; pass it to parseErpTime to compare answer times with this PC's records. */
  readonly clockOffset: ClockOffsetStore;
}

const DEFAULT_QUERY_PAGE_SIZE = 100;
const DEFAULT_QUERY_MAX_CALLS = 40;
const TIMESTAMP_REJECTED_STATUS = 7;

/** Throws WdtConfigError (Chinese message, no secret) when the credentials or base URL cannot work. */
export function createWdtQueryClient(options: WdtQueryClientOptions): QueryClient {
  splitAppSecret(options.credentials.appsecret);
  watchConnectPhase();
  const { baseUrl, credentials } = options;
  // A dry run validates the base URL now, not on the first 核对.
  prepareRequest({ baseUrl, credentials, method: 'check', args: [], timestamp: 0 });
  const clockOffset = options.clockOffset ?? createClockOffsetStore();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pageSize = positiveInteger(options.pageSize, DEFAULT_QUERY_PAGE_SIZE, 'pageSize');
  const defaultMaxCalls = positiveInteger(options.maxCalls, DEFAULT_QUERY_MAX_CALLS, 'maxCalls');

  /**
   * One page (one HTTP call, two after a 时间戳错误); `budget` counts calls across the whole query.
   * `size` is the page size asked for (the client's unless a page call gives its own).
   */
  async function callPage(
    method: string,
    params: Readonly<Record<string, unknown>>,
    pageNo: number,
    budget: { calls: number; readonly max: number },
    size = pageSize,
  ): Promise<PageReading> {
    for (let clockRetried = false; ; clockRetried = true) {
      if (budget.calls >= budget.max) {
        return { kind: 'failed', reason: `已达到查询次数上限（${budget.max} 次），结果不完整，无法判断。` };
      }
      let prepared: PreparedRequest;
      try {
        prepared = prepareRequest({
          baseUrl,
          credentials,
          method,
          args: [params],
          timestamp: wdtTimestamp((options.now() + clockOffset.get()) / 1000),
          extraParams: { page_size: String(size), page_no: String(pageNo), calc_total: '1' },
        });
      } catch (error) {
        return {
          kind: 'failed',
          reason: error instanceof WdtConfigError ? error.message : '查询参数无法转换为 JSON',
        };
      }
      budget.calls += 1;
      const reading = await send(method, prepared.url, prepared.bodyBytes);
      if (reading.clockRejected && !clockRetried) continue;
      return reading.page;
    }
  }

  async function send(
    method: string,
    url: string,
    body: Uint8Array,
  ): Promise<{ page: PageReading; clockRejected: boolean }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const sentAt = options.now();
    try {
      const response = await options.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        signal: controller.signal,
      });
      const reading = await readBodyCapped(response);
      if (reading.kind === 'too-large') return failed(`${TOO_LARGE_NOTE}，查询结果无法判断。`);
      const text = reading.text;
      const estimate = offsetFromDateHeader(response.headers.get('date'), sentAt, options.now());
      if (response.status < 200 || response.status > 299) {
        learnOffset(clockOffset, estimate);
        return failed(`ERP 服务器返回了 HTTP ${response.status} 错误。`);
      }
      const envelope = parseEnvelope(text);
      const clockRejected = envelope.ok && envelope.response.status === TIMESTAMP_REJECTED_STATUS;
      learnOffset(clockOffset, estimate, clockRejected);
      if (!envelope.ok) return failed(`收到的不是 ERP 的查询结果（${envelope.reason}）。`);
      return { page: readQueryPage(method, envelope.response), clockRejected };
    } catch (error) {
      if (controller.signal.aborted) return failed(`等待 ERP 的查询结果超时（${timeoutMs} ms）。`);
      const outcome = classifyTransportError(error);
      const code = outcome.kind === 'not-sent' || outcome.kind === 'unknown' ? outcome.reason : '';
      return failed(
        outcome.kind === 'not-sent'
          ? `无法连接 ERP（${code}）。`
          : `与 ERP 的连接中断，没有收到查询结果（${code}）。`,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async function query(
    method: string,
    params: Readonly<Record<string, unknown>>,
    queryOptions: { readonly window?: QueryWindow; readonly maxCalls?: number } = {},
  ): Promise<QueryAnswer> {
    const budget = { calls: 0, max: positiveInteger(queryOptions.maxCalls, defaultMaxCalls, 'maxCalls') };
    const records: QueryRecord[] = [];
    const window = queryOptions.window;
    const pieces = window
      ? splitWindow(
          window.from.getTime(),
          window.to.getTime(),
          queryMethodInfo(method)?.maxWindowMs ?? DEFAULT_MAX_WINDOW_MS,
        )
      : [undefined];
    for (const piece of pieces) {
      // Written once per piece, so every page of it asks the same question even if the offset moves.
      const pieceParams =
        piece && window
          ? {
              ...params,
              [window.fromKey]: formatErpTime(piece.from, clockOffset.get()),
              [window.toKey]: formatErpTime(piece.to, clockOffset.get()),
            }
          : params;
      for (let pageNo = 0; ; pageNo += 1) {
        const page = await callPage(method, pieceParams, pageNo, budget);
        if (page.kind === 'failed' || page.kind === 'rate-limited')
          return { kind: 'failed', reason: page.reason, calls: budget.calls };
        if (page.kind === 'refused') return { ...page, calls: budget.calls };
        records.push(...page.records);
        const short = page.records.length < pageSize;
        const allCounted = page.total !== undefined && (pageNo + 1) * pageSize >= page.total;
        if (short || allCounted) break;
      }
    }
    return { kind: 'found', records, calls: budget.calls };
  }

  /** One page for a caller that walks the pages itself (the catalog sync, which applies each as it comes). */
  async function page(
    method: string,
    params: Readonly<Record<string, unknown>>,
    pageNo: number,
    pageOptions: { readonly pageSize?: number } = {},
  ): Promise<PageAnswer> {
    if (!Number.isSafeInteger(pageNo) || pageNo < 0) throw new RangeError('pageNo must be 0 or more');
    const size = positiveInteger(pageOptions.pageSize, pageSize, 'pageSize');
    // Two calls at most: the page, and its one retry after 时间戳错误.
    const budget = { calls: 0, max: 2 };
    const reading = await callPage(method, params, pageNo, budget, size);
    return { ...reading, calls: budget.calls };
  }

  return { query, page, clockOffset };
}

function failed(reason: string): { page: PageReading; clockRejected: boolean } {
  return { page: { kind: 'failed', reason }, clockRejected: false };
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  return value;
}
