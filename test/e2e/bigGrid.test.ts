/**
 * A 10,000-row paste from Excel: every row arrives, the totals follow, the keyboard reaches the last row,
 * and the grid keeps only the visible rows in the page (virtualized), so an old PC stays responsive.
 */
import { expect, it } from 'vitest';
import { startApp } from './app';
import { openDocument, uiTimeoutMs } from './ui';

const rowCount = 10_000;

it('takes a 10,000-row paste from Excel and stays virtualized', async () => {
  const { page } = await startApp();
  const screen = await openDocument(page, '外仓快速调拨');
  const grid = screen.getByRole('grid');
  await grid.locator('[data-row="0"][data-col="0"]').click();

  // What Excel puts on the clipboard: tab-separated cells, CRLF rows.
  const block = Array.from(
    { length: rowCount },
    (_, i) => `SKU-${String(i + 1).padStart(5, '0')}\t${(i % 7) + 1}`,
  ).join('\r\n');
  await grid.evaluate((element, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const target = element.querySelector('input.grid-input') ?? element;
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, block);

  const expectedQuantity = Array.from({ length: rowCount }, (_, i) => (i % 7) + 1).reduce((a, b) => a + b, 0);
  await expect
    .poll(() => screen.locator('.grid-totals').textContent(), { timeout: uiTimeoutMs })
    .toContain(`共 ${rowCount} 行`);
  expect(await screen.locator('.grid-totals').textContent()).toContain(String(expectedQuantity));

  const renderedRows = await grid.locator('[data-row][data-col="0"]').count();
  expect(renderedRows).toBeGreaterThan(5);
  expect(renderedRows).toBeLessThan(200);

  await page.keyboard.press('ControlOrMeta+End');
  await expect
    .poll(() => grid.locator(`[data-row="${rowCount - 1}"][data-col="0"]`).textContent(), {
      timeout: uiTimeoutMs,
    })
    .toContain('SKU-10000');
});
