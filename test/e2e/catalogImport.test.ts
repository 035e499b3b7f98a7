/**
 * A seller whose API account may not query goods fills the catalog from the ERP's goods-list export: 设置 →
 * 商品目录 → 从文件导入, a GBK CSV with several barcodes in a cell and a spec on two rows, a confirmation that
 * names what is replaced, and the panel's counts afterwards.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { gbkBytes } from '../shared/import/catalogFiles';
import { screenshot, startApp } from './app';
import { openScreen, textOf, uiTimeoutMs } from './ui';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

const csv = [
  '商家编码,货品名称,规格名称,条码',
  'E-01,保温杯,红色,"6911111111116,6911111111123"',
  'E-01,保温杯,红色,6911111111130',
  'E-02,水杯,蓝色,6922222222229',
  ',没有编码,,6933333333332',
  'E-03,毛巾,,',
].join('\n');

it('imports a goods-list file in 设置 and shows the catalog’s new counts', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'wdt-catalog-file-'));
  folders.push(folder);
  const file = join(folder, '货品列表.csv');
  await writeFile(file, gbkBytes(csv));

  const { page } = await startApp();
  await openScreen(page, '设置');
  const panel = page.getByRole('region', { name: '商品目录' });
  await panel.getByRole('button', { name: '从文件导入…' }).click();
  const dialog = page.getByRole('dialog', { name: '从文件导入商品目录' });
  await dialog.locator('input[type="file"]').setInputFiles(file);

  const summary = dialog.getByRole('status').first();
  await expect.poll(() => textOf(summary), { timeout: uiTimeoutMs }).toContain('3 个商家编码');
  expect(await textOf(dialog)).toContain('商家编码 不能为空');

  await dialog.getByRole('button', { name: '替换目录中的商品…' }).click();
  expect(await textOf(dialog)).toContain(
    '将用文件中的 3 个商家编码替换目录中的商品，仓库、供应商和员工保持不变（有问题的 1 行不导入）。',
  );
  await screenshot(page, '60-catalog-import-confirm');
  await dialog.getByRole('button', { name: '确认替换' }).click();
  await expect
    .poll(() => textOf(dialog), { timeout: uiTimeoutMs })
    .toContain('已导入 3 个商家编码、4 个条码。');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await dialog.waitFor({ state: 'detached', timeout: uiTimeoutMs });

  const counts = panel.getByLabel('目录内容');
  const count = (label: string) =>
    counts.locator('div').filter({ hasText: label }).locator('dd').textContent();
  await expect.poll(() => count('商品规格'), { timeout: uiTimeoutMs }).toBe('3');
  expect(await count('条码')).toBe('4');
  expect(await textOf(panel)).toContain('从文件导入');
  await screenshot(page, '61-catalog-imported');
});
