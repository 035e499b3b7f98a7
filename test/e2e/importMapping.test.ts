/**
 * A supplier's sheet headed in its own words (编码 / 品名 / 件数 / 备注说明, written by LibreOffice): the
 * import is not a dead end. The clerk maps the columns once, with a preview; the next file from the same
 * source imports at once.
 */
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { screenshot, startApp } from './app';
import { gridCellText, gridRowCount, openDocument, textOf, uiTimeoutMs } from './ui';

const fixtures = resolve('test/fixtures/import');
const TITLE = '采购退货出库单新建';

it('maps a sheet’s own headers once, with a preview, and remembers them for the next file', async () => {
  const { page } = await startApp();
  const screen = await openDocument(page, TITLE);

  await screen.getByRole('button', { name: '导入 Excel' }).click();
  const dialog = page.getByRole('dialog', { name: `导入采购退货出库单明细信息 · ${TITLE}` });
  await dialog.locator('input[type="file"]').setInputFiles(join(fixtures, 'supplier-own-headers.xlsx'));
  const mapper = dialog.getByRole('region', { name: '指定各列对应的字段' });
  await mapper.waitFor({ timeout: uiTimeoutMs });
  expect(await textOf(mapper)).toContain('保温杯');
  await mapper.getByLabel('「编码」对应的字段').selectOption({ label: '单品信息（必填）' });
  await mapper.getByLabel('「件数」对应的字段').selectOption({ label: '出库数量（必填）' });
  await screenshot(page, '38-import-column-mapping');
  await mapper.getByRole('button', { name: '按此对应重新读取' }).click();
  await dialog.getByRole('button', { name: '导入（替换）' }).click();
  await dialog.waitFor({ state: 'detached', timeout: uiTimeoutMs });
  await expect.poll(() => gridRowCount(screen), { timeout: uiTimeoutMs }).toBe(2);
  expect(await gridCellText(screen, 0, 0)).toBe('S-01');

  // The same supplier's next file (same headers, here as CSV): no mapping asked.
  await screen.getByRole('button', { name: '导入 Excel' }).click();
  await dialog.locator('input[type="file"]').setInputFiles(join(fixtures, 'supplier-own-headers.csv'));
  await dialog.getByRole('button', { name: '导入（替换）' }).waitFor({ timeout: uiTimeoutMs });
  expect(await dialog.getByRole('region', { name: '指定各列对应的字段' }).count()).toBe(0);
  await dialog.getByRole('button', { name: '导入（替换）' }).click();
  await dialog.waitFor({ state: 'detached', timeout: uiTimeoutMs });
  await expect.poll(() => gridRowCount(screen), { timeout: uiTimeoutMs }).toBe(2);
  expect(await gridCellText(screen, 1, 0)).toBe('S-02');
});
