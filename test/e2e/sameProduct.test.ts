/**
 * One product on several lines, as the real ERP takes it: identical lines are an error with a one-click
 * 合并; the same product in another batch is only a notice, and the practice ERP answers by its settings.
 */
import { expect, it } from 'vitest';
import { screenshot, startApp } from './app';
import {
  chooseHeader,
  gridCellText,
  gridRowCount,
  openDocument,
  openScreen,
  submit,
  textOf,
  typeGridRows,
  typeHeader,
  uiTimeoutMs,
} from './ui';

const OUTER_OUT = '外仓调整出库单创建';
// 商家编码, 数量, 辅助单位, 备注, 是否残次品, 批次编号
const rows = [
  ['DFAQT101', '2'],
  ['DFAQT101', '3'],
  ['DFAQT101', '1', '', '', '', 'B2'],
] as const;

it('merges identical lines in one click, sends one product in two batches, and explains the ERP setting', async () => {
  const { page } = await startApp();
  const screen = await openDocument(page, OUTER_OUT);
  await typeHeader(screen, '仓库编号', 'WH-SH01');
  await chooseHeader(screen, '是否审核', '否');
  await typeGridRows(page, screen, rows);

  const problems = screen.getByRole('region', { name: '问题列表' });
  await expect.poll(() => textOf(problems), { timeout: uiTimeoutMs }).toContain('允许添加相同的货品');
  expect(await problems.getByRole('button', { name: '合并', exact: true }).count()).toBe(1);
  await screenshot(page, '15-same-product-merge');
  await problems.getByRole('button', { name: '合并', exact: true }).click();
  await expect.poll(() => gridRowCount(screen), { timeout: uiTimeoutMs }).toBe(2);
  expect(await gridCellText(screen, 0, 1)).toBe('5');
  expect(await gridCellText(screen, 1, 5)).toBe('B2');

  // The batch line is a notice, not an error: the document goes, and the practice ERP (with the setting
  // ticked, as it starts) takes it.
  const accepted = await submit(screen);
  expect(await textOf(accepted)).toContain('提交成功');

  // With 允许添加相同的货品 off, the ERP refuses the same document, and the app says which setting.
  await openScreen(page, '设置');
  await page.getByRole('button', { name: '编辑' }).first().click();
  const allowSame = page.getByLabel('允许添加相同的货品（货位、批次、有效期不同）');
  await allowSame.uncheck();
  await expect.poll(() => allowSame.isChecked()).toBe(false);
  const again = await openDocument(page, OUTER_OUT);
  await typeHeader(again, '仓库编号', 'WH-SH01');
  await chooseHeader(again, '是否审核', '否');
  await typeGridRows(page, again, [rows[0], rows[2]]);
  const refused = await submit(again);
  const text = await textOf(refused);
  expect(text).toContain('货品列表中有相同商家编码的货品');
  expect(text).toContain('允许添加相同的货品');
  await screenshot(page, '16-same-product-refused');
});
