/**
 * Excel import as a warehouse clerk does it: pick a real spreadsheet (written by LibreOffice) in the import
 * dialog, read the problems by row, download the error report, then bring the rows into the grid.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { screenshot, startApp } from './app';
import { gridCellText, gridRowCount, openDocument, textOf, uiTimeoutMs } from './ui';

const fixtures = resolve('test/fixtures/import');

it('imports a spreadsheet with bad rows into the grid, with the problems listed and an error report', async () => {
  const { page } = await startApp();
  const screen = await openDocument(page, '外仓调整出库单创建');

  await screen.getByRole('button', { name: '导入 Excel' }).click();
  const dialog = page.getByRole('dialog', { name: '导入单据明细 · 外仓调整出库单创建' });
  await dialog.locator('input[type="file"]').setInputFiles(join(fixtures, 'lines.xlsx'));
  const summary = dialog.getByRole('status');
  await summary.getByText('发现 5 个问题').waitFor({ timeout: uiTimeoutMs });
  expect(await textOf(summary)).toBe(
    'lines.xlsx（工作表「明细」，表头在第2行）：读取 9 行明细，发现 5 个问题',
  );
  const problems = dialog.getByRole('table').locator('tbody tr');
  expect(await problems.count()).toBe(5);
  expect(await problems.nth(1).locator('td').allTextContents()).toEqual(['6', '数 量', '数量 必须是整数']);
  // Sheet row 8 repeats 00123 from row 3 with another batch and expiry: the ERP may accept that (a
  // setting decides), so it is not an import problem; the document screen shows a notice instead.
  expect(await problems.nth(3).locator('td').allTextContents()).toEqual([
    '9',
    '备注',
    '合并单元格 D9:D10：请取消合并，并在每一行分别填写',
  ]);
  await screenshot(page, '30-import-problems');

  // The error report: the sheet as it was, plus 行号 and 错误原因, ready to be fixed in Excel.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: uiTimeoutMs }),
    dialog.getByRole('button', { name: '导出错误报告' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('lines-错误报告.xlsx');
  // Playwright keeps the file in its own temporary folder until the browser closes.
  const workbook = XLSX.read(await readFile(await download.path()), { type: 'buffer' });
  const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
  if (!sheet) throw new Error('the error report has no sheet');
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { defval: '' });
  expect(Object.keys(rows[0] ?? {}).slice(-2)).toEqual(['行号', '错误原因']);
  expect(rows.map((row) => row['行号'])).toEqual([3, 4, 6, 7, 8, 9, 10, 11, 12]);
  const sameProduct = rows.find((row) => row['行号'] === 8);
  expect(sameProduct?.['错误原因']).toBe('');
  expect(rows.find((row) => row['行号'] === 6)?.['错误原因']).toContain('【数 量】数量 必须是整数');
  expect(rows.find((row) => row['行号'] === 3)?.['错误原因']).toBe('');

  // Rows with problems still come in, so they can be fixed in the grid; the problems follow them.
  await dialog.getByRole('button', { name: '导入（替换）' }).click();
  await dialog.waitFor({ state: 'detached', timeout: uiTimeoutMs });
  await expect.poll(() => gridRowCount(screen), { timeout: uiTimeoutMs }).toBe(9);
  expect(await gridCellText(screen, 0, 0)).toBe('00123');
  expect(await gridCellText(screen, 1, 0)).toBe('6901234567890');
  const problemPanel = screen.getByText(/^导入：/);
  await expect.poll(() => problemPanel.count(), { timeout: uiTimeoutMs }).toBeGreaterThanOrEqual(5);
  // The button also shows its shortcut (Ctrl+Enter) after the count.
  expect(await textOf(screen.locator('.submit-button'))).toMatch(/^还有 \d+ 个问题\s*Ctrl\+Enter$/);
  // The import's notice is on screen, and it does not cover the submit button.
  await page.getByRole('status').getByText('已导入 9 行').waitFor({ timeout: uiTimeoutMs });
  await screen.locator('.submit-button').click({ trial: true, timeout: 2_000 });

  // A GB18030 CSV appended below: Chinese intact, leading zeros kept.
  await screen.getByRole('button', { name: '导入 Excel' }).click();
  await dialog.locator('input[type="file"]').setInputFiles(join(fixtures, 'gb18030.csv'));
  await dialog.getByRole('status').getByText('读取 3 行明细').waitFor({ timeout: uiTimeoutMs });
  await dialog.getByRole('button', { name: '导入（追加）' }).click();
  await expect.poll(() => gridRowCount(screen), { timeout: uiTimeoutMs }).toBe(12);
  expect(await gridCellText(screen, 9, 0)).toBe('00123');
  expect(await gridCellText(screen, 9, 3)).toBe('中文备注，带逗号');
});
