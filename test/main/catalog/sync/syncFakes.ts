/**
 * A scripted page client for the sync runner's tests: per method a list of entries with a modified time,
 * answered by window and page as the ERP pages them, plus refusals, rate limits and failures on demand.
 * Window bounds are read back from the ERP's text independently of the client code (UTC+8).
 */
import type { PageAnswer, QueryRecord, WdtPageClient } from '../../../../src/main/wdt/queryTypes';

export interface FakeEntry {
  readonly at: number;
  readonly record: QueryRecord;
}

export interface SeenPage {
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly pageNo: number;
  readonly pageSize: number;
}

export type Interceptor = (page: SeenPage, index: number) => PageAnswer | undefined;

export interface FakePageClient extends WdtPageClient {
  readonly seen: SeenPage[];
  readonly data: Map<string, FakeEntry[]>;
  /** Runs before each page; an answer it returns replaces the ERP's. */
  intercept: Interceptor | undefined;
  /**
   * Warehouses and suppliers refuse a query without times (参数中必须包含起止时间); when false (the pages'
   * reading) such a query lists every record.
   */
  timesRequired: boolean;
}

const WINDOW_KEYS: Readonly<Record<string, readonly [string, string]>> = {
  'setting.PurchaseProvider.queryDetail': ['modified_begin', 'modified_end'],
};

/** Their pages mark every param optional (Employee.search requires times). */
const TIMES_OPTIONAL = new Set(['setting.Warehouse.queryWarehouse', 'setting.PurchaseProvider.queryDetail']);

export function erpTextMs(text: unknown): number {
  if (typeof text !== 'string') throw new Error(`window bound is not text: ${String(text)}`);
  const [date, time] = text.split(' ');
  const ms = Date.parse(`${date}T${time}+08:00`);
  if (Number.isNaN(ms)) throw new Error(`bad window bound ${text}`);
  return ms;
}

export function fakePageClient(data: Record<string, FakeEntry[]> = {}): FakePageClient {
  const seen: SeenPage[] = [];
  const client: FakePageClient = {
    seen,
    data: new Map(Object.entries(data)),
    intercept: undefined,
    timesRequired: false,
    clockOffset: { get: () => 0 },
    page(method, params, pageNo, options) {
      const pageSize = options?.pageSize ?? 100;
      const call = { method, params, pageNo, pageSize };
      seen.push(call);
      const replaced = client.intercept?.(call, seen.length - 1);
      if (replaced) return Promise.resolve(replaced);
      const [fromKey, toKey] = WINDOW_KEYS[method] ?? ['start_time', 'end_time'];
      if (params[fromKey] === undefined && params[toKey] === undefined && TIMES_OPTIONAL.has(method)) {
        if (client.timesRequired)
          return Promise.resolve({
            kind: 'refused',
            status: 100,
            message: '参数中必须包含起止时间',
            remedy: '',
            calls: 1,
          });
        const all = [...(client.data.get(method) ?? [])].sort((a, b) => a.at - b.at);
        const records = all.slice(pageNo * pageSize, (pageNo + 1) * pageSize).map((entry) => entry.record);
        return Promise.resolve({ kind: 'page', records, total: all.length, calls: 1 });
      }
      const from = erpTextMs(params[fromKey]);
      const to = erpTextMs(params[toKey]);
      if (to - from > 30 * 24 * 3_600_000) {
        return Promise.resolve({
          kind: 'refused',
          status: 100,
          message: '查询时间过宽',
          remedy: '',
          calls: 1,
        });
      }
      const rows = (client.data.get(method) ?? [])
        .filter((entry) => entry.at >= from && entry.at <= to + 999)
        .sort((a, b) => a.at - b.at);
      const records = rows.slice(pageNo * pageSize, (pageNo + 1) * pageSize).map((entry) => entry.record);
      return Promise.resolve({ kind: 'page', records, total: rows.length, calls: 1 });
    },
  };
  return client;
}
