/**
 * A product's code scanned in SN mode, in real Chromium at 2 ms per character: with the profile's SN shape
 * set, it is not stored as an SN; the worker answers with one key.
 */
import { expect, it } from 'vitest';
import { screenshot, startApp } from './app';
import { openScanMode, scan, waitForMessage } from './scanUi';
import { openScreen, textOf, uiTimeoutMs } from './ui';

it('asks about a second product scanned in SN mode, and 2 adds its line; 1 takes an odd SN', async () => {
  const { page } = await startApp();
  // The practice profile's SNs look like SN + 7 digits (set here as a clerk would in 设置).
  await openScreen(page, '设置');
  await page.getByLabel('限定 SN 格式').check();
  await page.getByLabel('最短长度').fill('9');
  await page.getByLabel('最长长度').fill('9');
  await page.getByLabel('格式（正则表达式，可留空）').fill('SN[0-9]{7}');
  await page.getByRole('button', { name: '保存 SN 格式' }).click();
  await page.getByText('SN 格式已保存').waitFor({ timeout: uiTimeoutMs });
  await screenshot(page, '35-settings-sn-shape');

  const screen = await openScanMode(page);
  await scan(page, 'DFAQT106');
  await waitForMessage(screen, '已新增第1行：DFAQT106');
  await scan(page, 'SN1060001');
  await waitForMessage(screen, '第1行 第1个');

  // The next product, scanned without 扫商家编码新增行 first.
  await scan(page, 'DFAQT107');
  const question = screen.getByRole('alert', { name: '请确认扫描内容' });
  await question.waitFor({ timeout: uiTimeoutMs });
  expect(await textOf(question)).toContain('DFAQT107');
  await expect.poll(() => screen.locator('.scan-flash-ask').count()).toBe(1);
  await screenshot(page, '36-scan-not-an-sn');
  expect(await screen.locator('.scan-sn-value').allTextContents()).toEqual(['SN1060001']);

  await page.waitForTimeout(400);
  await page.keyboard.press('2');
  await waitForMessage(screen, '已新增第2行：DFAQT107');
  await scan(page, 'SN1070001');
  await waitForMessage(screen, '第2行 第1个');

  // An SN of another shape: the worker says it is an SN after all.
  await scan(page, 'LEGACY-77');
  await question.waitFor({ timeout: uiTimeoutMs });
  await page.waitForTimeout(400);
  await page.keyboard.press('1');
  await waitForMessage(screen, '第2行 第2个');
  expect(await screen.locator('.scan-sn-value').allTextContents()).toEqual(['LEGACY-77', 'SN1070001']);
  expect(await question.count()).toBe(0);
});
