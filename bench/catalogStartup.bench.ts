/**
 * App start-up with and without a large catalog (issue #14: "it must not slow the first screen"): from
 * openAppCore to the answers the first screen needs (listProfiles, getSettings), with no catalog and with a
 * 200,000-spec, 400,000-barcode catalog file of the active profile present. The catalog opens in a worker
 * thread as in the app; also shown: when it finished opening, and how long main's event loop stalled at
 * worst while it did (calls made meanwhile wait that long at most).
 *
 * From TS sources the worker first registers tsx, which the packaged app does not: the opening times here
 * are a little longer than the app's.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openAppCore } from '../src/main/appCore';
import { openCatalogInProcess } from '../src/main/catalog/inProcess';
import { catalogFile } from '../src/main/catalog/serviceStatus';
import { openCatalogWorker } from '../src/main/catalog/workerHost';
import type { ProductRecord } from '../src/main/catalog/types';
import { createTestEncryptor } from '../test/support/testEncryptor';
import { openJsonFileStore } from '../src/main/keyValueStore';
import { PRACTICE_PROFILE_ID } from '../src/shared/profile';

const SPECS = 200_000;
const BATCH = 5_000;
const RUNS = 5;

const median = (samples: readonly number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** EAN-13-like numbers, distinct per spec: what a scanner reads. */
const barcode = (n: number): string => `69${String(n).padStart(11, '0')}`;

async function buildCatalog(file: string): Promise<void> {
  const db = await openCatalogInProcess({ file });
  try {
    for (let start = 0; start < SPECS; start += BATCH) {
      const products: ProductRecord[] = [];
      for (let i = start; i < Math.min(SPECS, start + BATCH); i++) {
        products.push({
          specNo: `G${String(i).padStart(7, '0')}`,
          goodsNo: `GN${String(Math.floor(i / 2)).padStart(7, '0')}`,
          goodsName: `演示货品 ${Math.floor(i / 2)} 号`,
          specName: i % 2 === 0 ? '红色 M' : '蓝色 L',
          barcodes: [barcode(i * 2), barcode(i * 2 + 1)],
          suite: false,
          deleted: false,
        });
      }
      await db.apply({ products });
    }
    // Synced just now: no automatic incremental sync runs during the measurement.
    await db.writeMeta({ origin: 'erp', syncedUpTo: Date.now(), lastFullAt: Date.now() });
    await db.checkpoint();
  } finally {
    await db.close();
  }
}

interface StartupSample {
  readonly firstScreenMs: number;
  /** Status no longer loading: lookups by code and barcode answer from here. */
  readonly catalogOpenMs: number;
  /** A barcode lookup answered found (with the catalog), right after it opened. */
  readonly lookupMs: number;
  /** The code filter the scan views ask for first, answered. */
  readonly codeFilterMs: number;
  /** A suggestion by name answered (the name index built). */
  readonly namesMs: number;
  readonly worstStallMs: number;
}

async function startOnce(catalogSource: string | null): Promise<StartupSample> {
  const dataFolder = await mkdtemp(join(tmpdir(), 'wdt-bench-start-'));
  try {
    if (catalogSource) {
      await mkdir(join(dataFolder, 'catalog'), { recursive: true });
      const copy = catalogFile(join(dataFolder, 'catalog'), PRACTICE_PROFILE_ID);
      await copyFile(catalogSource, copy);
      // On disk before the clock starts: otherwise the app's first fsync also writes out the copy's 40 MB.
      const handle = await open(copy, 'r+');
      await handle.sync();
      await handle.close();
    }
    // The previous run's worker and garbage are gone before this one starts.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stalls = monitorEventLoopDelay({ resolution: 5 });
    stalls.enable();
    const start = performance.now();
    const core = await openAppCore({
      dataFolder,
      encryptor: createTestEncryptor(),
      store: openJsonFileStore(join(dataFolder, 'settings.json')),
      fetch,
      version: 'bench',
      logError: (context, error) => console.error(context, error),
      openCatalog: openCatalogWorker,
      catalogAutoSyncDelayMs: 60_000,
    });
    const context = { trustedSender: true };
    const answers = await Promise.all([
      core.dispatch('listProfiles', undefined, context),
      core.dispatch('getSettings', undefined, context),
    ]);
    const firstScreenMs = performance.now() - start;
    if (!answers.every((answer) => answer.ok)) throw new Error('a first-screen call failed');
    for (;;) {
      const answer = await core.handlers.catalogStatus(undefined);
      const status = answer.ok ? answer.value : undefined;
      if (status && !status.loading) {
        if (catalogSource && status.counts.specs !== SPECS)
          throw new Error(`catalog not loaded: ${JSON.stringify(status)}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const catalogOpenMs = performance.now() - start;
    let lookupMs = NaN;
    let codeFilterMs = NaN;
    let namesMs = NaN;
    if (catalogSource) {
      const found = await core.handlers.lookupInCatalog({ kind: 'spec', codes: [barcode(SPECS - 2)] });
      if (!found.ok || found.value[0]?.found !== true) throw new Error('barcode lookup failed');
      lookupMs = performance.now() - start;
      await core.handlers.catalogCodeFilter(undefined);
      codeFilterMs = performance.now() - start;
      // The last goods' name: in the last chunk of the name index.
      const name = `演示货品 ${Math.floor((SPECS - 1) / 2)} 号`;
      for (;;) {
        const answer = await core.handlers.suggestFromCatalog({ kind: 'spec', text: name, limit: 5 });
        if (answer.ok && answer.value.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      namesMs = performance.now() - start;
    }
    stalls.disable();
    await core.close();
    return { firstScreenMs, catalogOpenMs, lookupMs, codeFilterMs, namesMs, worstStallMs: stalls.max / 1e6 };
  } finally {
    await rm(dataFolder, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'wdt-bench-catalog-'));
  try {
    // WDT_BENCH_CATALOG keeps the built file between runs (building it takes a while); it is built if missing.
    const kept = process.env['WDT_BENCH_CATALOG'];
    const file = kept ?? join(work, 'catalog.sqlite');
    const built = performance.now();
    if (kept === undefined || !existsSync(kept)) await buildCatalog(file);
    console.log(
      `catalog file of ${SPECS.toLocaleString()} specs, ${(SPECS * 2).toLocaleString()} barcodes built in ${ms(performance.now() - built)}`,
    );
    // One warm-up of each, so module loading and the WASM compile are not charged to the first run.
    await startOnce(null);
    await startOnce(file);
    const without: StartupSample[] = [];
    const withCatalog: StartupSample[] = [];
    for (let i = 0; i < RUNS; i++) {
      without.push(await startOnce(null));
      withCatalog.push(await startOnce(file));
    }
    const line = (label: string, samples: readonly StartupSample[]): void =>
      console.log(
        `${label}: first screen (listProfiles + getSettings) median ${ms(median(samples.map((s) => s.firstScreenMs)))}; ` +
          `catalog ready median ${ms(median(samples.map((s) => s.catalogOpenMs)))}; ` +
          `barcode lookup answered ${ms(median(samples.map((s) => s.lookupMs)))}; ` +
          `code filter ${ms(median(samples.map((s) => s.codeFilterMs)))}; ` +
          `name suggestion ${ms(median(samples.map((s) => s.namesMs)))}; ` +
          `worst main-thread stall median ${ms(median(samples.map((s) => s.worstStallMs)))}`,
      );
    line('no catalog        ', without);
    line('200,000-spec catalog', withCatalog);
    console.log(
      `first screen with / without the catalog: ${(median(withCatalog.map((s) => s.firstScreenMs)) / median(without.map((s) => s.firstScreenMs))).toFixed(2)}× (${RUNS} runs each)`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
