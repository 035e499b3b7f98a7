/**
 * What each catalog source reads: its master-data method, the params that make the ERP include deleted
 * records (so a sync removes them), and how a page's list becomes one write batch.
 *
 * Deleted records are asked for in full syncs too: a full sync over an existing catalog then removes what was
 * deleted since, and on a new catalog a deleted record is only a removal of nothing.
 */
import type { CatalogSource } from '../../../shared/catalog';
import { queryWindowFor } from '../../wdt/queryMethods';
import type { QueryRecord } from '../../wdt/queryTypes';
import type { CatalogWriteBatch, ProductRecord } from '../types';
import {
  readEmployees,
  readGoods,
  readProviders,
  readSuites,
  readWarehouses,
  type ReadRecords,
} from './records';

interface SourceInfo {
  readonly source: CatalogSource;
  readonly method: string;
  /** Params besides the window. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The params keys of the window's bounds. */
  readonly fromKey: string;
  readonly toKey: string;
  /**
   * The page marks the times optional: a full sync asks without them first, so records last modified
   * before its start come too (windows only find what was modified within them).
   */
  readonly timesOptional: boolean;
  /** One page's list as one batch, with how many records it holds and how many entries were skipped. */
  readonly read: (entries: readonly QueryRecord[]) => {
    readonly batch: CatalogWriteBatch;
    readonly records: number;
    readonly skipped: number;
  };
}

function source(
  name: CatalogSource,
  method: string,
  params: Readonly<Record<string, unknown>>,
  read: SourceInfo['read'],
  timesOptional = false,
): SourceInfo {
  const window = queryWindowFor(method, new Date(0), new Date(0));
  return { source: name, method, params, fromKey: window.fromKey, toKey: window.toKey, timesOptional, read };
}

function wrap<T>(
  read: (entries: readonly QueryRecord[]) => ReadRecords<T>,
  batch: (records: T[]) => CatalogWriteBatch,
): SourceInfo['read'] {
  return (entries) => {
    const result = read(entries);
    return { batch: batch(result.records), records: result.records.length, skipped: result.skipped };
  };
}

const GOODS_METHOD = 'goods.Goods.queryWithSpec';
const SUITES_METHOD = 'goods.Suite.search';
const WAREHOUSES_METHOD = 'setting.Warehouse.queryWarehouse';
const PROVIDERS_METHOD = 'setting.PurchaseProvider.queryDetail';
const EMPLOYEES_METHOD = 'setting.Employee.search';

export const sourceInfo: Readonly<Record<CatalogSource, SourceInfo>> = {
  // hide_delete=0: "0:不隐藏"; the default hides deleted (and, as ERPs answer, disabled) warehouses.
  warehouses: source(
    'warehouses',
    WAREHOUSES_METHOD,
    { hide_delete: 0 },
    wrap(readWarehouses, (warehouses) => ({ warehouses })),
    true,
  ),
  // No `deleted` filter: both deleted and not come back.
  providers: source(
    'providers',
    PROVIDERS_METHOD,
    {},
    wrap(readProviders, (providers) => ({ providers })),
    true,
  ),
  // The page has no deleted switch; deleted employees come with deleted != 0. Times are required (必须: 是),
  // so only employees modified since the sync's start are read: one untouched for longer (the default start
  // is six years back) is missing until it is next edited in the ERP.
  employees: source(
    'employees',
    EMPLOYEES_METHOD,
    {},
    wrap(readEmployees, (employees) => ({ employees })),
  ),
  goods: source(
    'goods',
    GOODS_METHOD,
    { hide_deleted: 0 },
    wrap(readGoods, (products) => ({ products: liveFirst(products) })),
  ),
  suites: source(
    'suites',
    SUITES_METHOD,
    { hide_deleted: 0 },
    wrap(readSuites, (products) => ({ products: liveFirst(products) })),
  ),
};

/**
 * A code both deleted and live in one page is a reused code (deleted, then created again): the live record
 * must win, and in a batch the later record of a code wins, so deleted records go first.
 */
function liveFirst(products: ProductRecord[]): ProductRecord[] {
  if (!products.some((product) => product.deleted)) return products;
  return [
    ...products.filter((product) => product.deleted),
    ...products.filter((product) => !product.deleted),
  ];
}
