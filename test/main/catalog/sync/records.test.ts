/**
 * How master-data records enter: each method's entries read into catalog records, malformed ones skipped and
 * counted; and the query client's page call, the master-data methods' windows and refusals.
 */
import { describe, expect, it } from 'vitest';
import {
  readEmployees,
  readGoods,
  readProviders,
  readSuites,
  readWarehouses,
} from '../../../../src/main/catalog/sync/records';
import { readCursor, syncWindows } from '../../../../src/main/catalog/sync/cursor';
import type { FetchLike } from '../../../../src/main/wdt/fetchLike';
import { createWdtQueryClient } from '../../../../src/main/wdt/query';
import { queryMethodInfo } from '../../../../src/main/wdt/queryMethods';
import { demoAccount } from '../../../../src/main/wdt/simulator';

describe('reading goods.Goods.queryWithSpec', () => {
  it('gives every spec its barcodes, the main one first, and the 主条码 when the list lacks it', () => {
    const { records, skipped } = readGoods([
      {
        goods_no: 'G1',
        goods_name: '洗衣液',
        deleted: 0,
        spec_list: [
          {
            spec_no: 'S1',
            spec_name: '1kg',
            barcode: '6900000000011',
            deleted: 0,
            barcode_list: [
              { barcode: '6900000000028', is_master: 0 },
              { barcode: '6900000000011', is_master: 1 },
            ],
          },
          { spec_no: 'S2', spec_name: '2kg', barcode: '6900000000035', deleted: '0', barcode_list: [] },
          {
            spec_no: 'S3',
            spec_name: '3kg',
            barcode: '',
            deleted: 12,
            barcode_list: [{ barcode: 'X', is_master: 0 }],
          },
        ],
      },
    ]);
    expect(skipped).toBe(0);
    expect(records).toEqual([
      {
        specNo: 'S1',
        goodsNo: 'G1',
        goodsName: '洗衣液',
        specName: '1kg',
        barcodes: ['6900000000011', '6900000000028'],
        suite: false,
        deleted: false,
      },
      expect.objectContaining({ specNo: 'S2', barcodes: ['6900000000035'], deleted: false }),
      expect.objectContaining({ specNo: 'S3', barcodes: ['X'], deleted: true }),
    ]);
  });

  it('deletes every spec of a deleted goods, and skips what has no code', () => {
    const { records, skipped } = readGoods([
      { goods_no: 'G2', deleted: 77, spec_list: [{ spec_no: 'S9', deleted: 0 }] },
      { goods_name: '没有货品编号', spec_list: [] },
      { goods_no: 'G3', spec_list: 'oops' },
      { goods_no: 'G4', spec_list: [{ spec_no: '  ' }, null, { spec_no: 'S10' }] },
    ]);
    expect(records.map((record) => [record.specNo, record.deleted])).toEqual([
      ['S9', true],
      ['S10', false],
    ]);
    expect(skipped).toBe(4);
  });
});

describe('reading the other sources', () => {
  it('suites carry their one barcode and are marked as suites', () => {
    const { records } = readSuites([
      { suite_no: 'xiangyin01+02', suite_name: '相印', barcode: 'xiangyin01+02', deleted: 0 },
      { suite_no: 'T2', suite_name: '旧套装', barcode: '', deleted: 5757 },
    ]);
    expect(records).toEqual([
      expect.objectContaining({
        specNo: 'xiangyin01+02',
        goodsName: '相印',
        barcodes: ['xiangyin01+02'],
        suite: true,
        deleted: false,
      }),
      expect.objectContaining({ specNo: 'T2', barcodes: [], deleted: true }),
    ]);
  });

  it('warehouses and suppliers keep their disabled flag in any of its forms', () => {
    expect(
      readWarehouses([
        { warehouse_no: 'wdtapi3-test', name: 'wdtapi3-test', is_disabled: false },
        { warehouse_no: 'OLD', name: '旧仓', is_disabled: true },
        { name: '没有编号' },
      ]),
    ).toEqual({
      records: [
        { warehouseNo: 'wdtapi3-test', name: 'wdtapi3-test', disabled: false, deleted: false },
        { warehouseNo: 'OLD', name: '旧仓', disabled: true, deleted: false },
      ],
      skipped: 1,
    });
    expect(
      readProviders([{ provider_no: 'P1', provider_name: '甲', is_disabled: '1', deleted: 3 }]).records,
    ).toEqual([{ providerNo: 'P1', providerName: '甲', disabled: true, deleted: true }]);
  });

  it('an employee is a purchaser when roles_mask has 512, by its nickname (shortname)', () => {
    const { records } = readEmployees([
      { employee_no: 'E1', name: '张三', shortname: '小张', roles_mask: 513, is_disabled: false, deleted: 0 },
      { employee_no: 'E2', name: '李四', shortname: '四', roles_mask: 1024 },
      { employee_no: 'E3', name: '王五', shortname: '五', roles_mask: '512', deleted: 1 },
    ]);
    expect(records.map((record) => [record.nickname, record.purchaser, record.deleted])).toEqual([
      ['小张', true, false],
      ['四', false, false],
      ['五', true, true],
    ]);
  });
});

describe('the sync cursor and windows', () => {
  it('cuts a span into windows of at most 30 days that leave no gap', () => {
    const day = 86_400_000;
    const windows = syncWindows(0, 95 * day, 30 * day);
    expect(windows[0]?.from).toBe(0);
    expect(windows.at(-1)?.to).toBe(95 * day);
    for (const [index, window] of windows.entries()) {
      expect(window.to - window.from).toBeLessThanOrEqual(30 * day);
      if (index > 0) expect(window.from).toBeLessThan(windows[index - 1]?.to ?? 0);
    }
  });

  it('takes a damaged or foreign cursor as none', () => {
    expect(readCursor(undefined)).toBeUndefined();
    expect(readCursor({ version: 1, mode: 'full' })).toBeUndefined();
    expect(readCursor('cursor')).toBeUndefined();
  });
});

describe('the query client: the master-data methods and the page call', () => {
  it('knows each method’s list key and window keys', () => {
    expect(queryMethodInfo('goods.Goods.queryWithSpec')?.listKey).toBe('goods_list');
    expect(queryMethodInfo('goods.Suite.search')?.listKey).toBe('suite_list');
    expect(queryMethodInfo('setting.Warehouse.queryWarehouse')?.listKey).toBe('details');
    expect(queryMethodInfo('setting.PurchaseProvider.queryDetail')).toMatchObject({
      listKey: 'details',
      fromKey: 'modified_begin',
      toKey: 'modified_end',
    });
    expect(queryMethodInfo('setting.Employee.search')?.listKey).toBe('order_list');
  });

  it('reads one page with its own size; tells a rate limit from a refusal worded for the catalog', async () => {
    const bodies: unknown[] = [
      { status: 0, data: { total_count: 3, goods_list: [{ goods_no: 'G1' }] } },
      { status: 100, message: '超过每分钟最大调用频率限制，请稍后重试' },
      { status: 100, message: '权限不足' },
      { status: 100, message: '无仓库访问权限' },
    ];
    const seen: URLSearchParams[] = [];
    const fetchLike: FetchLike = (url) => {
      seen.push(new URL(url).searchParams);
      return Promise.resolve({
        status: 200,
        headers: { get: () => null },
        text: () => Promise.resolve(JSON.stringify(bodies[seen.length - 1])),
      });
    };
    const client = createWdtQueryClient({
      baseUrl: 'http://erp.test/openapi',
      credentials: demoAccount,
      fetch: fetchLike,
      now: Date.now,
    });
    const method = 'goods.Goods.queryWithSpec';
    expect(await client.page(method, {}, 2, { pageSize: 500 })).toEqual({
      kind: 'page',
      records: [{ goods_no: 'G1' }],
      total: 3,
      calls: 1,
    });
    expect(seen[0]?.get('page_no')).toBe('2');
    expect(seen[0]?.get('page_size')).toBe('500');
    expect((await client.page(method, {}, 0)).kind).toBe('rate-limited');
    const refused = await client.page(method, {}, 0);
    expect(refused.kind).toBe('refused');
    const remedy = refused.kind === 'refused' ? refused.remedy : '';
    expect(remedy).toMatch(/^同步商品目录要用到查询接口 goods\.Goods\.queryWithSpec/);
    expect(remedy).toContain('应用管理');
    expect(remedy).not.toContain('核对');
    const warehouses = await client.page('setting.Warehouse.queryWarehouse', {}, 0);
    expect(warehouses.kind === 'refused' ? warehouses.remedy : '').toContain('后再同步商品目录');
  });
});
