/**
 * The sync runner against a scripted ERP (syncFakes.ts) and the real in-process catalog (in memory): windows,
 * pages, modes, refusals, rate limits, failures, cancel and resume, as a user of the catalog would notice them.
 */
import { describe, expect, it } from 'vitest';
import { catalogSources } from '../../../../src/shared/catalog';
import { openCatalogInProcess } from '../../../../src/main/catalog/inProcess';
import type { CatalogDb } from '../../../../src/main/catalog/types';
import { readCursor } from '../../../../src/main/catalog/sync/cursor';
import { closedAfterEach } from '../../../support/closedAfterEach';
import { erpTextMs, fakePageClient } from './syncFakes';
import {
  DAY,
  EMPLOYEES,
  GOODS,
  goods,
  masterData,
  NOW,
  PROVIDERS,
  run,
  SUITES,
  WAREHOUSES,
} from './runnerScript';

const memoryDb = closedAfterEach(() => openCatalogInProcess());

describe('catalog sync: a full sync', () => {
  it('reads every source in order, in windows of at most 30 days covering the whole span, every page', async () => {
    const client = fakePageClient(masterData(35));
    const db = await memoryDb();
    const since = NOW - 200 * DAY;
    const sync = run(client, db, { since });
    const final = await sync;
    expect(final).toMatchObject({ state: 'done', mode: 'full', resumed: false });
    expect(final.read).toEqual({ warehouses: 2, providers: 1, employees: 2, goods: 29, suites: 1 });

    const methods = [...new Set(client.seen.map((page) => page.method))];
    expect(methods).toEqual([WAREHOUSES, PROVIDERS, EMPLOYEES, GOODS, SUITES]);
    const goodsWindows = client.seen.filter((page) => page.method === GOODS && page.pageNo === 0);
    const spans = goodsWindows.map((page) => ({
      from: erpTextMs(page.params['start_time']),
      to: erpTextMs(page.params['end_time']),
    }));
    expect(spans[0]?.from).toBe(since);
    expect(spans.at(-1)?.to).toBe(NOW);
    let previousEnd = since;
    for (const { from, to } of spans) {
      expect(to - from).toBeLessThanOrEqual(30 * DAY);
      expect(from).toBeLessThanOrEqual(previousEnd); // no gap
      previousEnd = to;
    }
    // Warehouses and suppliers are asked once without times (their pages make times optional).
    for (const method of [WAREHOUSES, PROVIDERS])
      expect(client.seen.filter((page) => page.method === method).map((page) => page.params)).toEqual([
        method === WAREHOUSES ? { hide_delete: 0 } : {},
      ]);
    // Goods within 200 days, every one of them, with barcodes; the employee with 512 is a purchaser.
    const contents = await db.contents();
    expect(contents.products.filter((product) => !product.suite)).toHaveLength(29);
    expect(contents.products.find((product) => product.specNo === 'S3')?.barcodes).toEqual(['6900000000003']);
    expect(contents.employees.filter((employee) => employee.purchaser).map((e) => e.nickname)).toEqual([
      '张三',
    ]);
    const meta = await db.readMeta();
    expect(meta).toMatchObject({ origin: 'erp', syncedUpTo: NOW, lastFullAt: NOW, problems: [] });
    expect(meta.cursor).toBeUndefined();
    // Progress after each page, with counts that only grow.
    const goodsEvents = sync.events.filter((event) => event.source === 'goods' && event.state === 'running');
    expect(goodsEvents.length).toBeGreaterThan(goodsWindows.length);
    expect(goodsEvents.at(-1)?.windowsTotal).toBe(goodsWindows.length);
  });

  it('starts six years back by default', async () => {
    const client = fakePageClient(masterData(1));
    await run(client, await memoryDb());
    const first = client.seen.find((page) => page.method === GOODS);
    expect(erpTextMs(first?.params['start_time'])).toBe(Date.parse('2020-11-30T04:00:00Z'));
  });

  it('skips and counts a malformed record, and keeps the rest', async () => {
    const data = masterData(3);
    data[GOODS]?.push(
      { at: NOW - DAY, record: { goods_name: '没有编号' } },
      { at: NOW - DAY, record: { goods_no: 'GX', spec_list: [{ spec_name: '无编码' }, 7] } },
    );
    const db = await memoryDb();
    const final = await run(fakePageClient(data), db, { since: NOW - 60 * DAY });
    expect(final.state).toBe('done');
    expect(final.message).toContain('3 条记录格式无法识别');
    expect((await db.counts()).specs).toBe(3);
  });
});

describe('catalog sync: incremental', () => {
  it('starts 10 minutes before the last end, includes deleted records and applies the changes', async () => {
    const client = fakePageClient(masterData(5));
    const db = await memoryDb();
    await run(client, db, { since: NOW - 60 * DAY });
    const later = NOW + 3_600_000;
    client.data.set(GOODS, [
      goods(1, later - 60_000, { goods_name: '改名' }),
      goods(2, later - 60_000, { deleted: 9 }),
    ]);
    client.seen.length = 0;
    const final = await run(client, db, { mode: 'incremental', now: () => later });
    expect(final).toMatchObject({ state: 'done', mode: 'incremental' });
    for (const page of client.seen.filter((seen) => seen.pageNo === 0)) {
      const key = page.method === PROVIDERS ? 'modified_begin' : 'start_time';
      expect(erpTextMs(page.params[key])).toBe(NOW - 10 * 60_000);
    }
    expect(client.seen.find((page) => page.method === GOODS)?.params).toMatchObject({ hide_deleted: 0 });
    expect(client.seen.find((page) => page.method === WAREHOUSES)?.params).toMatchObject({ hide_delete: 0 });
    const [renamed, deleted] = await db.lookup('spec', ['S1', 'S2']);
    expect(renamed).toMatchObject({ found: true, label: expect.stringContaining('改名') as string });
    expect(deleted).toEqual({ found: false });
    expect((await db.readMeta()).syncedUpTo).toBe(later);
  });

  it('is a full sync when the catalog was never synced', async () => {
    const client = fakePageClient(masterData(2));
    const final = await run(client, await memoryDb(), { mode: 'incremental' });
    expect(final.mode).toBe('full');
  });
});

describe('catalog sync: what the ERP refuses or cannot answer', () => {
  it('records a refused source with the remedy naming the method, and reads the others', async () => {
    const client = fakePageClient(masterData(3));
    client.intercept = (page) =>
      page.method === EMPLOYEES
        ? { kind: 'refused', status: 100, message: '权限不足', remedy: `需要开通 ${EMPLOYEES}`, calls: 1 }
        : undefined;
    const db = await memoryDb();
    const final = await run(client, db, { since: NOW - 60 * DAY });
    expect(final.state).toBe('done');
    expect(final.message).toContain('员工');
    expect((await db.readMeta()).problems).toEqual([
      { source: 'employees', method: EMPLOYEES, message: `需要开通 ${EMPLOYEES}` },
    ]);
    expect((await db.counts()).specs).toBe(3);
    // Once permitted, the next incremental sync reads that source from the full start.
    client.intercept = undefined;
    client.seen.length = 0;
    await run(client, db, { mode: 'incremental', now: () => NOW + 60_000, since: NOW - 60 * DAY });
    const employees = client.seen.filter((page) => page.method === EMPLOYEES);
    expect(employees.length).toBeGreaterThan(1);
    expect((await db.counts()).purchasers).toBe(1);
    expect((await db.readMeta()).problems).toEqual([]);
  });

  it('waits out a rate limit and asks the same page again; gives up after the bounded retries', async () => {
    const client = fakePageClient(masterData(3));
    let limited = 2;
    client.intercept = (page) =>
      page.method === GOODS && limited-- > 0
        ? { kind: 'rate-limited', reason: 'ERP 限制了调用频率。', calls: 1 }
        : undefined;
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    };
    const sync = run(client, await memoryDb(), { since: NOW - 20 * DAY, sleep });
    expect((await sync).state).toBe('done');
    expect(waits).toEqual([60_000, 60_000]);
    const goodsPages = client.seen.filter((page) => page.method === GOODS);
    expect(goodsPages.slice(0, 3).map((page) => page.pageNo)).toEqual([0, 0, 0]);
    expect(sync.events.some((event) => event.message?.includes('60 秒后重试'))).toBe(true);

    client.intercept = (page) =>
      page.method === GOODS ? { kind: 'rate-limited', reason: 'ERP 限制了调用频率。', calls: 1 } : undefined;
    const stuck = await run(client, await memoryDb(), { since: NOW - 20 * DAY, sleep, rateLimitRetries: 3 });
    expect(stuck.state).toBe('failed');
    expect(client.seen.filter((page) => page.method === GOODS).length).toBeGreaterThanOrEqual(4);
  });

  it('fails when the ERP cannot be reached, keeps what was read, and the next sync continues there', async () => {
    const client = fakePageClient(masterData(30));
    client.intercept = (page) =>
      page.method === GOODS && page.pageNo === 1
        ? { kind: 'failed', reason: '无法连接 ERP（ECONNREFUSED）。', calls: 1 }
        : undefined;
    const db = await memoryDb();
    const failed = await run(client, db, { since: NOW - 300 * DAY, pageSize: 2 });
    expect(failed.state).toBe('failed');
    expect(failed.message).toContain('ECONNREFUSED');
    const cursor = readCursor((await db.readMeta()).cursor);
    expect(cursor).toMatchObject({ mode: 'full', sourceIndex: catalogSources.indexOf('goods'), pageNo: 1 });
    const before = (await db.counts()).specs;
    expect(before).toBeGreaterThan(0);

    client.intercept = undefined;
    client.seen.length = 0;
    const resumed = await run(client, db, { mode: 'incremental', now: () => NOW + 60_000, pageSize: 2 });
    expect(resumed).toMatchObject({ state: 'done', mode: 'full', resumed: true });
    expect(client.seen[0]).toMatchObject({ method: GOODS, pageNo: 1 });
    expect((await db.counts()).specs).toBe(30);
    expect((await db.readMeta()).syncedUpTo).toBe(NOW);
  });
});

describe('catalog sync: cancel and checkpoints', () => {
  it('stops on cancel, keeps what was read, and a later sync resumes the cancelled full sync', async () => {
    const client = fakePageClient(masterData(40));
    const controller = new AbortController();
    client.intercept = (page) => {
      if (
        page.method === GOODS &&
        page.pageNo === 0 &&
        client.seen.filter((s) => s.method === GOODS).length > 8
      )
        controller.abort();
      return undefined;
    };
    const db = await memoryDb();
    const cancelled = await run(client, db, { since: NOW - 400 * DAY, signal: controller.signal });
    expect(cancelled.state).toBe('cancelled');
    const partial = (await db.counts()).specs;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(40);
    expect(readCursor((await db.readMeta()).cursor)).toBeDefined();

    client.intercept = undefined;
    const resumed = await run(client, db, { mode: 'incremental' });
    expect(resumed).toMatchObject({ state: 'done', resumed: true });
    expect((await db.counts()).specs).toBe(40);
  });

  it('checkpoints with the cursor every checkpointEveryMs and at the end of each source', async () => {
    const client = fakePageClient(masterData(30));
    const db = await memoryDb();
    const written: unknown[] = [];
    let clock = NOW;
    const spy: CatalogDb = {
      ...db,
      checkpoint: async () => {
        written.push((await db.readMeta()).cursor);
        return db.checkpoint();
      },
    };
    await run(client, spy, { since: NOW - 300 * DAY, now: () => (clock += 1_000), checkpointEveryMs: 5_000 });
    const cursors = written.filter((cursor) => cursor !== undefined);
    // 5 source ends, the final one, and the timed ones between.
    expect(cursors.length).toBeGreaterThan(catalogSources.length);
    expect(written.at(-1)).toBeUndefined();
  });
});
