/**
 * One scan in the real scan view at 20,000 SNs in the document, in Debian's Chromium through the host (the
 * built renderer, the real app core, a temporary data folder): the scanner's keys (2 ms per character,
 * Enter) go in as real key events, and the page measures (scanLatency.ts) until the scan is fully handled:
 * its result rendered by the scan view and its draft save handed to main, whichever comes last. Reported
 * twice: the local work (dedupe, render, save started), timed from the moment the scan's turn came; and in
 * total, from the Enter key's event time, which adds the wait for the page's main thread and, for an SN
 * main's sent-SN filter may hold (sentSnFilter.ts), the journal lookup through the harness's IPC (the
 * DevTools protocol, much slower than Electron's). The draft's hand-off to the bridge is shown apart too: a
 * scan's patch (a few hundred bytes, see patchedDraftWriter.ts), here encoded by Playwright's binding for
 * CDP, in Electron a structured clone. Two shapes: one line holding all 20,000 SNs, and 100 lines of 200
 * (the line list then has 100 rows, of which a scan changes one). The journal is empty here: with 100,000
 * SNs sent before, about 1 scan in 200 would still wait for a lookup (the filter's false positives).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRenderer } from '../src/chromium/buildRenderer';
import { launchChromiumHost } from '../src/chromium/host';
import { createTestEncryptor } from '../src/main/encryptor';
import { scanDraftIdFor } from '../src/renderer/features/scan/scanDocLink';
import type { ScanTiming } from '../src/renderer/features/scan/scanLatency';
import type { ScanState } from '../src/renderer/features/scan/scanState';
import { chunksFromList } from '../src/renderer/features/scan/snChunks';

const METHOD = 'wms.stockout.Base.uploadSN';
const EXISTING = 20_000;
const WARMUP = 20;
const MEASURED = 600;

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

async function measureShape(lineCount: number, rendererDir: string): Promise<void> {
  const dataFolder = await mkdtemp(join(tmpdir(), 'wdt-bench-scan-'));
  const host = await launchChromiumHost({
    dataFolder,
    encryptor: createTestEncryptor(),
    headless: true,
    rendererDir,
  });
  try {
    const page = host.page;
    // The scan draft as the app saves it (version 2: the state as data), handed over as JSON text.
    const draftText = JSON.stringify({ v: 2, state: seededState(lineCount), fields: [] });
    await page.evaluate(
      async ({ id, text }) => {
        await window.wdt.saveDraft({ id, data: JSON.parse(text) as never });
        localStorage.setItem('wdt.linesMode.wms.stockout.Base.uploadSN', 'scan');
      },
      { id: scanDraftIdFor(METHOD), text: draftText },
    );
    await page.reload();
    await page
      .getByRole('navigation', { name: '功能' })
      .getByRole('link', { name: /^出库SN明细推送/ })
      .click();
    const count = page.getByLabel('已扫数量');
    const perLine = EXISTING / lineCount;
    await count.filter({ hasText: `${perLine}个` }).waitFor({ timeout: 30_000 });
    await page.getByLabel('扫码输入', { exact: true }).focus();
    await page.evaluate(() => {
      (globalThis as { __wdtScanTimings?: unknown[] }).__wdtScanTimings = [];
    });

    for (let i = 0; i < WARMUP + MEASURED; i++) {
      await page.keyboard.type(`NEW${String(i).padStart(7, '0')}`, { delay: 2 });
      await page.keyboard.press('Enter');
      // A person scans a few times a second; leave the page that much quiet time between scans.
      await page.waitForTimeout(60);
    }
    await count.filter({ hasText: `${perLine + WARMUP + MEASURED}个` }).waitFor({ timeout: 30_000 });
    const timings = await page.evaluate(
      () => (globalThis as { __wdtScanTimings?: ScanTiming[] }).__wdtScanTimings ?? [],
    );
    const measured = timings.slice(WARMUP);
    const shape = lineCount === 1 ? '1 line' : `${lineCount} lines × ${perLine.toLocaleString()}`;
    console.log(
      `${shape}: ${measured.length} scans measured (after ${WARMUP} warm-up), ${EXISTING.toLocaleString()} SNs already in the document`,
    );
    const report = (label: string, pick: (t: ScanTiming) => number) =>
      console.log(describe(label, measured.map(pick)));
    report('  scan → handled, local work (dedupe, render, save started)', (t) => t.local);
    report('    of which handing the draft to the bridge', (t) => t.save);
    report('    local work without that hand-off (dedupe, render, diff)', (t) => t.local - t.save);
    report('  scan → handled, total from the Enter key event', (t) => t.total);
  } finally {
    await host.close();
    await rm(dataFolder, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const rendererDir = await buildRenderer();
  await measureShape(1, rendererDir);
  await measureShape(100, rendererDir);
}
