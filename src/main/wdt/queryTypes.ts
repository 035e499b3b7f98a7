/**
 * The contract between the paged-query client (src/main/wdt/query*.ts) and 核对 (src/main/reconcile/). The
 * client handles the protocol: the pager in the signed query string, `[params]` as the body, times in UTC+8
 * corrected by the learned clock offset, windows split to each method's limit, every page read, both "not
 * found" forms. 核对 sees only what was found, or why nothing can be told.
 */

/** One record of a query's list, as the ERP sent it (times may be text or epoch milliseconds). */
export type QueryRecord = Readonly<Record<string, unknown>>;

export type QueryAnswer =
  /** Every page of every window was read; `records` is empty when the ERP found nothing (either form). */
  | { readonly kind: 'found'; readonly records: readonly QueryRecord[]; readonly calls: number }
  /** The ERP refused the query (权限不足, 无仓库访问权限, …): nothing can be told from it. */
  | {
      readonly kind: 'refused';
      readonly status: number;
      readonly message: string;
      /** The vendor's remedy in plain Chinese, naming the method the seller must enable for the account. */
      readonly remedy: string;
      readonly calls: number;
    }
  /** The ERP could not be asked (not reachable, timeout, a broken answer). */
  | { readonly kind: 'failed'; readonly reason: string; readonly calls: number };

/** A time span to search, split by the client into windows no longer than the method allows. */
export interface QueryWindow {
  readonly from: Date;
  readonly to: Date;
  /** The params keys the window's bounds go in, e.g. 'start_time' / 'end_time'. */
  readonly fromKey: string;
  readonly toKey: string;
}

export interface WdtQueryClient {
  /**
   * Calls a paged query `method` with `params` (one object; the body is `[params]`), over `window` if given,
   * reading every page. Stops after `maxCalls` HTTP calls in all (then 'failed'), so a 核对 stays bounded.
   */
  query(
    method: string,
    params: Readonly<Record<string, unknown>>,
    options?: { readonly window?: QueryWindow; readonly maxCalls?: number },
  ): Promise<QueryAnswer>;
}

/** One page's answer, as a caller that walks the pages itself sees it. */
export type PageAnswer = (
  | { readonly kind: 'page'; readonly records: readonly QueryRecord[]; readonly total?: number }
  | { readonly kind: 'refused'; readonly status: number; readonly message: string; readonly remedy: string }
  /** The ERP turned the call away for load (超过每分钟最大调用频率限制…): the same page may be asked later. */
  | { readonly kind: 'rate-limited'; readonly reason: string }
  /** Not reachable, timeout, a server error or a broken answer; `reason` is plain Chinese. */
  | { readonly kind: 'failed'; readonly reason: string }
) & {
  /** HTTP calls made: 1, or 2 after a 时间戳错误 retry. */
  readonly calls: number;
};

export interface WdtPageClient {
  /**
   * Calls page `pageNo` (from 0) of a paged query `method` with `params` as given (any window already written
   * in, see formatErpTime and clockOffset), with the same signing, clock-offset learning and one retry after
   * 时间戳错误 as query(). `pageSize` defaults to the client's.
   */
  page(
    method: string,
    params: Readonly<Record<string, unknown>>,
    pageNo: number,
    options?: { readonly pageSize?: number },
  ): Promise<PageAnswer>;
  /** Server minus local time, as learned so far: windows are written on the ERP's clock with it. */
  readonly clockOffset: { get(): number };
}
