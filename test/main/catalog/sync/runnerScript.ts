/**
 * The scripted ERP of the sync runner's tests: master data whose records carry modification times, and a run
 * with the test's clock, page size and no real waiting.
 */
import type { CatalogSyncProgress } from '../../../../src/shared/catalog';
import type { CatalogDb } from '../../../../src/main/catalog/types';
import { runCatalogSync, type CatalogSyncOptions } from '../../../../src/main/catalog/sync/runner';
import type { FakeEntry, FakePageClient } from './syncFakes';

export const DAY = 24 * 3_600_000;
export const NOW = Date.parse('2026-11-30T04:00:00Z');
export const GOODS = 'goods.Goods.queryWithSpec';
export const SUITES = 'goods.Suite.search';
export const WAREHOUSES = 'setting.Warehouse.queryWarehouse';
export const PROVIDERS = 'setting.PurchaseProvider.queryDetail';
export const EMPLOYEES = 'setting.Employee.search';

export function goods(i: number, at: number, extra: Record<string, unknown> = {}): FakeEntry {
  return {
    at,
    record: {
      goods_no: `G${i}`,
      goods_name: `货品${i}`,
      deleted: 0,
      spec_list: [
        {
          spec_no: `S${i}`,
          spec_name: `规格${i}`,
          barcode: `69${String(i).padStart(11, '0')}`,
          deleted: 0,
          barcode_list: [{ barcode: `69${String(i).padStart(11, '0')}`, is_master: 1 }],
        },
      ],
      ...extra,
    },
  };
}

export function masterData(goodsCount: number): Record<string, FakeEntry[]> {
  return {
    [WAREHOUSES]: [
      { at: NOW - 150 * DAY, record: { warehouse_no: 'WH1', name: '一号仓', is_disabled: false } },
      { at: NOW - 2 * DAY, record: { warehouse_no: 'WH2', name: '二号仓', is_disabled: true } },
    ],
    [PROVIDERS]: [
      { at: NOW - 90 * DAY, record: { provider_no: 'P1', provider_name: '供应商一', deleted: 0 } },
    ],
    [EMPLOYEES]: [
      { at: NOW - 10 * DAY, record: { employee_no: 'E1', shortname: '张三', name: '张三', roles_mask: 513 } },
      { at: NOW - 10 * DAY, record: { employee_no: 'E2', shortname: '李四', name: '李四', roles_mask: 1 } },
    ],
    [GOODS]: Array.from({ length: goodsCount }, (_, i) => goods(i, NOW - (i * 7 + 1) * DAY)),
    [SUITES]: [
      { at: NOW - 5 * DAY, record: { suite_no: 'T1', suite_name: '套装', barcode: 'TB1', deleted: 0 } },
    ],
  };
}

export function run(
  client: FakePageClient,
  db: CatalogDb,
  more: Partial<CatalogSyncOptions> = {},
): Promise<CatalogSyncProgress> & { events: CatalogSyncProgress[] } {
  const events: CatalogSyncProgress[] = [];
  const promise = runCatalogSync({
    client,
    db,
    mode: 'full',
    now: () => NOW,
    signal: new AbortController().signal,
    onProgress: (progress) => events.push(progress),
    pageSize: 10,
    sleep: () => Promise.resolve(),
    ...more,
  });
  return Object.assign(promise, { events });
}
