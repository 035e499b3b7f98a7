/**
 * One scan in the real scan view at 20,000 SNs in the document, in Debian's Chromium through the host (the
 * built renderer, the real app core, a temporary data folder): the scanner's keys (2 ms per character,
 * Enter) go in as real key events, and the page measures from the Enter key's event time to the commit of
 * the scan view that shows the result (dedupe, journal check, draft save started, render). Reported twice:
 * in total, and from the moment the journal's answer was in (the local work; the harness's IPC round trip
 * goes through the DevTools protocol and is much slower than Electron's). The draft's hand-off to the bridge
 * is shown apart too: a scan's patch (a few hundred bytes, see patchedDraftWriter.ts), here encoded by
 * Playwright's binding for CDP, in Electron a structured clone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRenderer } from '../src/chromium/buildRenderer';
import { launchChromiumHost } from '../src/chromium/host';
import { createTestEncryptor } from '../src/main/encryptor';
import { scanDraftIdFor } from '../src/renderer/features/scan/scanDocLink';
import type { ScanState } from '../src/renderer/features/scan/scanState';
import { chunksFromList } from '../src/renderer/features/scan/snChunks';

const METHOD = 'wms.stockout.Base.uploadSN';
const EXISTING = 20_000;
const WARMUP = 20;
const MEASURED = 300;

function seededState(): ScanState {
  const sns = Array.from({ length: EXISTING }, (_, i) => `SN${String(i).padStart(8, '0')}`);
  return {
    version: 1,
    lines: [{ specNo: 'DFAQT500', required: null, sns: chunksFromList(sns), count: sns.length }],
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

export async function run(): Promise<void> {
  const dataFolder = await mkdtemp(join(tmpdir(), 'wdt-bench-scan-'));
  const host = await launchChromiumHost({
    dataFolder,
    encryptor: createTestEncryptor(),
    headless: true,
    rendererDir: await buildRenderer(),
  });
  try {
    const page = host.page;
    // The scan draft as the app saves it (version 2: the state as data), handed over as JSON text.
    const draftText = JSON.stringify({ v: 2, state: seededState(), fields: [] });
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
    await count.filter({ hasText: `${EXISTING}个` }).waitFor({ timeout: 30_000 });
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
    await count.filter({ hasText: `${EXISTING + WARMUP + MEASURED}个` }).waitFor({ timeout: 30_000 });
    const timings = await page.evaluate(
      () =>
        (globalThis as { __wdtScanTimings?: { total: number; local: number; save: number }[] })
          .__wdtScanTimings ?? [],
    );
    const measured = timings.slice(WARMUP);
    console.log(
      `scans measured: ${measured.length} (after ${WARMUP} warm-up), ${EXISTING.toLocaleString()} SNs already in the document`,
    );
    console.log(
      describe(
        'scan → result rendered, local work (dedupe, save started, render)',
        measured.map((t) => t.local),
      ),
    );
    console.log(
      describe(
        '  of which handing the draft to the bridge',
        measured.map((t) => t.save),
      ),
    );
    console.log(
      describe(
        '  local work without that hand-off (dedupe, diff, render)',
        measured.map((t) => t.local - t.save),
      ),
    );
    console.log(
      describe(
        'scan → result rendered, total incl. harness IPC round trip',
        measured.map((t) => t.total),
      ),
    );
  } finally {
    await host.close();
    await rm(dataFolder, { recursive: true, force: true });
  }
}
