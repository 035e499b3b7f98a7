/**
 * 设置 → 商品目录 with the practice profile: a full sync started from the keyboard fills the counts while
 * the progress shows what is being read, and a second sync can be cancelled, keeping what was read.
 */
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot, startApp } from './app';
import { openScreen } from './ui';

/** A full sync of the practice catalog reads years of 30-day windows for each source. */
const syncTimeoutMs = 90_000;
/** Main's answers that wait for the practice ERP to start or a page to end: generous on a busy 2-core machine. */
const mainTimeoutMs = 30_000;

function catalogSection(page: Page): Locator {
  return page.getByRole('region', { name: '商品目录' });
}

async function count(section: Locator, label: string): Promise<number> {
  const text = await section
    .locator('.catalog-counts > div')
    .filter({ hasText: label })
    .locator('dd')
    .textContent();
  return Number((text ?? '').replace(/,/g, ''));
}

it('syncs the practice catalog from 设置, shows counts and progress, and cancels a sync', async () => {
  const { page } = await startApp();
  await openScreen(page, '设置');
  const section = catalogSection(page);
  await section.scrollIntoViewIfNeeded();
  // The catalog opens in a worker thread after the window is up.
  await expect.poll(() => section.getByText('来源：').count(), { timeout: mainTimeoutMs }).toBe(1);
  expect(await count(section, '商品规格')).toBe(0);
  await expect.poll(() => section.textContent()).toContain('还没有内容');
  // Nothing to continue from yet: an incremental sync needs a full one first.
  expect(await section.getByRole('button', { name: '增量同步' }).isDisabled()).toBe(true);

  // The start date is a keyboard-editable date field with a default several years back.
  const since = section.getByLabel('起始日期');
  expect(await since.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await since.fill('2023-01-01');
  await section.getByRole('button', { name: '完整同步' }).focus();
  await page.keyboard.press('Enter');

  const progress = section.locator('.catalog-progress');
  await expect
    .poll(() => progress.textContent(), { timeout: mainTimeoutMs })
    .toMatch(/完整同步：正在同步|同步完成/);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'catalog-sync-running-1366');
  await expect.poll(() => progress.textContent(), { timeout: syncTimeoutMs }).toContain('同步完成');

  expect(await count(section, '商品规格')).toBeGreaterThan(100);
  expect(await count(section, '条码')).toBeGreaterThan(100);
  expect(await count(section, '仓库')).toBeGreaterThanOrEqual(8);
  expect(await count(section, '采购员')).toBeGreaterThan(0);
  expect(await section.textContent()).toContain('从 ERP 同步');
  expect(await progress.textContent()).toContain('货品与条码：已读');
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'catalog-synced-1366');

  // A new full sync from further back, cancelled while it runs: the counts read before stay.
  const specs = await count(section, '商品规格');
  await since.fill('2021-01-01');
  await section.getByRole('button', { name: '完整同步' }).click();
  const cancel = section.getByRole('button', { name: '取消同步' });
  await cancel.waitFor({ timeout: mainTimeoutMs });
  await cancel.click();
  await expect.poll(() => progress.textContent(), { timeout: mainTimeoutMs }).toContain('同步已取消');
  expect(await section.getByRole('button', { name: '取消同步' }).count()).toBe(0);
  expect(await count(section, '商品规格')).toBeGreaterThanOrEqual(specs);

  await page.setViewportSize({ width: 1024, height: 768 });
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'catalog-cancelled-1024');
  // Nothing of the section sticks out at the narrower window.
  const overflow = await section.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}, 150_000);
