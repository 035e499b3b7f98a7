/**
 * The catalog service over the real store (in-process, real files in a temporary folder) and the real sync
 * engine talking to the simulator on 127.0.0.1, as the app core wires them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { CatalogStatus } from '../../../src/shared/catalog';
import { ok } from '../../../src/shared/result';
import { openCatalogInProcess } from '../../../src/main/catalog/inProcess';
import { createCatalogService, type CatalogServiceOptions } from '../../../src/main/catalog/service';
import type { CatalogService } from '../../../src/main/catalog/serviceTypes';
import { catalogFile } from '../../../src/main/catalog/serviceStatus';
import { runCatalogSync } from '../../../src/main/catalog/sync/runner';
import type { CatalogDb } from '../../../src/main/catalog/types';
import { createWdtQueryClient } from '../../../src/main/wdt/query';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/main/wdt/simulator';
import type { FetchLike } from '../../../src/main/wdt/fetchLike';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'wdt-catalog-service-'));
  cleanups.push(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

export async function simulator(options?: SimulatorOptions): Promise<Simulator> {
  const sim = await startSimulator(options);
  cleanups.push(() => sim.close());
  return sim;
}

/** Each ERP call takes at least `ms` longer: a sync slow enough to be watched and cancelled. */
export function slowFetch(ms: number): FetchLike {
  return async (input, init) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return fetch(input, init);
  };
}

export interface ServiceUnderTest {
  readonly service: CatalogService;
  readonly folder: string;
  readonly events: CatalogStatus[];
  /** Every profile id the runner was asked to sync, in order, with its mode. */
  readonly runs: { profileId: string; mode: string }[];
  active: string | null;
  /** Resolves with the first status that satisfies `test` (polled and from events), or fails after `ms`. */
  until(test: (status: CatalogStatus) => boolean, ms?: number): Promise<CatalogStatus>;
}

export async function openService(
  sim: Simulator,
  options: Partial<CatalogServiceOptions> & { folder?: string; fetch?: FetchLike; active?: string } = {},
): Promise<ServiceUnderTest> {
  const folder = options.folder ?? (await tempFolder());
  const events: CatalogStatus[] = [];
  const runs: { profileId: string; mode: string }[] = [];
  const state = { active: options.active ?? 'p1' } as { active: string | null };
  const service = createCatalogService({
    folder,
    activeProfileId: () => state.active,
    openDb: (file) => openCatalogInProcess({ file }),
    runSync: async ({ profileId, ...run }) => {
      runs.push({ profileId, mode: run.mode });
      const client = createWdtQueryClient({
        baseUrl: sim.url,
        credentials: sim.accounts[0] ?? { sid: '', appkey: '', appsecret: '' },
        fetch: options.fetch ?? fetch,
        now: Date.now,
        timeoutMs: 5000,
      });
      return ok(await runCatalogSync({ ...run, client, now: Date.now }));
    },
    now: Date.now,
    logError: (context, error) => {
      throw new Error(`unexpected error in ${context}: ${String(error)}`);
    },
    openDelayMs: 0,
    autoSyncDelayMs: 50,
    ...options,
  });
  service.onChange((status) => events.push(status));
  cleanups.push(() => service.close());
  return {
    service,
    folder,
    events,
    runs,
    get active() {
      return state.active;
    },
    set active(id) {
      state.active = id;
    },
    async until(test, ms = 20_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const status = await service.status();
        if (test(status)) return status;
        if (Date.now() > deadline) {
          expect.fail(`the catalog never reached the state; last: ${JSON.stringify(status)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

/** A profile's catalog file, opened directly (the service must not have it open). */
export async function withCatalogFile<T>(
  folder: string,
  profileId: string,
  use: (db: CatalogDb) => Promise<T>,
): Promise<T> {
  const db = await openCatalogInProcess({ file: catalogFile(folder, profileId) });
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

export const settled = (status: CatalogStatus): boolean =>
  !status.loading && status.sync !== undefined && status.sync.state !== 'running';
