/**
 * Entry at warehouse speed, keyboard only: opening a document puts the cursor in its first header field,
 * F6 goes to the grid, Enter after a row returns to 商家编码 on the next one, Ctrl+Z undoes a paste and a
 * row delete without touching the header, Ctrl+Enter submits. Sideways, 商家编码 stays in sight; a hidden
 * column stays hidden after a reload. Screenshots at 1024×768, 1366×768 and 1920×1080.
 */
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot, startApp } from './app';
import {
  chooseHeader,
  documentScreen,
  gridCellText,
  gridRowCount,
  headerValue,
  openDocument,
  uiTimeoutMs,
} from './ui';
import { outerOutSpec, outerTransferSpec } from '../../src/shared/documents';
import { headerControlId } from '../../src/renderer/features/documents/fieldText';

/** [row, data-col] of the focused grid cell (data-col is the spec's column index), or null. */
function focusedCell(screen: Locator): Promise<readonly [number, number] | null> {
  return screen.getByRole('grid').evaluate((grid) => {
    const cell = document.activeElement?.closest('[role="gridcell"]');
    if (!(cell instanceof HTMLElement) || !grid.contains(cell)) return null;
    return [Number(cell.dataset['row']), Number(cell.dataset['col'])] as const;
  });
}

function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

async function pasteIntoGrid(screen: Locator, text: string): Promise<void> {
  await screen.getByRole('grid').evaluate((element, block) => {
    const data = new DataTransfer();
    data.setData('text/plain', block);
    const target = element.querySelector('input.grid-input') ?? element;
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

it('types, undoes and submits from the keyboard alone', async () => {
  const { page } = await startApp();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('navigation', { name: '功能' }).waitFor({ timeout: uiTimeoutMs });

  // Alt+2 opens 外仓快速调拨 with the cursor in its first header field.
  await page.keyboard.press('Alt+2');
  await documentScreen(page, outerTransferSpec.title);
  const transferFirst = outerTransferSpec.header[0]?.key ?? '';
  await expect
    .poll(() => focusedId(page), { timeout: uiTimeoutMs })
    .toBe(headerControlId(outerTransferSpec.method, transferFirst));

  // Alt+1: 外仓调整出库单创建, cursor in 仓库编号; typing lands there without a click.
  await page.keyboard.press('Alt+1');
  const screen = await documentScreen(page, outerOutSpec.title);
  await expect
    .poll(() => focusedId(page), { timeout: uiTimeoutMs })
    .toBe(headerControlId(outerOutSpec.method, 'warehouse_no'));
  await page.keyboard.type('WH-SH01');
  await screen.getByRole('form').getByLabel('备注', { exact: true }).fill('月底盘亏');
  await chooseHeader(screen, '是否审核', '否');

  // F6 jumps to the grid; two rows typed with Tab and Enter, Enter returning to 商家编码 each time.
  await page.keyboard.press('F6');
  await expect.poll(() => focusedCell(screen), { timeout: uiTimeoutMs }).toEqual([0, 0]);
  await page.keyboard.type('DFAQT101');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedCell(screen), { timeout: uiTimeoutMs }).toEqual([1, 0]);
  await page.keyboard.type('DFAQT102');
  await page.keyboard.press('Tab');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedCell(screen), { timeout: uiTimeoutMs }).toEqual([2, 0]);
  expect(await gridCellText(screen, 1, 0)).toBe('DFAQT102');
  expect(await gridCellText(screen, 1, 1)).toBe('3');

  // A pasted block, then Ctrl+Z: the block is gone, the typed rows and the header stay.
  await pasteIntoGrid(screen, 'DFAQT201\t5\r\nDFAQT202\t6\r\n');
  await expect.poll(() => gridCellText(screen, 3, 0), { timeout: uiTimeoutMs }).toBe('DFAQT202');
  await page.keyboard.press('Control+z');
  await expect.poll(() => gridRowCount(screen), { timeout: uiTimeoutMs }).toBe(2);
  expect(await gridCellText(screen, 2, 0)).toBe('');

  // Delete row 1, undo: it is back in its place. Ctrl+Y redoes the delete, Ctrl+Z undoes it again.
  await screen.getByRole('grid').locator('[data-row="0"][data-col="0"]').click();
  await page.keyboard.press('Control+Delete');
  await expect.poll(() => gridCellText(screen, 0, 0), { timeout: uiTimeoutMs }).toBe('DFAQT102');
  await page.keyboard.press('Control+z');
  await expect.poll(() => gridCellText(screen, 0, 0), { timeout: uiTimeoutMs }).toBe('DFAQT101');
  await page.keyboard.press('Control+y');
  await expect.poll(() => gridCellText(screen, 0, 0), { timeout: uiTimeoutMs }).toBe('DFAQT102');
  await page.keyboard.press('Control+z');
  await expect.poll(() => gridCellText(screen, 0, 0), { timeout: uiTimeoutMs }).toBe('DFAQT101');
  expect(await gridCellText(screen, 1, 0)).toBe('DFAQT102');
  // The header was never part of it.
  expect(await headerValue(screen, '仓库编号')).toBe('WH-SH01');
  expect(await headerValue(screen, '备注')).toBe('月底盘亏');
  // Undo cannot go past what the grid did: 仓库编号 and 备注 are still there after more Ctrl+Z.
  for (let i = 0; i < 8; i++) await page.keyboard.press('Control+z');
  expect(await headerValue(screen, '仓库编号')).toBe('WH-SH01');
  expect(await headerValue(screen, '备注')).toBe('月底盘亏');
  await expect.poll(() => gridCellText(screen, 0, 0), { timeout: uiTimeoutMs }).toBe('');
  // Redo all of it, the row delete last: the grid is as it was before the final undo of the delete.
  for (let i = 0; i < 8; i++) await page.keyboard.press('Control+y');
  await expect.poll(() => gridCellText(screen, 0, 0), { timeout: uiTimeoutMs }).toBe('DFAQT102');
  expect(await gridCellText(screen, 0, 1)).toBe('3');
  await page.keyboard.press('Control+z');
  await expect.poll(() => gridCellText(screen, 1, 1), { timeout: uiTimeoutMs }).toBe('3');

  // The button shows the shortcut; Ctrl+Enter submits from inside the grid.
  await expect.poll(() => screen.locator('.submit-button').textContent()).toContain('Ctrl+Enter');
  await screenshot(page, 'grid-keys-1366x768');
  await page.keyboard.press('Control+Enter');
  const panel = screen.locator('.result');
  await panel.waitFor({ timeout: uiTimeoutMs });
  await screenshot(page, 'grid-keys-submitted-1366x768');
});

it('keeps 商家编码 in sight sideways and remembers hidden columns', async () => {
  const { page } = await startApp();
  await page.setViewportSize({ width: 1024, height: 768 });
  let screen = await openDocument(page, '采购单新建');
  const grid = screen.getByRole('grid');
  const heads = await grid.getByRole('columnheader').allTextContents();
  // Order of use: the price right after the quantity, the custom properties last.
  expect(heads.slice(1, 4).map((text) => text.replace('*', ''))).toEqual([
    '商家编码',
    '采购数量',
    '税前单价',
  ]);
  expect(heads[heads.length - 1]).toContain('自定义属性4');

  await grid.locator('[data-row="0"][data-col="0"]').click();
  await page.keyboard.type('DFAQT104');
  await grid.evaluate((element) => {
    element.scrollLeft = element.scrollWidth;
  });
  const offset = await grid.evaluate((element) => {
    const cell = element.querySelector('[data-row="0"][data-col="0"]');
    if (element.scrollLeft <= 0 || !(cell instanceof HTMLElement)) return -1;
    return cell.getBoundingClientRect().left - element.getBoundingClientRect().left;
  });
  // Right of the 52px row number, however far the grid scrolled.
  expect(offset).toBeGreaterThanOrEqual(50);
  expect(offset).toBeLessThan(60);
  await expect.poll(() => gridCellText(screen, 0, 0)).toBe('DFAQT104');
  await screenshot(page, 'grid-sticky-1024x768');

  // Hide 自定义属性1 from the column menu; it stays hidden after a reload.
  await screen.getByRole('button', { name: /^列设置/ }).click();
  await screen.getByRole('group', { name: '显示的列' }).getByLabel('自定义属性1').uncheck();
  await expect.poll(() => grid.getByRole('columnheader', { name: '自定义属性1' }).count()).toBe(0);
  await page.keyboard.press('Escape');
  await page.reload();
  screen = await openDocument(page, '采购单新建');
  await expect.poll(() => screen.getByRole('grid').getByRole('columnheader').count()).toBe(heads.length - 1);
  expect(await screen.getByRole('grid').getByRole('columnheader', { name: '自定义属性1' }).count()).toBe(0);
  expect(await screen.getByRole('grid').getByRole('columnheader', { name: '自定义属性2' }).count()).toBe(1);

  for (const [width, height] of [
    [1024, 768],
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `grid-columns-${width}x${height}`);
  }
});
