/**
 * The catalog sync end to end: the real query client over HTTP to the practice ERP (its own master data,
 * src/main/wdt/simulated-erp/masterData) into the real in-process catalog, in memory or in a file.
 * Expectations are computed from the simulator's data, not from anything the client wrote.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogSyncProgress } from '../../../../src/shared/catalog';
import { openCatalogInProcess } from '../../../../src/main/catalog/inProcess';
import type { CatalogDb } from '../../../../src/main/catalog/types';
import { runCatalogSync, type CatalogSyncOptions } from '../../../../src/main/catalog/sync/runner';
import { createWdtQueryClient, type QueryClient } from '../../../../src/main/wdt/query';
import { demoAccount, startSimulator, type Simulator } from '../../../../src/main/wdt/simulator';
import { practiceMasterData, type MasterData } from '../../../../src/main/wdt/simulated-erp/masterData';

const running: Simulator[] = [];
const opened: CatalogDb[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
  await Promise.all(running.splice(0).map((sim) => sim.close()));
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function erp(): Promise<{ sim: Simulator; data: MasterData; client: QueryClient }> {
  const data = practiceMasterData();
  const sim = await startSimulator({ masterData: data });
  running.push(sim);
  const client = createWdtQueryClient({ baseUrl: sim.url, credentials: demoAccount, fetch, now: Date.now });
  return { sim, data, client };
}

async function catalog(file?: string): Promise<CatalogDb> {
  const db = await openCatalogInProcess(file === undefined ? {} : { file });
  opened.push(db);
  return db;
}

/** The practice data spans the last 3 years: starting just before them reads it all in half the windows. */
const PRACTICE_SPAN_START = Date.now() - (3 * 365 + 10) * 86_400_000;

function sync(
  client: QueryClient,
  db: CatalogDb,
  more: Partial<CatalogSyncOptions> = {},
  since: number | undefined = PRACTICE_SPAN_START,
): Promise<CatalogSyncProgress> {
  return runCatalogSync({
    client,
    db,
    mode: 'full',
    ...(since !== undefined && { since }),
    now: Date.now,
    signal: new AbortController().signal,
    onProgress: () => undefined,
    ...more,
  });
}

/** What the catalog should hold, from the ERP's own records: live ones (deleted goods take their specs). */
function expected(data: MasterData) {
  const specs = data.goods
    .filter((goods) => goods.deleted === 0)
    .flatMap((goods) => goods.specs.filter((spec) => spec.deleted === 0));
  const suites = data.suites.filter((suite) => suite.deleted === 0);
  const employees = data.employees.filter((employee) => employee.deleted === 0);
  return {
    specs: specs.length,
    suites: suites.length,
    barcodes:
      specs.reduce((sum, spec) => sum + spec.barcodes.length, 0) +
      suites.filter((suite) => suite.barcode !== '').length,
    warehouses: data.warehouses.length,
    providers: data.providers.filter((provider) => provider.deleted === 0).length,
    employees: employees.length,
    purchasers: employees.filter((employee) => (employee.rolesMask & 512) !== 0).length,
  };
}

describe('catalog sync against the practice ERP', { timeout: 60_000 }, () => {
  it("a full sync holds exactly the ERP's live records, barcodes main first", async () => {
    const { data, client } = await erp();
    const db = await catalog();
    // From the default start (6 years back), as the app's first full sync.
    const final = await sync(client, db, {}, undefined);
    expect(final.state).toBe('done');
    expect(await db.counts()).toEqual(expected(data));
    const spec = data.goods
      .flatMap((goods) => goods.specs)
      .find((one) => one.deleted === 0 && one.barcodes.length > 1);
    const [match] = await db.lookup('spec', [spec?.barcodes[1] ?? '']);
    expect(match).toMatchObject({ found: true, value: spec?.specNo });
    const product = (await db.contents()).products.find((one) => one.specNo === spec?.specNo);
    expect(product?.barcodes).toEqual(spec?.barcodes);
    expect(await db.lookup('spec', ['xiangyin01+02'])).toEqual([expect.objectContaining({ found: true })]);
  });

  it('an incremental sync picks up a changed barcode, a new spec and deletions', async () => {
    const { sim, data, client } = await erp();
    const db = await catalog();
    await sync(client, db);
    sim.masterData.upsertSpec({ specNo: 'DFAQT101', barcodes: ['6900000000017', '6900000000024'] });
    sim.masterData.upsertSpec({ specNo: 'NEW-1', goodsName: '新货品', barcodes: ['6900000000031'] });
    sim.masterData.deleteSpec('daj1');
    sim.masterData.deleteSuite('xiangyin01+02');
    sim.masterData.deleteEmployee('E003');
    const final = await sync(client, db, { mode: 'incremental' });
    expect(final).toMatchObject({ state: 'done', mode: 'incremental' });
    expect(final.read.goods ?? 0).toBeLessThan(20);
    const found = await db.lookup('spec', ['6900000000024', '6900000000031', 'daj1', 'xiangyin01+02']);
    expect(found.map((match) => (match.found ? match.value : null))).toEqual([
      'DFAQT101',
      'NEW-1',
      null,
      null,
    ]);
    expect(await db.counts()).toEqual(expected(data));
  });

  it('a refused method leaves a problem with the remedy, and the rest is synced', async () => {
    const { sim, data, client } = await erp();
    sim.setQueryStyle({ refused: { 'setting.PurchaseProvider.queryDetail': '权限不足' } });
    const db = await catalog();
    const final = await sync(client, db);
    expect(final.state).toBe('done');
    const [problem, ...others] = (await db.readMeta()).problems;
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ source: 'providers', method: 'setting.PurchaseProvider.queryDetail' });
    expect(problem?.message).toMatch(/同步商品目录要用到查询接口 setting\.PurchaseProvider\.queryDetail/);
    expect(problem?.message).toContain('应用管理');
    const counts = await db.counts();
    expect(counts).toEqual({ ...expected(data), providers: 0 });
  });

  it('a cancelled sync keeps what it read and the next sync finishes it, with the same contents', async () => {
    const { data, client } = await erp();
    const db = await catalog();
    const controller = new AbortController();
    const cancelled = await sync(client, db, {
      signal: controller.signal,
      pageSize: 20,
      onProgress: (progress) => {
        if ((progress.read.goods ?? 0) >= 60) controller.abort();
      },
    });
    expect(cancelled.state).toBe('cancelled');
    const partial = await db.counts();
    expect(partial.specs).toBeGreaterThan(0);
    expect(partial.specs).toBeLessThan(expected(data).specs);
    const resumed = await sync(client, db, { mode: 'incremental', pageSize: 20 });
    expect(resumed).toMatchObject({ state: 'done', mode: 'full', resumed: true });
    const straight = await catalog();
    await sync(client, straight);
    expect(await db.contents()).toEqual(await straight.contents());
  });

  it('after a crash between checkpoints, the file reopens at the last checkpoint and the sync resumes', async () => {
    const { data, client } = await erp();
    const dir = await mkdtemp(join(tmpdir(), 'catalog-crash-'));
    folders.push(dir);
    const file = join(dir, 'profile.sqlite');
    const first = await catalog(file);
    let goodsRead = 0;
    let goodsCheckpoints = 0;
    let crashed = false;
    // The process "dies" at the second checkpoint taken after goods came in: the pages read since the first
    // one, and everything after, never reach the file. A clock that moves 1 s per reading makes the timed
    // checkpoints fall at the same pages on every run.
    const dying: CatalogDb = {
      ...first,
      checkpoint: () => {
        if (goodsRead > 0) goodsCheckpoints += 1;
        if (goodsCheckpoints >= 2) crashed = true;
        return crashed ? Promise.reject(new Error('killed')) : first.checkpoint();
      },
      writeMeta: (patch) => (crashed ? Promise.reject(new Error('killed')) : first.writeMeta(patch)),
    };
    let clock = Date.now();
    const died = await sync(client, dying, {
      pageSize: 20,
      checkpointEveryMs: 5_000,
      now: () => (clock += 1_000),
      onProgress: (progress) => {
        goodsRead = progress.read.goods ?? 0;
      },
    });
    expect(died.state).toBe('failed');
    await first.close();
    opened.splice(opened.indexOf(first), 1);

    const reopened = await catalog(file);
    const atCheckpoint = await reopened.counts();
    expect(atCheckpoint.specs).toBeGreaterThan(0);
    expect(atCheckpoint.specs).toBeLessThan(expected(data).specs);
    expect((await reopened.readMeta()).cursor).toBeDefined();
    const resumed = await sync(client, reopened, { pageSize: 20 });
    expect(resumed).toMatchObject({ state: 'done', resumed: true });
    expect(await reopened.counts()).toEqual(expected(data));
    expect((await reopened.readMeta()).cursor).toBeUndefined();
  });
});
