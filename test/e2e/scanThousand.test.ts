/**
 * A thousand scans in real Chromium, typed as a USB scanner types them (real key events, 2 ms per character,
 * Enter), must all arrive intact, in order, none dropped, doubled or split, and all be on disk.
 */
import { expect, it } from 'vitest';
import { startApp } from './app';
import { openScreen, textOf, uiTimeoutMs } from './ui';

const SCANS = 1000;
/** Five characters: long enough to count as a scanner burst, short enough to keep the run under a minute. */
const snOf = (index: number) => `K${String(index).padStart(4, '0')}`;

it('takes 1,000 scans at 2 ms per character intact and in order', { timeout: 400_000 }, async () => {
  const { page } = await startApp();
  await openScreen(page, '出库SN明细推送');
  const screen = page
    .locator('.doc-screen')
    .filter({ has: page.getByRole('heading', { name: '出库SN明细推送' }) });
  await screen.getByRole('button', { name: '扫码模式' }).click();
  const field = screen.getByLabel('扫码输入', { exact: true });
  await field.waitFor({ timeout: uiTimeoutMs });
  await field.focus();

  await page.keyboard.type('DFAQT900', { delay: 2 });
  await page.keyboard.press('Enter');
  const started = Date.now();
  for (let index = 0; index < SCANS; index++) {
    await page.keyboard.type(snOf(index), { delay: 2 });
    await page.keyboard.press('Enter');
  }
  const typingMs = Date.now() - started;
  const count = screen.getByLabel('已扫数量');
  await expect.poll(() => textOf(count), { timeout: uiTimeoutMs }).toContain(`${SCANS}个`);

  // What is on disk: the scan draft, every SN once, in the order scanned, all taken as scanner bursts.
  const saved = await page.evaluate(async () => {
    const result = await window.wdt.loadDraft({ id: 'scan.wms.stockout.Base.uploadSN' });
    if (!result.ok || !result.value.found) return null;
    // Scan drafts hold the state as data (version 2), patched after each scan.
    const { state } = result.value.data as {
      state: { lines: { specNo: string; sns: string[][] }[]; typed: string[][] };
    };
    return {
      lines: state.lines.map((line) => ({ specNo: line.specNo, sns: line.sns.flat() })),
      typed: state.typed.flat(),
    };
  });
  const expected = Array.from({ length: SCANS }, (_, index) => snOf(index));
  expect(saved?.lines).toEqual([{ specNo: 'DFAQT900', sns: expected }]);
  // Not asserted: on a loaded machine Playwright's own key dispatch can stall past the burst threshold, and
  // such an entry is kept (intact) but marked as typed. Printed so a run shows it.
  const typed = saved?.typed.length ?? 0;
  // And what the document will send.
  const shown = await screen.locator('.scan-sn-value').first().textContent();
  expect(shown).toBe(snOf(SCANS - 1));
  console.log(
    `1,000 scans typed in ${(typingMs / 1000).toFixed(1)} s (2 ms per character + Enter); ${typed} marked as typed`,
  );
});
