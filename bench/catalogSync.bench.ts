/**
 * A full catalog sync of 200,000 specs with 400,000 barcodes (100,000 goods, 2 specs each, modified over
 * the last 3 years) from the practice ERP into the in-process catalog, written to a file with the app's
 * checkpoints: wall time, HTTP calls, and the memory of this process (the sync and the catalog only).
 *
 * The practice ERP runs in its own process (`npm run simulator -- --specs 200000`), so its copy of the data
 * does not count against the sync's memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openCatalogInProcess } from '../src/main/catalog/inProcess';
import type { CatalogDb } from '../src/main/catalog/types';
import { runCatalogSync } from '../src/main/catalog/sync/runner';
import { createWdtQueryClient } from '../src/main/wdt/query';
import type { WdtPageClient } from '../src/main/wdt/queryTypes';
import { demoAccount } from '../src/main/wdt/simulator';

const SPECS = 200_000;
const BARCODES_PER_SPEC = 2;
const PAGE_SIZES = [100, 1000];

const root = fileURLToPath(new URL('..', import.meta.url));
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Starts the practice ERP with generated data in a child process; resolves with its URL. */
function startErp(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    join(root, 'node_modules/.bin/tsx'),
    ['src/cli/simulator.ts', '--specs', String(SPECS), '--barcodes-per-spec', String(BARCODES_PER_SPEC)],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const url = /接口地址\s+(\S+)/.exec(seen)?.[1];
      if (url) resolve({ url, child });
    });
    child.once('exit', (code) => reject(new Error(`simulator exited (${String(code)})`)));
  });
}

async function syncOnce(url: string, pageSize: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'catalog-bench-'));
  const file = join(dir, 'catalog.sqlite');
  const store = await openCatalogInProcess({ file });
  const spent = { page: 0, apply: 0, checkpoint: 0, checkpoints: 0 };
  const timed = async <T>(key: 'page' | 'apply' | 'checkpoint', task: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await task();
    } finally {
      spent[key] += performance.now() - start;
    }
  };
  const db: CatalogDb = {
    ...store,
    apply: (batch) => timed('apply', () => store.apply(batch)),
    checkpoint: () => {
      spent.checkpoints += 1;
      return timed('checkpoint', () => store.checkpoint());
    },
  };
  const query = createWdtQueryClient({ baseUrl: url, credentials: demoAccount, fetch, now: Date.now });
  let calls = 0;
  const client: WdtPageClient = {
    clockOffset: query.clockOffset,
    page: async (method, params, pageNo, options) => {
      const answer = await timed('page', () => query.page(method, params, pageNo, options));
      calls += answer.calls;
      return answer;
    },
  };
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 50);
  const started = performance.now();
  try {
    const final = await runCatalogSync({
      client,
      db,
      mode: 'full',
      now: Date.now,
      signal: new AbortController().signal,
      onProgress: () => undefined,
      pageSize,
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const counts = await db.counts();
    const size = (await stat(file)).size;
    console.log(
      `page size ${pageSize}: ${final.state}, ${seconds.toFixed(1)} s wall, ${calls} HTTP calls ` +
        `(${((seconds * 1000) / calls).toFixed(1)} ms per call); ${counts.specs} specs, ${counts.barcodes} barcodes; ` +
        `catalog file ${mb(size)}`,
    );
    const share = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `  time: ERP calls ${share(spent.page)} (HTTP, the simulator's work, reading the answers), ` +
        `applying pages ${share(spent.apply)}, ${spent.checkpoints} checkpoints ${share(spent.checkpoint)}`,
    );
    console.log(
      `  memory: heap ${mb(before.heapUsed)} before, peak ${mb(peakHeap)} (sampled every 50 ms); ` +
        `RSS ${mb(before.rss)} before, peak ${mb(peakRss)}; process maxRSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
    );
  } finally {
    clearInterval(sampler);
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const { url, child } = await startErp();
  try {
    for (const pageSize of PAGE_SIZES) await syncOnce(url, pageSize);
  } finally {
    child.kill('SIGINT');
  }
}
