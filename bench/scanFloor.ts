/**
 * The harness's own floor under a scan: the same keys at the same rhythm as bench/scanUi.bench.ts, in a page
 * of one text field whose Enter handler does nothing but show the code (a text node) and clear the field.
 * The time from the Enter key event to that text's mutation is what any page would pay here, on this machine
 * and through the DevTools protocol's input, before an app does any work; set beside the scan view's figures
 * it tells the app's share of a scan from the harness's.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { mainThreadPerScan, type MainThreadCost } from './mainThreadCost';

interface FloorProbe {
  readonly entered: number[];
  readonly shown: number[];
}

/**
 * Types `codes` into the focused field as a scanner does (2 ms per character, then Enter) at a person's pace,
 * a few scans a second: the page has that much quiet time between two scans. Both benches scan through
 * here, so the floor is taken at the scan view's rhythm.
 */
export async function scanLikeAScanner(page: Page, codes: readonly string[]): Promise<void> {
  for (const code of codes) {
    await page.keyboard.type(code, { delay: 2 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(60);
  }
}

export interface HarnessFloor {
  /** Milliseconds from each Enter key event to the code shown. */
  readonly latencies: number[];
  /** The one-field page's main-thread work per scan. */
  readonly cost: MainThreadCost;
}

/** The floor for `codes` typed at 2 ms per character. */
export async function measureHarnessFloor(
  context: BrowserContext,
  codes: readonly string[],
): Promise<HarnessFloor> {
  const page = await context.newPage();
  try {
    await page.setContent('<input id="field" aria-label="field" autocomplete="off"><div id="last"></div>');
    // No named inner functions in page code: tsx would wrap them in a helper the page does not have.
    await page.evaluate(() => {
      const field = document.getElementById('field') as HTMLInputElement;
      const last = document.getElementById('last') as HTMLDivElement;
      const probe: FloorProbe = { entered: [], shown: [] };
      (globalThis as unknown as { __floor: FloorProbe }).__floor = probe;
      field.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter') return;
        probe.entered.push(event.timeStamp);
        last.textContent = field.value;
        field.value = '';
      });
      new MutationObserver(() => {
        probe.shown.push(performance.now());
      }).observe(last, { childList: true, characterData: true, subtree: true });
    });
    await page.focus('#field');
    const cost = await mainThreadPerScan(page, codes.length, () => scanLikeAScanner(page, codes));
    const probe = await page.evaluate(() => (globalThis as unknown as { __floor: FloorProbe }).__floor);
    if (probe.entered.length !== codes.length || probe.shown.length !== codes.length)
      throw new Error(`floor probe saw ${probe.entered.length} Enters and ${probe.shown.length} codes`);
    return { latencies: probe.entered.map((at, index) => (probe.shown[index] ?? Number.NaN) - at), cost };
  } finally {
    await page.close();
  }
}
