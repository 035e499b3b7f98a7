/**
 * One scan in the real scan view at 20,000 SNs in the document, in Debian's Chromium through the host (the
 * built renderer, the real app core, a temporary data folder): the scanner's keys (2 ms per character,
 * Enter) go in as real key events, and the bench times each scan from outside the app (installScanProbe):
 * from the Enter key's event time to the later of two moments, its code shown as the last scan by the scan
 * view (a MutationObserver on that element) and its draft save handed to the harness's bridge (the page's
 * binding call, wrapped, has returned). The total includes the wait for the page's main thread and, for an
 * SN main's sent-SN filter may hold (main/journal/sentSnFilterSource.ts), the journal lookup through the
 * harness's IPC (the DevTools protocol, much slower than Electron's). The binding call for the save is shown
 * apart too: a scan's patch (a few hundred bytes, see src/renderer/drafts/patchedWriter.ts) encoded by
 * Playwright's binding for CDP, in Electron a structured clone. The app's own steps inside a scan (its
 * turn in the queue, the diff) are not visible from outside and not reported. Two shapes: one line holding
 * all 20,000 SNs, and 100 lines of 200 (the line list then has 100 rows, of which a scan changes one). The
 * journal is empty here: with 100,000 SNs sent before, about 1 scan in 200 would still wait for a lookup
 * (the filter's false positives).
 *
 * Each shape runs twice: with an empty catalog, and with a catalog of 1,000,000 codes (500,000 specs with
 * one barcode each, imported as a goods-list file would be). With the catalog, every scanned code is checked
 * against the catalog's code filter (catalogFilter.ts) and the few the filter may hold (its false positives,
 * about 1 in 100) wait for a catalog lookup through the harness's IPC; the report says how many did and how
 * long those took. SCAN_BENCH_CATALOG=none or =only runs one half; SCAN_BENCH_SCANS=N measures N scans per
 * shape instead of 600 (a short run, to see that figures come out). After the first shape, the same keys go
 * to a page of one field and no app (scanFloor.ts): the harness's own floor, to set the figures beside.
 * Beside the latencies, each run reports its page's main-thread work per scan, every key and frame
 * included (mainThreadCost.ts), for the scan view and for the floor's page: an average, which this
 * machine's jitter moves less than it moves a p99.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRenderer } from '../src/chromium/buildRenderer';
import { launchChromiumHost, type ChromiumHost } from '../src/chromium/host';
import { createTestEncryptor } from '../test/support/testEncryptor';
import { draftIdFor, scanDraftIdFor } from '../src/shared/draftIds';
import { callChannel } from '../src/shared/ipcTypes';
import type { ScanState } from '../src/renderer/features/scan/model/scanData';
import { chunksFromList } from '../src/renderer/features/scan/model/snChunks';
import { catalogFilterKey, catalogLimits } from '../src/shared/catalog';
import { SnFilter } from '../src/shared/snFilter';
import { measureHarnessFloor, scanLikeAScanner } from './scanFloor';
import { describeCost, mainThreadPerScan } from './mainThreadCost';

const METHOD = 'wms.stockout.Base.uploadSN';
const EXISTING = 20_000;
const WARMUP = 20;
const MEASURED = Number(process.env['SCAN_BENCH_SCANS'] ?? 600);
/** Specs in the big catalog; each has one barcode, so the filter holds twice as many codes. */
const CATALOG_SPECS = 500_000;

function seededState(lineCount: number): ScanState {
  const perLine = EXISTING / lineCount;
  return {
    version: 1,
    lines: Array.from({ length: lineCount }, (_, line) => {
      const sns = Array.from({ length: perLine }, (_, i) => `SN${line}-${String(i).padStart(8, '0')}`);
      return { specNo: `SPEC${line}`, required: null, sns: chunksFromList(sns), count: sns.length };
    }),
    // Scans go to the first line.
    activeLine: 0,
    expected: null,
    typed: [],
    undo: [],
  };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function describe(label: string, samples: readonly number[]): string {
  const sorted = samples.slice().sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  return `${label}: median ${ms(quantile(sorted, 0.5))}, p99 ${ms(quantile(sorted, 0.99))}, max ${ms(quantile(sorted, 1))}`;
}

/** What the page records about the scans, by scanned code (page times, performance.now()'s clock). */
interface ScanProbe {
  /** Characters typed since the last Enter: the code the next Enter ends. */
  typed: string;
  /** The Enter keydown's event time. */
  readonly entered: Map<string, number>;
  /** When the scan view first showed the code as the last scan. */
  readonly shown: Map<string, number>;
  /** Every save of the scan draft handed to the bridge: when the binding call returned, and its length. */
  readonly saves: { readonly at: number; readonly callMs: number; readonly input: unknown }[];
}

interface ProbeGlobals {
  __benchScanProbe?: ScanProbe;
  __wdtInvoke?: (channel: string, input: unknown) => Promise<unknown>;
}

/**
 * Runs in the page before the app (an init script, after the host's bridge): watches the keys from the
 * window's capture phase, before the app sees them, and wraps the host's binding that `window.wdt` calls
 * through. No named inner functions: tsx would wrap them in a helper the page does not have.
 */
function installScanProbe(draft: { readonly id: string; readonly channels: readonly string[] }): void {
  const probe: ScanProbe = { typed: '', entered: new Map(), shown: new Map(), saves: [] };
  const scope = globalThis as unknown as ProbeGlobals;
  scope.__benchScanProbe = probe;
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter') {
        if (probe.typed !== '' && !probe.entered.has(probe.typed))
          probe.entered.set(probe.typed, event.timeStamp);
        probe.typed = '';
      } else if (event.key.length === 1) probe.typed += event.key;
    },
    true,
  );
  const invoke = scope.__wdtInvoke;
  if (invoke === undefined) throw new Error('the host defined no bridge binding');
  scope.__wdtInvoke = (channel, input) => {
    const started = performance.now();
    const answer = invoke(channel, input);
    const at = performance.now();
    if (draft.channels.includes(channel) && (input as { id?: unknown } | null)?.id === draft.id)
      probe.saves.push({ at, callMs: at - started, input });
    return answer;
  };
}

/** One scan as the probe saw it (ms from the Enter key event), or null when a moment is missing. */
interface ScanTiming {
  readonly shown: number;
  readonly saved: number;
  readonly total: number;
  readonly saveCallMs: number;
}

/** Joins the probe's moments per code: a scan's save is the first after its Enter that holds its code. */
async function scanTimings(host: ChromiumHost, codes: readonly string[]): Promise<(ScanTiming | null)[]> {
  return host.page.evaluate((scanned) => {
    const probe = (globalThis as unknown as ProbeGlobals).__benchScanProbe;
    if (probe === undefined) throw new Error('the scan probe is not installed');
    const saves = probe.saves.map((save) => ({ ...save, text: JSON.stringify(save.input) }));
    return scanned.map((code) => {
      const entered = probe.entered.get(code);
      const shown = probe.shown.get(code);
      if (entered === undefined || shown === undefined) return null;
      const quoted = JSON.stringify(code);
      const save = saves.find((entry) => entry.at >= entered && entry.text.includes(quoted));
      if (save === undefined) return null;
      return {
        shown: shown - entered,
        saved: save.at - entered,
        total: Math.max(shown, save.at) - entered,
        saveCallMs: save.callMs,
      };
    });
  }, codes);
}

/** Calls from the page to main, by name: how many were made and how many have been answered. */
interface CallCounts {
  made: Map<string, number>;
  answered: Map<string, number>;
}

/**
 * Counts the page's calls as they reach main (the harness's binding calls core.dispatch when each call is
 * made): the bench waits for the page's catalog filter to arrive and counts the lookups scans waited for.
 */
function countCalls(host: ChromiumHost): CallCounts {
  const counts: CallCounts = { made: new Map(), answered: new Map() };
  const core = host.core as { dispatch: ChromiumHost['core']['dispatch'] };
  const dispatch = core.dispatch;
  core.dispatch = async (name, input, context) => {
    counts.made.set(name, (counts.made.get(name) ?? 0) + 1);
    try {
      return await dispatch(name, input, context);
    } finally {
      counts.answered.set(name, (counts.answered.get(name) ?? 0) + 1);
    }
  };
  return counts;
}

async function call(host: ChromiumHost, name: string, input: unknown): Promise<unknown> {
  const result = (await host.core.dispatch(name, input, { trustedSender: true })) as {
    ok: boolean;
    value?: unknown;
    error?: { message: string };
  };
  if (!result.ok) throw new Error(`${name}: ${result.error?.message ?? 'failed'}`);
  return result.value;
}

/** A goods list of CATALOG_SPECS specs, one barcode each, imported the way a goods-list file is. */
async function importBigCatalog(host: ChromiumHost): Promise<SnFilter> {
  const started = performance.now();
  const batch = catalogLimits.importBatchMax;
  for (let first = 0; first < CATALOG_SPECS; first += batch) {
    const rows = Array.from({ length: Math.min(batch, CATALOG_SPECS - first) }, (_, i) => {
      const n = first + i;
      return {
        specNo: `GOODS${String(n).padStart(7, '0')}`,
        goodsName: `货品${n}`,
        specName: '默认规格',
        barcodes: [`69${String(n).padStart(11, '0')}`],
      };
    });
    await call(host, 'importCatalogRows', {
      first: first === 0,
      last: first + batch >= CATALOG_SPECS,
      rows,
    });
  }
  const filterStarted = performance.now();
  // Main builds the filter once per change of the records; the page's fetch then finds it ready.
  const filter = SnFilter.from(await call(host, 'catalogCodeFilter', undefined));
  if (filter === null) throw new Error('no catalog code filter');
  console.log(
    `catalog: ${filter.count.toLocaleString()} codes imported in ${((filterStarted - started) / 1000).toFixed(1)} s, ` +
      `filter built in ${(performance.now() - filterStarted).toFixed(0)} ms`,
  );
  return filter;
}

/**
 * Waits until main has opened the catalog file and built its code filter, as a PC that has been on for a
 * while has: until then the filter main gives is empty (the catalog answers nothing while it loads), and
 * the first real one takes seconds to build at this size, during which every scan would be looked up.
 */
async function catalogReady(host: ChromiumHost): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (((await call(host, 'catalogStatus', undefined)) as { loading: boolean }).loading) {
    if (Date.now() > deadline) throw new Error('the catalog never finished opening');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const started = performance.now();
  await call(host, 'catalogCodeFilter', undefined);
  console.log(`catalog opened; its filter built in ${(performance.now() - started).toFixed(0)} ms`);
}

async function measureShape(
  host: ChromiumHost,
  counts: CallCounts,
  lineCount: number,
  filter: SnFilter | null,
): Promise<void> {
  const page = host.page;
  // The scan draft as the app saves it (version 2: the state as data), handed over as JSON text.
  const draftText = JSON.stringify({ v: 2, state: seededState(lineCount), fields: [] });
  await page.evaluate(
    async ({ id, documentId, text }) => {
      await window.wdt.deleteDraft({ id: documentId });
      await window.wdt.saveDraft({ id, data: JSON.parse(text) as never });
      localStorage.setItem('wdt.linesMode.wms.stockout.Base.uploadSN', 'scan');
    },
    { id: scanDraftIdFor(METHOD), documentId: draftIdFor(METHOD), text: draftText },
  );
  const filtersBefore = counts.answered.get('catalogCodeFilter') ?? 0;
  await page.addInitScript(installScanProbe, {
    id: scanDraftIdFor(METHOD),
    channels: [callChannel('saveDraft'), callChannel('patchDraft')],
  });
  await page.reload();
  await page
    .getByRole('navigation', { name: '功能' })
    .getByRole('link', { name: /^出库SN明细推送/ })
    .click();
  const count = page.getByLabel('已扫数量');
  const perLine = EXISTING / lineCount;
  await count.filter({ hasText: `${perLine}个` }).waitFor({ timeout: 30_000 });
  // The scan view has the catalog's filter (until then every code would be looked up).
  const deadline = Date.now() + 180_000;
  while ((counts.answered.get('catalogCodeFilter') ?? 0) <= filtersBefore) {
    if (Date.now() > deadline) throw new Error('the scan view never fetched the catalog filter');
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(200);
  await page.getByLabel('扫码输入', { exact: true }).focus();
  // How busy the page's main thread is with nobody scanning: work that runs on its own (a timer that
  // re-renders, a loop of lookups) is in the way of every scan.
  const idleBusyMs = await page.evaluate(async () => {
    let late = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      late += Math.max(0, now - last - 10);
      last = now;
    }, 10);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    clearInterval(timer);
    return late;
  });
  console.log(`  idle page, 3 s before scanning: main thread late by ${idleBusyMs.toFixed(0)} ms in all`);
  // The last scan's value is one text node the view updates: the first mutation after a scan shows it.
  await page.evaluate(() => {
    const probe = (globalThis as unknown as ProbeGlobals).__benchScanProbe;
    const last = document.querySelector('[aria-label="上一次扫描"]');
    if (probe === undefined || last === null) throw new Error('no scan probe or no last-scan element');
    new MutationObserver(() => {
      const code = last.textContent ?? '';
      if (probe.entered.has(code) && !probe.shown.has(code)) probe.shown.set(code, performance.now());
    }).observe(last, { childList: true, characterData: true, subtree: true });
  });

  const codes = Array.from({ length: WARMUP + MEASURED }, (_, i) => `NEW${String(i).padStart(7, '0')}`);
  const lookupsBefore = counts.made.get('lookupInCatalog') ?? 0;
  const filtersBeforeScans = counts.made.get('catalogCodeFilter') ?? 0;
  const cost = await mainThreadPerScan(page, codes.length, () => scanLikeAScanner(page, codes));
  await count.filter({ hasText: `${perLine + WARMUP + MEASURED}个` }).waitFor({ timeout: 30_000 });
  const lookups = (counts.made.get('lookupInCatalog') ?? 0) - lookupsBefore;
  const refetches = (counts.made.get('catalogCodeFilter') ?? 0) - filtersBeforeScans;
  const timings = (await scanTimings(host, codes)).slice(WARMUP);
  const measured = timings.filter((timing): timing is ScanTiming => timing !== null);
  const shape = lineCount === 1 ? '1 line' : `${lineCount} lines × ${perLine.toLocaleString()}`;
  const catalog = filter === null ? 'empty catalog' : `catalog of ${filter.count.toLocaleString()} codes`;
  console.log(
    `${shape}, ${catalog}: ${measured.length} scans measured (after ${WARMUP} warm-up), ${EXISTING.toLocaleString()} SNs already in the document`,
  );
  if (measured.length < MEASURED)
    console.log(`  ${MEASURED - measured.length} scans left out: the probe missed their Enter, view or save`);
  const report = (label: string, pick: (t: ScanTiming) => number, samples = measured) =>
    console.log(describe(label, samples.map(pick)));
  report('  Enter key event → code shown as the last scan', (t) => t.shown);
  report('  Enter key event → draft save handed to the bridge', (t) => t.saved);
  report('    of which the bridge call itself (encoded for CDP)', (t) => t.saveCallMs);
  report('  scan → handled, total from the Enter key event (the later of the two)', (t) => t.total);
  console.log(describeCost('  main thread per scan, every key and frame', cost));
  if (filter !== null) {
    // Which scans the filter may hold (its false positives): those waited for a catalog lookup.
    const waited = codes
      .map((code, index) => ({ index, held: filter.mayHold(catalogFilterKey(code)) }))
      .filter((entry) => entry.held && entry.index >= WARMUP)
      .map((entry) => timings[entry.index - WARMUP])
      .filter((timing): timing is ScanTiming => timing !== undefined && timing !== null);
    console.log(
      `  scans the catalog filter may hold (looked up): ${waited.length} of ${measured.length}; ` +
        `lookup calls made by the page (any screen): ${lookups}; filter fetched again: ${refetches}`,
    );
    if (waited.length > 0) report('    those scans, total from the Enter key event', (t) => t.total, waited);
  }
}

/** The harness's floor (scanFloor.ts), in the app's browser, at the scans' rhythm and count. */
async function reportFloor(host: ChromiumHost): Promise<void> {
  const codes = Array.from({ length: WARMUP + MEASURED }, (_, i) => `FLOOR${String(i).padStart(5, '0')}`);
  const floor = await measureHarnessFloor(host.page.context(), codes);
  console.log(
    describe(
      'harness floor: Enter key event → code shown by a page of one field, no app',
      floor.latencies.slice(WARMUP),
    ),
  );
  console.log(describeCost('  its main thread per scan, every key and frame', floor.cost));
}

/** A fresh app (core and browser) per shape, on a data folder that may already hold a catalog. */
async function withHost(
  rendererDir: string,
  dataFolder: string,
  body: (host: ChromiumHost, counts: CallCounts) => Promise<void>,
): Promise<void> {
  const host = await launchChromiumHost({
    dataFolder,
    encryptor: createTestEncryptor(),
    headless: true,
    rendererDir,
  });
  host.page.on('crash', () => console.error('  the page crashed'));
  try {
    await body(host, countCalls(host));
  } finally {
    await host.close();
  }
}

async function measureBoth(rendererDir: string, withCatalog: boolean): Promise<void> {
  const dataFolder = await mkdtemp(join(tmpdir(), 'wdt-bench-scan-'));
  try {
    let filter: SnFilter | null = null;
    if (withCatalog)
      await withHost(rendererDir, dataFolder, async (host) => {
        filter = await importBigCatalog(host);
      });
    for (const lineCount of [1, 100])
      await withHost(rendererDir, dataFolder, async (host, counts) => {
        if (filter !== null) await catalogReady(host);
        await measureShape(host, counts, lineCount, filter);
        if (lineCount === 1 && !withCatalog) await reportFloor(host);
      });
  } finally {
    await rm(dataFolder, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const rendererDir = await buildRenderer();
  const only = process.env['SCAN_BENCH_CATALOG'];
  if (only !== 'only') await measureBoth(rendererDir, false);
  if (only !== 'none') await measureBoth(rendererDir, true);
}
