/**
 * A WdtQueryClient over documents the test puts in, for the 核对 engine's tests. It filters like the ERP
 * would on the params that name a field of the record (warehouse, number, supplier, …) and on the window
 * (by `windowField`), and counts one call per query. A method can be made to refuse or fail.
 */
import { formatErpTime, parseErpTime } from '../../../src/main/wdt/erpTime';
import type { QueryAnswer, QueryRecord, QueryWindow, WdtQueryClient } from '../../../src/main/wdt/queryTypes';

/** Query params whose record field has another name. */
const paramFields: Readonly<Record<string, string>> = {
  order_no: 'stockout_no',
  order_type: 'src_order_type',
  expect_warehouse_no: 'warehouse_no',
};
const ignoredParams = new Set(['order_type']);

export interface FakeCall {
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly window?: QueryWindow;
  readonly maxCalls?: number;
}

export class FakeQueryClient implements WdtQueryClient {
  readonly calls: FakeCall[] = [];
  private readonly records = new Map<string, QueryRecord[]>();
  private readonly refusals = new Map<string, string>();
  private readonly failures = new Set<string>();

  /** `windowField`: the record's time field a window on this method filters (created, modified, …). */
  constructor(private readonly windowField: Readonly<Record<string, string>> = {}) {}

  add(method: string, ...records: QueryRecord[]): this {
    this.records.set(method, [...(this.records.get(method) ?? []), ...records]);
    return this;
  }

  refuse(method: string, message = '权限不足'): this {
    this.refusals.set(method, message);
    return this;
  }

  fail(method: string): this {
    this.failures.add(method);
    return this;
  }

  query(
    method: string,
    params: Readonly<Record<string, unknown>>,
    options?: { readonly window?: QueryWindow; readonly maxCalls?: number },
  ): Promise<QueryAnswer> {
    this.calls.push({ method, params, window: options?.window, maxCalls: options?.maxCalls });
    const refusal = this.refusals.get(method);
    if (refusal !== undefined)
      return Promise.resolve({
        kind: 'refused',
        status: 100,
        message: refusal,
        remedy: `请在旺店通开放平台为接口账号开通 ${method}`,
        calls: 1,
      });
    if (this.failures.has(method)) return Promise.resolve({ kind: 'failed', reason: '连接被拒绝', calls: 1 });
    const window = options?.window;
    const field = this.windowField[method];
    const records = (this.records.get(method) ?? []).filter((record) => {
      for (const [key, value] of Object.entries(params)) {
        if (ignoredParams.has(key)) continue;
        const recordKey = paramFields[key] ?? key;
        if (recordKey in record && String(record[recordKey]) !== String(value)) return false;
      }
      if (window && field) {
        const time = parseErpTime(record[field]);
        if (!time || time < window.from || time > window.to) return false;
      }
      return true;
    });
    return Promise.resolve({ kind: 'found', records, calls: 1 });
  }
}

/** The ERP's text for a moment `minutes` after `base`. */
export function erpTime(base: Date, minutes: number): string {
  return formatErpTime(base.getTime() + minutes * 60_000);
}
