/**
 * The catalog service as the settings screen and the document screens use it: opened in the background,
 * synced from the practice ERP (the simulator) into a real catalog file, cancelled, resumed at start-up,
 * switched with the active profile, and filled from a goods-list file in batches.
 */
import { describe, expect, it } from 'vitest';
import { openService, settled, simulator, slowFetch, tempFolder, withCatalogFile } from './serviceHarness';
import type { ProductRecord } from '../../../src/main/catalog/types';
import { fail } from '../../../src/shared/result';

const product = (specNo: string, barcodes: string[] = []): ProductRecord => ({
  specNo,
  goodsNo: specNo,
  goodsName: `货品${specNo}`,
  specName: '默认',
  barcodes,
  suite: false,
  deleted: false,
});

describe('the catalog service', () => {
  it('answers "not found" and says loading while the catalog file opens, then answers from it', async () => {
    const sim = await simulator();
    const folder = await tempFolder();
    await withCatalogFile(folder, 'p1', async (db) => {
      await db.apply({ products: [product('SKU-1', ['6901234567892'])] });
      await db.writeMeta({ origin: 'erp', syncedUpTo: Date.now() });
      await db.checkpoint();
    });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { openCatalogInProcess } = await import('../../../src/main/catalog/inProcess');
    const test = await openService(sim, {
      folder,
      openDb: async (file) => {
        await gate;
        return openCatalogInProcess({ file });
      },
    });

    const before = await test.service.status();
    expect(before).toMatchObject({ profileId: 'p1', loading: true, origin: 'empty' });
    expect(await test.service.lookup('spec', ['6901234567892'])).toEqual([{ found: false }]);
    expect(await test.service.suggest('spec', 'SKU', 10)).toEqual([]);

    release();
    const opened = await test.until((status) => !status.loading);
    expect(opened).toMatchObject({ origin: 'erp', counts: { specs: 1, barcodes: 1 } });
    // The screen learns of it without asking again.
    expect(test.events.at(-1)).toMatchObject({ loading: false, counts: { specs: 1 } });
    expect(await test.service.lookup('spec', ['6901234567892'])).toEqual([
      expect.objectContaining({ found: true, value: 'SKU-1', barcode: '6901234567892' }),
    ]);
    // Synced moments ago: no automatic sync.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(test.runs).toEqual([]);
  });

  it('runs a full sync of the practice ERP in the background, reporting progress and the final counts', async () => {
    const sim = await simulator();
    const test = await openService(sim);
    await test.until((status) => !status.loading);

    const started = await test.service.sync({ mode: 'full', since: '2020-01-01' });
    expect(started.ok && started.value.sync).toMatchObject({ mode: 'full', state: 'running' });
    const busy = await test.service.sync({ mode: 'incremental' });
    expect(busy.ok || busy.error.code).toBe('BUSY');

    const done = await test.until(settled);
    expect(done.sync).toMatchObject({ mode: 'full', state: 'done' });
    expect(done.origin).toBe('erp');
    expect(done.syncedUpTo).toBeDefined();
    expect(done.counts.specs).toBeGreaterThan(100);
    expect(done.counts.barcodes).toBeGreaterThan(100);
    expect(done.counts.suites).toBeGreaterThan(0);
    expect(done.counts.warehouses).toBeGreaterThanOrEqual(8);
    expect(done.counts.purchasers).toBeGreaterThanOrEqual(3);
    expect(done.sync?.read.goods).toBeGreaterThan(0);

    const [spec, warehouse] = [
      await test.service.lookup('spec', ['DFAQT101']),
      await test.service.lookup('warehouse', ['WH-SH01']),
    ];
    expect(spec[0]).toMatchObject({ found: true, value: 'DFAQT101' });
    expect(warehouse[0]).toMatchObject({ found: true, value: 'WH-SH01' });
    const purchasers = await test.service.suggest('purchaser', '张三');
    expect(purchasers.map((choice) => choice.value)).toContain('张三');
    expect((await test.service.codeFilter()).count).toBeGreaterThanOrEqual(done.counts.specs);

    // Progress reached the window while it ran, and the last event is the finished state.
    expect(test.events.some((status) => status.sync?.state === 'running')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(test.events.at(-1)?.sync?.state).toBe('done');
  });

  it('sends at most about one event per 250 ms while a sync runs', async () => {
    const sim = await simulator();
    const test = await openService(sim, { fetch: slowFetch(5) });
    await test.until((status) => !status.loading);
    const from = Date.now();
    const times: number[] = [];
    test.service.onChange(() => times.push(Date.now()));
    await test.service.sync({ mode: 'full', since: '2023-01-01' });
    await test.until(settled, 60_000);
    const took = Date.now() - from;
    // Hundreds of pages and windows were read; the window heard of them a few times a second at most.
    expect(times.length).toBeLessThanOrEqual(Math.ceil(took / 250) + 4);
    expect(times.length).toBeGreaterThanOrEqual(2);
  });

  it('cancels a running sync, keeps what was read, and resumes it at the next start', async () => {
    const sim = await simulator();
    const folder = await tempFolder();
    const first = await openService(sim, { folder, fetch: slowFetch(30) });
    await first.until((status) => !status.loading);
    await first.service.sync({ mode: 'full', since: '2021-01-01' });
    await first.until((status) => (status.sync?.read.goods ?? 0) > 0);

    const cancelled = await first.service.cancel();
    expect(cancelled.sync).toMatchObject({ state: 'cancelled' });
    expect(cancelled.counts.warehouses).toBeGreaterThan(0);
    const readBefore = cancelled.counts.specs;
    await first.service.close();

    // The next start: the unfinished run continues by itself, without anyone asking.
    const second = await openService(sim, { folder });
    const resumed = await second.until(settled, 60_000);
    expect(second.runs).toHaveLength(1);
    expect(resumed.sync).toMatchObject({ state: 'done', resumed: true, mode: 'full' });
    expect(resumed.counts.specs).toBeGreaterThanOrEqual(readBefore);
    expect(resumed.counts.specs).toBeGreaterThan(100);
  });

  it('runs an incremental sync at start when the last sync is hours old, and never a first sync unasked', async () => {
    const sim = await simulator();
    const folder = await tempFolder();
    await withCatalogFile(folder, 'stale', async (db) => {
      await db.writeMeta({ origin: 'erp', syncedUpTo: Date.now() - 7 * 60 * 60_000 });
      await db.checkpoint();
    });
    const stale = await openService(sim, { folder, active: 'stale' });
    const synced = await stale.until(settled);
    expect(stale.runs).toEqual([{ profileId: 'stale', mode: 'incremental' }]);
    expect(synced.sync?.state).toBe('done');
    expect(Date.parse(synced.syncedUpTo ?? '')).toBeGreaterThan(Date.now() - 60_000);

    const fresh = await openService(sim, { folder, active: 'never-synced' });
    await fresh.until((status) => !status.loading);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fresh.runs).toEqual([]);
    expect(await fresh.service.status()).toMatchObject({ origin: 'empty', counts: { specs: 0 } });
  });

  it('follows the active profile: each has its own catalog, and a switch stops the old one’s sync', async () => {
    const sim = await simulator();
    const test = await openService(sim, { fetch: slowFetch(20) });
    await test.until((status) => !status.loading);
    await test.service.sync({ mode: 'full', since: '2022-01-01' });
    await test.until((status) => status.counts.warehouses > 0);

    test.active = 'p2';
    test.service.profileChanged();
    const other = await test.until((status) => status.profileId === 'p2' && !status.loading);
    expect(other.counts.warehouses).toBe(0);
    expect(other.sync).toBeUndefined();
    expect(test.events.some((status) => status.profileId === 'p2')).toBe(true);
    expect(await test.service.lookup('warehouse', ['WH-SH01'])).toEqual([{ found: false }]);

    test.active = 'p1';
    const back = await test.until((status) => status.profileId === 'p1' && !status.loading);
    expect(back.sync?.state).toBe('cancelled');
    expect(back.counts.warehouses).toBeGreaterThan(0);
  });

  it('imports a goods-list file in batches: replaces the products, collects barcodes, records the file', async () => {
    const sim = await simulator();
    const folder = await tempFolder();
    await withCatalogFile(folder, 'p1', async (db) => {
      await db.apply({
        products: [product('OLD-1', ['1111111111116'])],
        warehouses: [{ warehouseNo: 'WH1', name: '一号仓', disabled: false, deleted: false }],
      });
      await db.writeMeta({ origin: 'erp', syncedUpTo: Date.now() });
      await db.checkpoint();
    });
    const test = await openService(sim, { folder });
    await test.until((status) => !status.loading);

    const refused = await test.service.importRows({ first: false, last: false, rows: [] });
    expect(refused.ok || refused.error.code).toBe('INVALID_ARGUMENT');

    const row = (specNo: string, barcode: string) => ({
      specNo,
      goodsName: '蓝色T恤',
      specName: `规格${specNo}`,
      barcodes: [barcode],
    });
    const one = await test.service.importRows({
      first: true,
      last: false,
      rows: [row('A1', '6900000000011'), row('A2', '6900000000028'), row('A1', '6900000000035')],
    });
    expect(one.ok && one.value.counts).toMatchObject({ specs: 2, barcodes: 3, warehouses: 1 });
    const two = await test.service.importRows({
      first: false,
      last: true,
      rows: [row('A1', '6900000000042'), row('A3', '6900000000059')],
    });
    expect(two.ok && two.value).toMatchObject({ origin: 'file', counts: { specs: 3, barcodes: 5 } });
    expect(two.ok && two.value.lastFullAt).toBeDefined();
    expect(await test.service.lookup('spec', ['OLD-1', '6900000000011', '6900000000042'])).toEqual([
      { found: false },
      expect.objectContaining({ found: true, value: 'A1' }),
      expect.objectContaining({ found: true, value: 'A1' }),
    ]);
    await test.service.close();

    // Durable: the file holds the import after the app closed.
    const contents = await withCatalogFile(folder, 'p1', (db) => db.contents());
    expect(contents.products.map((item) => [item.specNo, item.barcodes.length])).toEqual([
      ['A1', 3],
      ['A2', 1],
      ['A3', 1],
    ]);
    expect(contents.warehouses.map((item) => item.warehouseNo)).toEqual(['WH1']);
  });

  it('refuses a full sync from a date in the future, and an import while a sync runs', async () => {
    const sim = await simulator();
    const test = await openService(sim, { fetch: slowFetch(30) });
    await test.until((status) => !status.loading);
    const future = await test.service.sync({ mode: 'full', since: '2999-01-01' });
    expect(future.ok || future.error).toMatchObject({ code: 'VALIDATION', field: 'since' });

    await test.service.sync({ mode: 'full' });
    const during = await test.service.importRows({ first: true, last: true, rows: [] });
    expect(during.ok || during.error.code).toBe('BUSY');
    await test.service.cancel();
  });

  it('shows why a sync could not run (no secret, ERP unreachable) and keeps the catalog usable', async () => {
    const sim = await simulator();
    const noSecret = await openService(sim, {
      runSync: async () => fail('SECRET_MISSING', '这个配置没有保存 appsecret，请在设置中填写。'),
    });
    await noSecret.until((status) => !status.loading);
    await noSecret.service.sync({ mode: 'full' });
    const failed = await noSecret.until(settled);
    expect(failed.sync).toMatchObject({
      mode: 'full',
      state: 'failed',
      message: '这个配置没有保存 appsecret，请在设置中填写。',
    });
    expect(noSecret.events.at(-1)?.sync?.state).toBe('failed');

    const gone = await simulator();
    await gone.close();
    const unreachable = await openService(gone);
    await unreachable.until((status) => !status.loading);
    await unreachable.service.sync({ mode: 'incremental' });
    const stopped = await unreachable.until(settled);
    expect(stopped.sync?.state).toBe('failed');
    expect(stopped.sync?.message).toMatch(/失败/);
    // A second try is possible at once.
    expect((await unreachable.service.sync({ mode: 'incremental' })).ok).toBe(true);
    await unreachable.until(settled);
  });
});
