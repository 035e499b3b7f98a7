/**
 * 提交记录 as a supervisor uses it: find a submission by SN, narrow to refusals, export what is shown, and
 * start a new draft from an earlier document. The submissions are made through the app core (typing them
 * is covered by documents.test.ts); everything after that goes through the screen.
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { ChromiumHost } from '../../src/chromium/host';
import { screenshot, startApp } from './app';
import {
  gridCellText,
  gridRowCount,
  headerValue,
  documentScreen,
  openScreen,
  textOf,
  uiTimeoutMs,
} from './ui';

const trusted = { trustedSender: true } as const;

/** Submits through the core as the screen would; returns the journal id of the send. */
async function send(
  core: ChromiumHost['core'],
  method: string,
  header: Record<string, unknown>,
  lines: Record<string, unknown>[],
  confirmedPriorIds?: string[],
): Promise<string> {
  const result = await core.dispatch(
    'submitDocument',
    {
      method,
      draftId: `seed-${method}`,
      draft: { header, lines },
      ...(confirmedPriorIds ? { confirmedPriorIds } : {}),
    },
    trusted,
  );
  if (!result.ok) throw new Error(result.error.message);
  const value = result.value;
  if (
    typeof value === 'object' &&
    value !== null &&
    'entry' in value &&
    typeof value.entry === 'object' &&
    value.entry !== null &&
    'id' in value.entry &&
    typeof value.entry.id === 'string'
  ) {
    return value.entry.id;
  }
  throw new Error(`not sent: ${JSON.stringify(value)}`);
}

it('finds, filters, exports and copies submissions on the log screen', async () => {
  const { page, core } = await startApp();
  const outerOut = 'wms.outer.OuterOut.createOrder';
  const header = { warehouse_no: 'WH-SH01', order_no: 'WD-LOG-0001', remark: '日志测试', is_check: false };
  const first = await send(core, outerOut, header, [{ spec_no: 'DFAQT101', num: '2' }]);
  // The same external number again, confirmed by the user: the ERP refuses the duplicate.
  await send(core, outerOut, header, [{ spec_no: 'DFAQT109', num: '1' }], [first]);
  await send(core, 'wms.stockout.Base.uploadSN', { stockout_no: 'CK202607260099', order_type: 21 }, [
    { spec_no: 'DFAQT106', sn_list: 'SN-LOG-0001\nSN-LOG-0002' },
  ]);

  await openScreen(page, '提交记录');
  const entries = page.getByRole('listbox', { name: '提交记录列表' }).getByRole('option');
  const total = page.locator('.log-total');
  await expect.poll(() => entries.count(), { timeout: uiTimeoutMs }).toBe(3);
  const filters = page.getByRole('search', { name: '筛选提交记录' });

  // An SN finds the push that carried it.
  await filters.getByRole('searchbox').fill('SN-LOG-0002');
  await filters.getByRole('searchbox').press('Enter');
  await expect.poll(() => textOf(total), { timeout: uiTimeoutMs }).toBe('共 1 条');
  expect(await textOf(entries)).toContain('出库SN明细推送');
  // 业务单号 as people say it, never a raw key; an SN push is 已推送, not 已创建.
  expect(await textOf(entries)).toContain('出库单 CK202607260099 · 2 个SN');
  expect(await textOf(entries)).toContain('SN已推送');
  expect(await textOf(entries)).not.toContain('stockout_no:');

  // Only the refusals: the duplicate external number, with the ERP's own words in the detail.
  await filters.getByRole('button', { name: '重置筛选' }).click();
  await expect.poll(() => textOf(total), { timeout: uiTimeoutMs }).toBe('共 3 条');
  await filters.getByLabel('结果').selectOption({ label: '被拒绝' });
  await expect.poll(() => textOf(total), { timeout: uiTimeoutMs }).toBe('共 1 条');
  expect(await textOf(entries)).toContain('被拒绝');
  await entries.dblclick();
  const detail = page.getByRole('region', { name: '记录详情' });
  await detail.getByText('外部单号重复').first().waitFor({ timeout: uiTimeoutMs });
  await screenshot(page, '22-log-refused');

  // The export holds what the filter shows.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: uiTimeoutMs }),
    page.getByRole('button', { name: '导出', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = XLSX.read(await readFile(await download.path()), { type: 'buffer' });
  const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
  if (!sheet) throw new Error('the export has no sheet');
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { defval: '' });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ 单据类型: '外仓调整出库单创建', 结果: '被拒绝', 账号配置: '练习环境' });
  // The business key as people say it, and a second sheet with one row per line sent.
  expect(rows[0]).toMatchObject({ 业务单号: '外部单号 WD-LOG-0001' });
  expect(workbook.SheetNames).toEqual(['提交记录', '明细']);
  const lineSheet = workbook.Sheets['明细'];
  if (!lineSheet) throw new Error('the export has no line sheet');
  const lineRows = XLSX.utils.sheet_to_json<Record<string, unknown>>(lineSheet, { defval: '' });
  expect(lineRows).toEqual([
    expect.objectContaining({
      单据: '外仓调整出库单创建',
      结果: '被拒绝',
      业务单号: '外部单号 WD-LOG-0001',
      行号: 1,
      商家编码: 'DFAQT109',
      数量: '1',
    }),
  ]);

  // 复制为新单据 from the accepted one: a new draft on its screen, with a new external number.
  await filters.getByLabel('结果').selectOption({ label: '已创建 / SN已推送' });
  await expect.poll(() => textOf(total), { timeout: uiTimeoutMs }).toBe('共 2 条');
  await entries.filter({ hasText: '外仓调整出库单创建' }).dblclick();
  await detail.getByText('WD-LOG-0001').first().waitFor({ timeout: uiTimeoutMs });
  await detail.getByRole('button', { name: '复制为新单据' }).click();
  const screen = await documentScreen(page, '外仓调整出库单创建');
  await expect.poll(() => headerValue(screen, '仓库编号'), { timeout: uiTimeoutMs }).toBe('WH-SH01');
  expect(await headerValue(screen, '备注')).toBe('日志测试');
  // Never the used number again; OuterOut copies get a fresh generated one (so 核对 can find them).
  const copiedNumber = await headerValue(screen, '外部单号');
  expect(copiedNumber).not.toBe('WD-LOG-0001');
  expect(copiedNumber).toMatch(/^WD\d{14}[0-9A-Z]{3}$/);
  expect(await gridRowCount(screen)).toBe(1);
  expect(await gridCellText(screen, 0, 0)).toBe('DFAQT101');
  expect(await gridCellText(screen, 0, 1)).toBe('2');
});
