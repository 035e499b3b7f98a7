/**
 * What the query client must know of each paged query method, from its vendor page in
 * ../shared/wdt-api/queries/ and ../shared/wdt-api/master-data/ (section 1.4 时间跨度, the params table and the
 * data table): the longest window the ERP accepts, the params keys a window goes in, the key of the list in
 * `data`, and what the app asks it for (a refusal's remedy says so).
 */
import type { QueryWindow } from './queryTypes';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

interface QueryMethodInfo {
  readonly method: string;
  /** The page's title, for people (remedies name the method with it). */
  readonly label: string;
  /** The longest span between the window's bounds the ERP accepts (inclusive). */
  readonly maxWindowMs: number;
  /** The params keys of the window's bounds. */
  readonly fromKey: string;
  readonly toKey: string;
  /** The key in `data` that holds the page's records. */
  readonly listKey: string;
  /** What the app uses the method for, as the lead-in of a refusal's remedy: 核对 or 同步商品目录. */
  readonly usedFor: string;
}

export const RECONCILE_PURPOSE = '核对';
const CATALOG_PURPOSE = '同步商品目录';

const info = (
  method: string,
  label: string,
  maxWindowMs: number,
  listKey: string,
  more: { fromKey?: string; toKey?: string; usedFor?: string } = {},
): QueryMethodInfo => ({
  method,
  label,
  maxWindowMs,
  fromKey: more.fromKey ?? 'start_time',
  toKey: more.toKey ?? 'end_time',
  listKey,
  usedFor: more.usedFor ?? RECONCILE_PURPOSE,
});

const catalog = { usedFor: CATALOG_PURPOSE };

/** One row per method; every window is start_time / end_time except the supplier query's modified_*. */
const queryMethods: readonly QueryMethodInfo[] = [
  info('wms.outer.OuterOut.queryWithDetail', '外仓调整出库单查询', 30 * DAY_MS, 'order'),
  info('wms.outer.OuterIn.queryWithDetail', '外仓调整入库单查询', 30 * DAY_MS, 'order'),
  info('purchase.PurchaseOrder.queryWithDetail', '采购单及明细查询', 30 * DAY_MS, 'order'),
  info('purchase.PurchaseReturn.queryWithDetail', '采购退货单查询', 30 * DAY_MS, 'order'),
  info('wms.stockout.PurchaseReturn.queryWithDetail', '采购退货出库单查询', 30 * DAY_MS, 'order'),
  info('wms.stockout.Base.search', '出库单查询', 60 * MINUTE_MS, 'order_list'),
  // The page leaves 时间跨度 blank; the 30 days of its sibling SN query is the safe assumption.
  info('wms.stockout.Base.searchSN', '出库SN查询', 30 * DAY_MS, 'detail_list'),
  info('wms.GoodsSN.queryWithDetail', 'SN码查询', 30 * DAY_MS, 'sn_list'),
  info('wms.stocktransfer.Manage.queryWithDetail', '调拨单查询', 30 * DAY_MS, 'order'),
  info('wms.stockout.Transfer.queryWithDetail', '调拨出库单查询', 30 * DAY_MS, 'order'),
  // The catalog's master-data queries (issue #14). Goods and suites: 1.4 says 30 days. Warehouses, suppliers
  // and employees: 1.4 is blank, yet their error example is 参数中必须包含起止时间; 30-day windows meet
  // whatever limit goes unstated.
  info('goods.Goods.queryWithSpec', '货品档案查询', 30 * DAY_MS, 'goods_list', catalog),
  info('goods.Suite.search', '组合装查询', 30 * DAY_MS, 'suite_list', catalog),
  info('setting.Warehouse.queryWarehouse', '仓库查询', 30 * DAY_MS, 'details', catalog),
  info('setting.PurchaseProvider.queryDetail', '供应商查询', 30 * DAY_MS, 'details', {
    ...catalog,
    fromKey: 'modified_begin',
    toKey: 'modified_end',
  }),
  info('setting.Employee.search', '员工查询', 30 * DAY_MS, 'order_list', catalog),
];

/** PROTOCOL.md: "most windows are at most 30 days"; used for a method not in the table. */
export const DEFAULT_MAX_WINDOW_MS = 30 * DAY_MS;

const byMethod = new Map(queryMethods.map((row) => [row.method, row]));

export function queryMethodInfo(method: string): QueryMethodInfo | undefined {
  return byMethod.get(method);
}

/**
 * A window over [from, to] in the keys the method's page names (start_time / end_time, or modified_begin /
 * modified_end for suppliers). Times are this PC's clock; the client moves them onto the ERP's.
 */
export function queryWindowFor(method: string, from: Date, to: Date): QueryWindow {
  const row = byMethod.get(method);
  return { from, to, fromKey: row?.fromKey ?? 'start_time', toKey: row?.toKey ?? 'end_time' };
}

/**
 * [from, to] cut into consecutive pieces no longer than `maxMs`, oldest first, on whole seconds (the ERP's
 * resolution): each piece starts one second after the previous one ends, so none overlap and none leave a
 * gap. A window whose end is before its start yields one piece, left for the ERP to judge.
 */
export function splitWindow(fromMs: number, toMs: number, maxMs: number): { from: number; to: number }[] {
  const start = Math.floor(fromMs / 1000) * 1000;
  const end = Math.ceil(toMs / 1000) * 1000;
  const step = Math.max(1000, Math.floor(maxMs / 1000) * 1000);
  if (end <= start) return [{ from: start, to: end }];
  const pieces: { from: number; to: number }[] = [];
  for (let pieceStart = start; pieceStart <= end;) {
    const pieceEnd = Math.min(pieceStart + step, end);
    pieces.push({ from: pieceStart, to: pieceEnd });
    if (pieceEnd >= end) break;
    pieceStart = pieceEnd + 1000;
  }
  return pieces;
}
