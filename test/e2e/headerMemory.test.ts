/**
 * Remembered headers and forms that wait for the user (issue #16), in the 练习环境: an 外仓调整出库单 sent
 * twice keeps its warehouse and gets a new 外部单号 with nothing shouting 不能为空; the warehouse sent before is
 * offered as 最近使用; with 保留表头 off everything clears; a date typed as 2026/12/1 becomes the vendor's
 * form; 新增配置 and the top bar's 操作人 put the cursor where the typing belongs.
 */
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot, startApp } from './app';
import {
  chooseHeader,
  headerValue,
  openDocument,
  openScreen,
  submit,
  textOf,
  typeGridRows,
  typeHeader,
  uiTimeoutMs,
} from './ui';

const SIZES = [
  [1024, 768],
  [1366, 768],
  [1920, 1080],
] as const;

/** What the 问题 panel lists, one message a problem. */
function panelMessages(screen: Locator): Promise<string[]> {
  return screen.getByRole('region', { name: '问题列表' }).locator('.problem-message').allTextContents();
}

/** The messages under the header's boxes (不能为空 and the like), '' when there are none. */
async function headerMessageText(screen: Locator): Promise<string> {
  const texts = await screen.getByRole('form').locator('.field-message').allTextContents();
  return texts.join(' / ');
}

async function shootAllSizes(page: Page, name: string): Promise<void> {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

async function sendStockOut(page: Page, screen: Locator): Promise<string> {
  await typeGridRows(page, screen, [['DFAQT101', '1']]);
  const panel = await submit(screen);
  expect(await textOf(panel)).toContain('提交成功');
  return textOf(panel);
}

it('keeps the repeating header values, offers recent ones, reads typed dates and focuses forms', async () => {
  const { page } = await startApp();
  await page.setViewportSize({ width: 1366, height: 768 });
  const screen = await openDocument(page, '外仓调整出库单创建');
  const form = screen.getByRole('form');
  const keep = screen.getByRole('checkbox', { name: '保留表头' });
  await expect.poll(() => keep.isChecked(), { timeout: uiTimeoutMs }).toBe(true);

  // A fresh document is not red, and the 问题 panel agrees: it lists nothing yet (the check has run: it
  // says the required fields wait), and the button invites a submit rather than counting.
  const panel = screen.getByRole('region', { name: '问题列表' });
  await expect
    .poll(() => textOf(panel), { timeout: uiTimeoutMs })
    .toContain('未填的必填项在离开该处或按 提交 时列出');
  await expect.poll(() => panelMessages(screen)).toEqual([]);
  await expect.poll(() => headerMessageText(screen)).toBe('');
  await expect.poll(() => textOf(screen.locator('.submit-button'))).toMatch(/^提交/);
  await shootAllSizes(page, '59-fresh-quiet');

  // Leaving the empty 仓库编号 says what is missing there, and only there, under the box and in the panel.
  await form.getByLabel('仓库编号', { exact: true }).click();
  await page.keyboard.press('Tab');
  await expect.poll(() => headerMessageText(screen)).toBe('仓库编号 不能为空');
  await expect.poll(() => panelMessages(screen)).toEqual(['仓库编号 不能为空']);
  await expect.poll(() => textOf(screen.locator('.submit-button'))).toMatch(/^还有 1 个问题/);

  // 提交 sends nothing yet: it lists every problem, marks every field, and leads to the first one.
  await screen.locator('.submit-button').click();
  await expect
    .poll(() => panelMessages(screen))
    .toEqual(['仓库编号 不能为空', '是否审核 不能为空', '单据明细 至少需要一行']);
  await expect.poll(() => headerMessageText(screen)).toBe('仓库编号 不能为空 / 是否审核 不能为空');
  await expect.poll(() => textOf(screen.locator('.submit-button'))).toMatch(/^还有 3 个问题/);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field') ?? ''))
    .toBe('warehouse_no');

  await typeHeader(screen, '仓库编号', 'WH-SH01');
  await typeHeader(screen, '备注', '月底盘亏出库');
  await chooseHeader(screen, '是否审核', '否');
  const firstNo = await headerValue(screen, '外部单号');
  await sendStockOut(page, screen);

  // The next document: same warehouse and 是否审核, a new 外部单号, no remark, nothing red.
  await expect.poll(() => headerValue(screen, '仓库编号'), { timeout: uiTimeoutMs }).toBe('WH-SH01');
  expect(await headerValue(screen, '是否审核')).toBe('no');
  expect(await headerValue(screen, '备注')).toBe('');
  const secondNo = await headerValue(screen, '外部单号');
  expect(secondNo).not.toBe(firstNo);
  expect(secondNo).not.toBe('');
  expect(await headerMessageText(screen)).toBe('');
  // The new document is quiet again: the last one's 提交 revealed nothing on this one.
  await expect.poll(() => textOf(panel), { timeout: uiTimeoutMs }).toContain('未填的必填项在离开该处');
  expect(await panelMessages(screen)).toEqual([]);
  await shootAllSizes(page, '60-header-kept');

  // 最近使用: the box emptied offers what was sent before; ↓ Enter takes it.
  const warehouse = form.getByLabel('仓库编号', { exact: true });
  await warehouse.click();
  await warehouse.press('ControlOrMeta+a');
  await warehouse.press('Delete');
  const list = page.getByRole('listbox');
  await expect.poll(() => textOf(list), { timeout: uiTimeoutMs }).toContain('WH-SH01');
  expect(await textOf(list)).toContain('最近使用');
  await screenshot(page, '61-header-recent');
  await warehouse.press('ArrowDown');
  await warehouse.press('Enter');
  expect(await headerValue(screen, '仓库编号')).toBe('WH-SH01');

  // 保留表头 off: after the next success the whole header starts afresh (but for the generated number).
  await keep.uncheck();
  await sendStockOut(page, screen);
  await expect.poll(() => headerValue(screen, '仓库编号'), { timeout: uiTimeoutMs }).toBe('');
  expect(await headerValue(screen, '是否审核')).toBe('');
  expect(await headerMessageText(screen)).toBe('');
  // A click in the emptied box offers last time's warehouse again.
  await warehouse.click();
  await expect.poll(() => textOf(list), { timeout: uiTimeoutMs }).toContain('WH-SH01');
  await warehouse.press('Escape');
  await keep.check();

  // Dates: typed as people type them, in the vendor's form once the box is left; the picker writes it too.
  const order = await openDocument(page, '采购单新建');
  // The one warehouse a purchase order asked for twice is typed once.
  await typeHeader(order, '收货仓编号', 'WH-SH01');
  await page.keyboard.press('Tab');
  await expect.poll(() => headerValue(order, '预计入库仓库编号')).toBe('WH-SH01');
  const expected = order.getByRole('form').getByLabel('预计到货时间', { exact: true });
  await expected.click();
  await expected.pressSequentially('2026/12/1');
  await page.keyboard.press('Tab');
  expect(await headerValue(order, '预计到货时间')).toBe('2026-12-01 00:00:00');
  await order.getByRole('form').getByLabel('预计到货时间：日历').fill('2026-12-02T08:30');
  expect(await headerValue(order, '预计到货时间')).toBe('2026-12-02 08:30:00');
  await expect(order.getByRole('button', { name: '选择预计到货时间' }).isVisible()).resolves.toBe(true);
  await shootAllSizes(page, '62-header-date');

  // 新增配置: what is typed next is the profile's name.
  await openScreen(page, '设置');
  await page.getByRole('button', { name: '新增配置' }).click();
  await page.keyboard.type('仓库二号机');
  expect(await page.locator('#profile-name').inputValue()).toBe('仓库二号机');
  expect(await page.locator('#pref-operator').inputValue()).not.toContain('仓库二号机');
  await screenshot(page, '63-new-profile-focus');

  // The top bar's 操作人 leads to the operator box, from any screen.
  await openScreen(page, '外仓调整出库单创建');
  await page.getByRole('button', { name: /^操作人/ }).click();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id ?? ''), { timeout: uiTimeoutMs })
    .toBe('pref-operator');
}, 180_000);
