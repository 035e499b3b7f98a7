/**
 * The sync runner's edges against a scripted ERP (syncFakes.ts) and the real in-process catalog: records older
 * than the start, a listing that moves while it is read, and an account the ERP refuses.
 */
import { describe, expect, it } from 'vitest';
import { openCatalogInProcess } from '../../../../src/main/catalog/inProcess';
import { closedAfterEach } from '../../../support/closedAfterEach';
import { erpTextMs, fakePageClient, type FakeEntry } from './syncFakes';
import { DAY, GOODS, masterData, NOW, PROVIDERS, run, WAREHOUSES } from './runnerScript';

const memoryDb = closedAfterEach(() => openCatalogInProcess());

describe('catalog sync: warehouses and suppliers older than the start', () => {
  const old = (data: Record<string, FakeEntry[]>): Record<string, FakeEntry[]> => ({
    ...data,
    [WAREHOUSES]: [
      ...(data[WAREHOUSES] ?? []),
      { at: NOW - 3000 * DAY, record: { warehouse_no: 'OLD', name: '老仓', is_disabled: false } },
    ],
    [PROVIDERS]: [
      ...(data[PROVIDERS] ?? []),
      { at: NOW - 3000 * DAY, record: { provider_no: 'P0', provider_name: '老供应商', deleted: 0 } },
    ],
  });

  it('reads every warehouse and supplier, however long ago it was modified, when times are optional', async () => {
    const client = fakePageClient(old(masterData(3)));
    const db = await memoryDb();
    const final = await run(client, db, { since: NOW - 200 * DAY });
    expect(final.state).toBe('done');
    const contents = await db.contents();
    expect(contents.warehouses.map((w) => w.warehouseNo).sort()).toEqual(['OLD', 'WH1', 'WH2']);
    expect(contents.providers.map((p) => p.providerNo).sort()).toEqual(['P0', 'P1']);
  });

  it('falls back to windows when the ERP demands times, and then misses what is older than the start', async () => {
    const client = fakePageClient(old(masterData(3)));
    client.timesRequired = true;
    const db = await memoryDb();
    const final = await run(client, db, { since: NOW - 200 * DAY });
    expect(final).toMatchObject({ state: 'done' });
    expect(final.message).toBeUndefined(); // no problem recorded for the refused no-times query
    const providerPages = client.seen.filter((page) => page.method === PROVIDERS);
    expect(providerPages[0]?.params).toEqual({});
    expect(providerPages[1]?.params).toHaveProperty('modified_begin');
    const contents = await db.contents();
    expect(contents.warehouses.map((w) => w.warehouseNo).sort()).toEqual(['WH1', 'WH2']);
    expect(contents.providers.map((p) => p.providerNo)).toEqual(['P1']);
    expect((await db.readMeta()).problems).toEqual([]);
  });

  it('reads windows in an incremental sync (only changes since the last one)', async () => {
    const client = fakePageClient(old(masterData(3)));
    const db = await memoryDb();
    await run(client, db, { since: NOW - 200 * DAY });
    client.seen.length = 0;
    await run(client, db, { mode: 'incremental', now: () => NOW + DAY });
    expect(client.seen.find((page) => page.method === WAREHOUSES)?.params).toHaveProperty('start_time');
  });
});

describe('catalog sync: a listing that moves while it is read', () => {
  it('reads the window again when its total changes between pages, so no record is skipped', async () => {
    const client = fakePageClient(masterData(25));
    const db = await memoryDb();
    const goodsEntries = client.data.get(GOODS) ?? [];
    // Before the second goods page of the first window with one, the window's first record is modified now:
    // it leaves the window and every later record moves up one place.
    let moved = false;
    client.intercept = (page) => {
      if (moved || page.method !== GOODS || page.pageNo !== 1) return undefined;
      const from = erpTextMs(page.params['start_time']);
      const to = erpTextMs(page.params['end_time']) + 999;
      const first = goodsEntries
        .filter((entry) => entry.at >= from && entry.at <= to)
        .sort((a, b) => a.at - b.at)[0];
      if (first === undefined) return undefined;
      moved = true;
      client.data.set(GOODS, [
        ...goodsEntries.filter((entry) => entry !== first),
        { ...first, at: NOW + DAY },
      ]);
      return undefined;
    };
    const final = await run(client, db, { since: NOW - 400 * DAY, pageSize: 2 });
    expect(moved).toBe(true);
    expect(final.state).toBe('done');
    // Every goods: the one that moved was read on the first page, the one after it on the re-read.
    expect((await db.counts()).specs).toBe(25);
  });

  it('gives up re-reading after a bounded number of times and finishes', async () => {
    const client = fakePageClient(masterData(25));
    const db = await memoryDb();
    let shifts = 0;
    client.intercept = (page) => {
      if (page.method !== GOODS || page.pageNo === 0) return undefined;
      shifts += 1;
      return { kind: 'page', records: [], total: 1000 + shifts, calls: 1 };
    };
    const final = await run(client, db, { since: NOW - 400 * DAY, pageSize: 5 });
    expect(final.state).toBe('done');
    expect(shifts).toBeLessThan(100);
  });
});

describe('catalog sync: the ERP refuses the account', () => {
  it('stops once with one message naming the cause, not a problem per source', async () => {
    const client = fakePageClient(masterData(3));
    client.intercept = () => ({ kind: 'refused', status: 1, message: '验证失败', remedy: 'x', calls: 1 });
    const db = await memoryDb();
    const final = await run(client, db, { since: NOW - 100 * DAY });
    expect(final).toMatchObject({ state: 'failed', refused: true });
    expect(final.message).toContain('appsecret');
    expect(final.message).toContain('目录同步已停止');
    expect(client.seen).toHaveLength(1);
    expect((await db.readMeta()).problems).toEqual([]);
  });

  it('stops the same way for the IP whitelist and the clock', async () => {
    for (const [status, message] of [
      [6, 'ip限制'],
      [7, '时间戳错误'],
    ] as const) {
      const client = fakePageClient(masterData(3));
      client.intercept = () => ({ kind: 'refused', status, message, remedy: 'x', calls: 1 });
      const final = await run(client, await memoryDb(), { since: NOW - 100 * DAY });
      expect(final).toMatchObject({ state: 'failed', refused: true });
      expect(client.seen).toHaveLength(1);
    }
  });
});
