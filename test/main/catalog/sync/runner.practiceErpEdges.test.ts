/**
 * The catalog sync against the practice ERP where the ERP's answers are awkward: warehouses and suppliers
 * last modified long before the sync's start (with the ERP taking queries without times, and with it
 * demanding them), a record that leaves its window between two pages, and a refusal of the account itself.
 */
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogExitCodes, runCatalog } from '../../../../src/cli/catalogCommand';
import type { CatalogSyncProgress } from '../../../../src/shared/catalog';
import { openCatalogInProcess } from '../../../../src/main/catalog/inProcess';
import type { CatalogDb } from '../../../../src/main/catalog/types';
import { runCatalogSync, type CatalogSyncOptions } from '../../../../src/main/catalog/sync/runner';
import { createWdtQueryClient, type QueryClient } from '../../../../src/main/wdt/query';
import {
  demoAccount,
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../../../src/main/wdt/simulator';
import { practiceMasterData, type MasterData } from '../../../../src/main/wdt/simulated-erp/masterData';

const DAY = 86_400_000;
const running: Simulator[] = [];
const opened: CatalogDb[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

type Fetch = typeof fetch;

async function erp(
  options: Partial<SimulatorOptions> = {},
  wrap: (sim: Simulator) => Fetch = () => fetch,
): Promise<{ sim: Simulator; data: MasterData; client: QueryClient }> {
  const data = options.masterData ?? practiceMasterData();
  const sim = await startSimulator({ ...options, masterData: data });
  running.push(sim);
  const client = createWdtQueryClient({
    baseUrl: sim.url,
    credentials: demoAccount,
    fetch: wrap(sim),
    now: Date.now,
  });
  return { sim, data, client };
}

async function sync(
  client: QueryClient,
  more: Partial<CatalogSyncOptions> & { since: number },
): Promise<{ db: CatalogDb; final: CatalogSyncProgress }> {
  const db = await openCatalogInProcess();
  opened.push(db);
  const final = await runCatalogSync({
    client,
    db,
    mode: 'full',
    now: Date.now,
    signal: new AbortController().signal,
    onProgress: () => undefined,
    ...more,
  });
  return { db, final };
}

const methodOf = (input: Parameters<Fetch>[0]): { method: string | null; pageNo: string | null } => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  return { method: url.searchParams.get('method'), pageNo: url.searchParams.get('page_no') };
};

describe('catalog sync: warehouses and suppliers modified before the start', () => {
  it('come in when the ERP answers without times, as their pages allow', async () => {
    const { data, client } = await erp();
    const since = Date.now() - 60 * DAY;
    const old = data.warehouses.filter((w) => w.modified < since);
    expect(old.length).toBeGreaterThan(0);
    const { db, final } = await sync(client, { since });
    expect(final.state).toBe('done');
    const contents = await db.contents();
    expect(contents.warehouses.map((w) => w.warehouseNo).sort()).toEqual(
      data.warehouses.map((w) => w.warehouseNo).sort(),
    );
    expect(contents.providers.map((p) => p.providerNo).sort()).toEqual(
      data.providers
        .filter((p) => p.deleted === 0)
        .map((p) => p.providerNo)
        .sort(),
    );
  });

  it('when the ERP demands times, only those modified since the start come in, and no problem is shown', async () => {
    const { data, client } = await erp({ masterDataTimesRequired: true });
    const since = Date.now() - 60 * DAY;
    const { db, final } = await sync(client, { since });
    expect(final.state).toBe('done');
    expect(final.message).toBeUndefined();
    const contents = await db.contents();
    expect(contents.warehouses.map((w) => w.warehouseNo).sort()).toEqual(
      data.warehouses
        .filter((w) => w.modified >= since)
        .map((w) => w.warehouseNo)
        .sort(),
    );
    expect((await db.readMeta()).problems).toEqual([]);
  });
});

describe('catalog sync: a record leaves its window between two pages', () => {
  it('the window is read again and the record after it is not skipped', async () => {
    const data = practiceMasterData();
    // Every supplier in one window, in id order (the order the ERP pages them in).
    const base = Date.now() - 100 * DAY;
    data.providers.forEach((provider, i) => (provider.modified = base + i * 1000));
    const byId = [...data.providers].sort((a, b) => a.providerId - b.providerId);
    const first = byId[0];
    if (first === undefined || byId.length < 5) throw new Error('practice data has too few suppliers');
    let mutated = false;
    const { client } = await erp({ masterData: data, masterDataTimesRequired: true }, (sim) => {
      const wrapped: Fetch = async (input, init) => {
        const { method, pageNo } = methodOf(input);
        // After page 0 was read, the first supplier is edited in the ERP: it moves out of the window.
        if (!mutated && method === 'setting.PurchaseProvider.queryDetail' && pageNo === '1') {
          mutated = true;
          sim.masterData.upsertProvider({ providerNo: first.providerNo, providerName: '改过名的供应商' });
        }
        return fetch(input, init);
      };
      return wrapped;
    });
    const { db, final } = await sync(client, { since: base - DAY, pageSize: 2 });
    expect(mutated).toBe(true);
    expect(final.state).toBe('done');
    const held = new Set((await db.contents()).providers.map((p) => p.providerNo));
    for (const provider of byId.filter((p) => p.deleted === 0)) expect(held).toContain(provider.providerNo);
  });
});

describe('catalog sync: the ERP refuses the account', () => {
  it('a wrong appsecret stops the sync once, with one message about the account', async () => {
    const sim = await startSimulator();
    running.push(sim);
    const client = createWdtQueryClient({
      baseUrl: sim.url,
      credentials: { ...demoAccount, appsecret: 'wrongsecret0000000000000000000000:wrongsalt' },
      fetch,
      now: Date.now,
    });
    const { db, final } = await sync(client, { since: Date.now() - 60 * DAY });
    expect(final).toMatchObject({ state: 'failed', refused: true });
    expect(final.message).toContain('目录同步已停止');
    expect(final.message).toContain('appsecret');
    expect((await db.readMeta()).problems).toEqual([]);
    expect(sim.requests.length).toBeLessThanOrEqual(2);
  });
});

describe('wdt catalog with a wrong appsecret', () => {
  it('exits 1 (the ERP refused), with the one message, and writes nothing', async () => {
    const sim = await startSimulator();
    running.push(sim);
    const dir = await mkdtemp(join(tmpdir(), 'wdt-catalog-refused-'));
    try {
      const out = join(dir, 'catalog.json');
      const stderr: string[] = [];
      const code = await runCatalog(
        ['--url', sim.url, '--sid', demoAccount.sid, '--key', demoAccount.appkey, '--out', out],
        { stdout: () => undefined, stderr: (line) => stderr.push(line) },
        {
          fetch,
          now: Date.now,
          env: { WDT_APPSECRET: 'wrongsecret0000000000000000000000:wrongsalt' },
        },
      );
      expect(code).toBe(catalogExitCodes.refused);
      expect(stderr.join('\n')).toContain('目录同步已停止');
      // Not one refusal per source.
      expect(stderr.filter((line) => line.includes('ERP 拒绝读取'))).toEqual([]);
      await expect(access(out)).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
