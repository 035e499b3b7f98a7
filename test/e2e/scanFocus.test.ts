/**
 * Where the focus is when a scanner fires, in real Chromium at 2 ms per character: right after a click on a
 * toolbar button, on the page itself, and arriving mid-burst. No character of a scan may be lost, and a
 * scan whose beginning went elsewhere must never be taken as a shorter code.
 */
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot, startApp } from './app';
import { openScanMode, scan, waitForMessage } from './scanUi';
import { uiTimeoutMs } from './ui';

function lineCodes(screen: Locator): Promise<string[]> {
  return screen.locator('table.scan-lines tbody tr .scan-line-code').allTextContents();
}

function activeLabel(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
}

it('takes the whole code when the scan starts right after a click on a toolbar button', async () => {
  const { page } = await startApp();
  const screen = await openScanMode(page);
  await scan(page, 'DFAQT106');
  await waitForMessage(screen, '已新增第1行：DFAQT106');

  const button = screen.getByRole('button', { name: '扫商家编码新增行' });
  const box = await button.boundingBox();
  if (box === null) throw new Error('the toolbar button is not on screen');
  // The raw mouse, not locator.click(): nothing waits between the click and the first key of the scan.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await scan(page, 'DFAQT107');
  await waitForMessage(screen, '已新增第2行：DFAQT107');
  expect(await activeLabel(page)).toBe('扫码输入');

  // The same with a button that keeps the focus on itself for a moment (撤销上一个 runs an async edit).
  const undo = screen.getByRole('button', { name: '撤销上一个' });
  await undo.focus();
  await scan(page, 'SN1070001');
  await waitForMessage(screen, '第2行 第1个');
  expect(await lineCodes(screen)).toEqual(['DFAQT106', 'DFAQT107']);
  expect(await screen.locator('.scan-sn-value').allTextContents()).toEqual(['SN1070001']);
});

it('takes a scan while the focus is on the page body, and Enter on a button still presses it', async () => {
  const { page } = await startApp();
  const screen = await openScanMode(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await scan(page, 'DFAQT108');
  await waitForMessage(screen, '已新增第1行：DFAQT108');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await scan(page, 'SN1080001');
  await waitForMessage(screen, '第1行 第1个');
  await screenshot(page, '37-scan-from-page-body');

  // A person's Enter on a focused button is not a scan: the button does what it says.
  await screen.getByRole('button', { name: '扫商家编码新增行' }).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => screen.getByRole('button', { name: '扫商家编码新增行' }).getAttribute('aria-pressed'))
    .toBe('true');
});

it('refuses a scan whose first characters went to another window, and takes the rescan', async () => {
  const { page } = await startApp();
  const screen = await openScanMode(page);
  await scan(page, 'DFAQT106');
  await waitForMessage(screen, '已新增第1行');
  // "SN10" was pressed while another window had the focus: only the release of its last key arrives here.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchKeyEvent', {
    type: 'keyUp',
    key: '0',
    code: 'Digit0',
    windowsVirtualKeyCode: 48,
  });
  await scan(page, '60001');
  await waitForMessage(screen, '扫描不完整，请重扫');
  await expect.poll(() => screen.locator('.scan-flash-bad').count()).toBe(1);
  expect(await screen.locator('.scan-sn-value').count()).toBe(0);
  await screenshot(page, '34-scan-incomplete');
  await page.waitForTimeout(50);
  await scan(page, 'SN1060001');
  await waitForMessage(screen, '第1行 第1个');
  expect(await screen.locator('.scan-sn-value').allTextContents()).toEqual(['SN1060001']);
});

it("keeps a scanner's characters in the scan field, which still edits and hints as a text field does, and the app's shortcuts work from it", async () => {
  const { page } = await startApp();
  const screen = await openScanMode(page);
  // What reaches the document from the field. A scanner's characters must stop at the field: past it,
  // React's root listener would run its event plugins for each of them, between keys 2 ms apart.
  await page.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __seen: string[] }).__seen = seen;
    for (const type of ['keydown', 'keypress', 'keyup', 'input', 'beforeinput'])
      document.addEventListener(type, (event) =>
        seen.push(`${type} ${event instanceof KeyboardEvent ? event.key : ''}`.trim()),
      );
  });
  await scan(page, 'DFAQT109');
  await waitForMessage(screen, '已新增第1行：DFAQT109');
  // Typed by hand and corrected: the field still edits as a text field does, and its hint shows
  // whenever it is empty (it is left out while there is text, see hintWhileEmpty.ts).
  const field = screen.getByLabel('扫码输入', { exact: true });
  const hint = () => field.getAttribute('placeholder');
  expect(await hint()).toContain('请扫描条码');
  await page.keyboard.type('S', { delay: 40 });
  expect(await hint()).toBeNull();
  await page.keyboard.press('Backspace');
  expect(await hint()).toContain('请扫描条码');
  await page.keyboard.type('SN1090001X', { delay: 40 });
  await page.keyboard.press('Backspace');
  expect(await field.inputValue()).toBe('SN1090001');
  await page.keyboard.press('Enter');
  await waitForMessage(screen, '第1行 第1个');
  expect(await screen.locator('.scan-sn-value').allTextContents()).toEqual(['SN1090001']);
  expect(await hint()).toContain('请扫描条码');
  const seen = await page.evaluate(() => (globalThis as unknown as { __seen: string[] }).__seen);
  expect(seen).toEqual([
    'keydown Enter',
    'keyup Enter',
    'keydown Backspace',
    'keyup Backspace',
    'keydown Backspace',
    'keyup Backspace',
    'keydown Enter',
    'keyup Enter',
  ]);

  // Alt+2, pressed in the scan field, still opens 外仓快速调拨.
  await page.keyboard.press('Alt+2');
  await page
    .getByRole('heading', { level: 1, name: '外仓快速调拨', exact: true })
    .waitFor({ timeout: uiTimeoutMs });
});
