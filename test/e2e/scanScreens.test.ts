/**
 * The scan views in real Chromium, used the way a warehouse worker uses them: a scanner is a keyboard that
 * types a code at 2 ms per character and presses Enter.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { launchChromiumHost, type ChromiumHost } from '../../src/chromium/host';
import { createTestEncryptor } from '../support/testEncryptor';
import { screenshot, startApp } from './app';
import { openScanMode, scan, UPLOAD_SN, waitForMessage } from './scanUi';
import { openDocument, submit, textOf, typeGridRows, typeHeader, chooseHeader, uiTimeoutMs } from './ui';

const OUTER_OUT = '外仓调整出库单创建';

const ownHosts: ChromiumHost[] = [];
const ownFolders: string[] = [];
afterEach(async () => {
  await Promise.all(ownHosts.splice(0).map((host) => host.close()));
  await Promise.all(ownFolders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** The app on a data folder this test keeps across "restarts". */
async function startOn(dataFolder: string): Promise<ChromiumHost> {
  const host = await launchChromiumHost({
    dataFolder,
    encryptor: createTestEncryptor(),
    headless: true,
    rendererDir: process.env['WDT_RENDERER_DIR'],
  });
  ownHosts.push(host);
  return host;
}

function listedSns(scope: Locator): Promise<string[]> {
  return scope.locator('.scan-sn-value').allTextContents();
}

it('scans an uploadSN document: spec_no selects the line, SNs follow, a duplicate is refused and shown, submit is accepted', async () => {
  const { page } = await startApp();
  const screen = await openScanMode(page);
  await typeHeader(screen, '出库单号', 'CK202607260107');
  await chooseHeader(screen, '单据类型', '调拨出库');
  // A click elsewhere on the scan view hands the focus back to the scan field.
  await screen.locator('.scan-last').click();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
    .toBe('扫码输入');

  await scan(page, 'DFAQT106');
  await waitForMessage(screen, '已新增第1行：DFAQT106');
  for (const sn of ['SN1060001', 'SN1060002', 'SN1060003']) await scan(page, sn);
  await waitForMessage(screen, '（3个）');
  await screen.getByRole('button', { name: '扫商家编码新增行' }).click();
  await scan(page, 'DFAQT107');
  await waitForMessage(screen, '已新增第2行：DFAQT107');
  await scan(page, 'SN1070001');
  await waitForMessage(screen, '第2行 第1个');

  // The same SN again, past the bounce window: refused, and its entry on line 1 is pointed at.
  await page.waitForTimeout(350);
  await scan(page, 'SN1060002');
  await waitForMessage(screen, 'SN 重复：已在第1行 第2个');
  await expect.poll(() => textOf(screen.locator('.scan-sn-highlight .scan-sn-value'))).toBe('SN1060002');
  await expect.poll(() => screen.locator('.scan-flash-dup').count()).toBe(1);
  await screenshot(page, '30-scan-upload-sn-duplicate');

  // Undo takes back the last SN taken (SN1060002 was refused, so it is SN1070001).
  await screen.getByLabel('扫码输入', { exact: true }).press('Control+z');
  await waitForMessage(screen, '已撤销：SN1070001');
  await scan(page, 'SN1070009');
  await waitForMessage(screen, '第2行 第1个');
  expect(await listedSns(screen)).toEqual(['SN1070009']);

  const panel = await submit(screen);
  // An SN push attaches SNs to an existing stock-out: SN已推送, not 已创建 (issue #16).
  expect(await textOf(panel)).toContain('提交成功：SN已推送（出库单 CK202607260107 · 4 个SN）');
  await screenshot(page, '31-scan-upload-sn-submitted');
  // What went out is what was scanned: check the journal's request.
  const sent = page.evaluate(async () => {
    const result = await window.wdt.queryJournal({ methods: ['wms.stockout.Base.uploadSN'] });
    return result.ok ? result.value.entries.length : -1;
  });
  await expect(sent).resolves.toBe(1);
  const already = await page.evaluate(async () => {
    const result = await window.wdt.findSentSns({
      sns: ['SN1060001', 'SN1060002', 'SN1060003', 'SN1070009', 'SN1070001'],
    });
    return result.ok ? [...result.value].sort() : [];
  });
  expect(already).toEqual(['SN1060001', 'SN1060002', 'SN1060003', 'SN1070009']);

  // A new document: an SN the ERP already took is refused with the duplicate tone.
  await expect.poll(() => screen.locator('.scan-lines-empty').count(), { timeout: uiTimeoutMs }).toBe(1);
  await screen.locator('.scan-last').click();
  await scan(page, 'DFAQT108');
  await waitForMessage(screen, '已新增第1行');
  await scan(page, 'SN1060003');
  await waitForMessage(screen, '已在之前的提交中发送过');
});

it('shows the IME banner and takes no scan while a Chinese input method composes', async () => {
  const { page } = await startApp();
  const screen = await openScanMode(page);
  await scan(page, 'DFAQT106');
  await waitForMessage(screen, '已新增第1行');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'sn', selectionStart: 2, selectionEnd: 2 });
  await screen.getByRole('alert').filter({ hasText: '请切换到英文输入法' }).waitFor({ timeout: uiTimeoutMs });
  await page.keyboard.press('Enter');
  await expect.poll(() => screen.locator('.scan-flash-bad').count()).toBe(1);
  await screenshot(page, '32-scan-ime');
  expect(await listedSns(screen)).toEqual([]);
  // Switching the IME off ends the composition.
  await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
  // Back in English: the next scan is taken and the banner goes.
  await page.getByLabel('扫码输入', { exact: true }).fill('');
  await scan(page, 'SN2000001');
  await waitForMessage(screen, '已录入');
  expect(await screen.locator('.scan-ime-banner').count()).toBe(0);
});

it('loses nothing when the app is killed right after a scan', async () => {
  const dataFolder = await mkdtemp(join(tmpdir(), 'wdt-scan-kill-'));
  ownFolders.push(dataFolder);
  const first = await startOn(dataFolder);
  const screen = await openScanMode(first.page);
  await scan(first.page, 'DFAQT301');
  for (const sn of ['KILL0001', 'KILL0002', 'KILL0003']) await scan(first.page, sn);
  await waitForMessage(screen, '第1行 第3个');
  // No flush, no blur, no waiting for the autosave: the window and the core go at once.
  await first.close();

  const second = await startOn(dataFolder);
  const again = await openScanMode(second.page);
  await expect
    .poll(() => listedSns(again), { timeout: uiTimeoutMs })
    .toEqual(['KILL0003', 'KILL0002', 'KILL0001']);
  expect(await textOf(again.locator('.scan-lines tbody'))).toContain('DFAQT301');
});

it('fills an OuterOut line with SNs by scanning, refusing more than its quantity', async () => {
  const { page } = await startApp();
  const screen = await openDocument(page, OUTER_OUT);
  await typeGridRows(page, screen, [['DFAQT201', '2', '', '', '', '', '', '1']]);
  await screen.getByRole('grid').locator('[role="gridcell"][data-row="0"][data-col="0"]').click();
  await screen.getByRole('button', { name: '扫码', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('扫码输入', { exact: true }).waitFor({ timeout: uiTimeoutMs });
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
    .toBe('扫码输入');
  await scan(page, 'OUT0001');
  await scan(page, 'OUT0002');
  await waitForMessage(dialog, '（2/2）');
  await scan(page, 'OUT0003');
  await waitForMessage(dialog, '已扫满 2 个');
  expect(await textOf(dialog.getByLabel('已扫数量'))).toContain('2/2');
  await screenshot(page, '33-scan-outer-out-line');
  await dialog.getByRole('button', { name: '完成' }).click();
  await expect
    .poll(() => textOf(screen.locator('[role="gridcell"][data-row="0"][data-col="8"]')))
    .toBe('2 个');
  const saved = await page.evaluate(async () => {
    const result = await window.wdt.loadDraft({ id: 'doc.wms.outer.OuterOut.createOrder' });
    return result.ok && result.value.found ? JSON.stringify(result.value.data) : '';
  });
  expect(saved).toContain('OUT0001\\nOUT0002');
});

it('lists SNs newest first, and a new scan adds one row without touching the rows already shown', async () => {
  const { page } = await startApp();
  const screen = await openScanMode(page);
  await scan(page, 'DFAQT109');
  await waitForMessage(screen, '已新增第1行：DFAQT109');
  for (const sn of ['SN1090001', 'SN1090002', 'SN1090003']) await scan(page, sn);
  await waitForMessage(screen, '（3个）');
  const rows = screen.locator('.scan-sn-row');
  // Tag the rows on screen: after the next scan the same elements must still be there, unchanged.
  const before = await rows.evaluateAll((elements) =>
    elements.map((element, index) => {
      element.setAttribute('data-probe', String(index));
      return element.getAttribute('style');
    }),
  );

  await scan(page, 'SN1090004');
  await waitForMessage(screen, '（4个）');
  expect(await listedSns(screen)).toEqual(['SN1090004', 'SN1090003', 'SN1090002', 'SN1090001']);
  const after = await rows.evaluateAll((elements) =>
    elements.map((element) => ({
      probe: element.getAttribute('data-probe'),
      style: element.getAttribute('style'),
      top: element.getBoundingClientRect().top,
    })),
  );
  expect(after.map((row) => row.probe)).toEqual([null, '0', '1', '2']);
  expect(after.slice(1).map((row) => row.style)).toEqual(before);
  // Newest on top, one row height apart, the newest at the top of the list box.
  const tops = after.map((row) => row.top);
  expect(tops.slice(1).map((top, index) => top - (tops[index] ?? 0))).toEqual([26, 26, 26]);
  const box = await screen
    .locator('.scan-sn-list')
    .evaluate((element) => element.getBoundingClientRect().top);
  expect(Math.abs((tops[0] ?? 0) - box)).toBeLessThan(2);
});

it('scrolls the SN list to an old entry a duplicate hits, and back to the top for the next new scan', async () => {
  const { page } = await startApp();
  const screen = await openScanMode(page);
  await scan(page, 'DFAQT110');
  await waitForMessage(screen, '已新增第1行：DFAQT110');
  const pasted = Array.from({ length: 100 }, (_, i) => `SN110${String(i + 1).padStart(4, '0')}`);
  await screen.getByRole('button', { name: '粘贴SN' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('textarea').fill(pasted.join('\n'));
  await dialog.getByRole('button', { name: '添加' }).click();
  await expect.poll(() => textOf(screen.getByLabel('已扫数量')), { timeout: uiTimeoutMs }).toContain('100个');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
    .toBe('扫码输入');

  const list = screen.locator('.scan-sn-list');
  const highlighted = screen.locator('.scan-sn-highlight');
  /** Whether the highlighted row lies wholly inside the list's visible box. */
  const highlightInView = async () => {
    const box = await list.boundingBox();
    const row = await highlighted.boundingBox();
    return box !== null && row !== null && row.y >= box.y - 1 && row.y + row.height <= box.y + box.height + 1;
  };

  // The oldest SN is listed last, far below the visible rows.
  await scan(page, 'SN1100001');
  await waitForMessage(screen, '已在第1行 第1个');
  await expect.poll(() => textOf(highlighted.locator('.scan-sn-value'))).toBe('SN1100001');
  await expect.poll(highlightInView).toBe(true);
  expect(await list.evaluate((element) => element.scrollTop)).toBeGreaterThan(1000);

  await scan(page, 'SN1100101');
  await waitForMessage(screen, '（101个）');
  await expect.poll(() => textOf(highlighted.locator('.scan-sn-value'))).toBe('SN1100101');
  await expect.poll(highlightInView).toBe(true);
  expect(await list.evaluate((element) => element.scrollTop)).toBe(0);
});

it('ticks 残次品 in scan mode exactly for the lines that will be sent as defect, however the grid wrote it', async () => {
  const { page } = await startApp();
  const screen = await openDocument(page, UPLOAD_SN);
  // Words a spreadsheet or a person uses for yes and no, typed into 是否残次品.
  await typeGridRows(page, screen, [
    ['DFAQT301', 'Y'],
    ['DFAQT302', '√'],
    ['DFAQT303', '否'],
    ['DFAQT304', ''],
  ]);
  await screen.getByRole('button', { name: '扫码模式' }).click();
  const ticked = (line: number) => screen.getByLabel(`第${line}行是否残次品`).isChecked();
  await expect.poll(() => screen.locator('table.scan-lines tbody tr').count()).toBe(4);
  expect([await ticked(1), await ticked(2), await ticked(3), await ticked(4)]).toEqual([
    true,
    true,
    false,
    false,
  ]);
});
