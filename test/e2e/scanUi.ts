/** The uploadSN scan view as the e2e tests drive it: a scanner types a code at 2 ms per character, then Enter. */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openScreen, textOf, uiTimeoutMs } from './ui';

export const UPLOAD_SN = '出库SN明细推送';

export function uploadScreen(page: Page): Locator {
  return page
    .locator('.doc-screen')
    .filter({ has: page.getByRole('heading', { level: 1, name: UPLOAD_SN, exact: true }) });
}

export async function openScanMode(page: Page): Promise<Locator> {
  await openScreen(page, UPLOAD_SN);
  const screen = uploadScreen(page);
  await screen.getByRole('button', { name: '扫码模式' }).click();
  await screen.getByLabel('扫码输入', { exact: true }).waitFor({ timeout: uiTimeoutMs });
  return screen;
}

/** One scan as a USB scanner sends it. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 2 });
  await page.keyboard.press('Enter');
}

export function lastMessage(scope: Locator): Promise<string> {
  return textOf(scope.locator('.scan-last-message'));
}

export async function waitForMessage(scope: Locator, text: string): Promise<void> {
  await expect.poll(() => lastMessage(scope), { timeout: uiTimeoutMs }).toContain(text);
}
