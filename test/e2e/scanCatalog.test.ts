/**
 * Product barcodes in the scan views after a catalog sync (issue #15, "a barcode scanned where a spec_no is
 * expected"), in real Chromium at 2 ms per character against the practice ERP's master data: a product's
 * barcode selects or adds the line of its spec_no, in SN mode too, with the barcode shown; it is never
 * stored as an SN.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { practiceMasterData } from '../../src/main/wdt/simulated-erp/masterData/index';
import { screenshot, startApp } from './app';
import { lastMessage, openScanMode, scan, waitForMessage } from './scanUi';
import { openDocument, openScreen, textOf, typeGridRows, uiTimeoutMs } from './ui';

const OUTER_OUT = '外仓调整出库单创建';
/** A full sync of the practice ERP walks six years in 30-day windows. */
const syncTimeoutMs = 120_000;

/** The practice ERP's main barcode (主条码) of a spec, read from its master data, not written down here. */
function barcodeOf(specNo: string): string {
  for (const goods of practiceMasterData().goods)
    for (const spec of goods.specs)
      if (spec.specNo === specNo && spec.barcodes[0] !== undefined) return spec.barcodes[0];
  throw new Error(`the practice ERP has no barcode for ${specNo}`);
}

/** The goods and spec names the practice ERP gives a spec, as the catalog labels it. */
function nameOf(specNo: string): string {
  for (const goods of practiceMasterData().goods)
    for (const spec of goods.specs)
      if (spec.specNo === specNo)
        return [goods.goodsName, spec.specName].filter((name) => name !== '').join(' ');
  throw new Error(`the practice ERP has no spec ${specNo}`);
}

/** 设置 → 商品目录 → 完整同步, as a clerk does once, and wait for it to finish. */
async function syncCatalog(page: Page): Promise<void> {
  await openScreen(page, '设置');
  const panel = page.locator('section.catalog-panel');
  const start = panel.getByRole('button', { name: '完整同步' });
  await expect.poll(() => start.isEnabled(), { timeout: uiTimeoutMs }).toBe(true);
  await start.click();
  await panel.getByText('同步完成').waitFor({ timeout: syncTimeoutMs });
}

it('selects or adds the line of a barcode’s spec_no in the uploadSN scan mode, in SN mode too', async () => {
  const { page } = await startApp();
  await syncCatalog(page);
  const screen = await openScanMode(page);
  const listedSns = () => screen.locator('.scan-sn-value').allTextContents();
  const lineCodes = () => screen.locator('table.scan-lines tbody tr .scan-line-code').allTextContents();

  // The empty document expects a product: its barcode adds the line of its spec_no.
  await scan(page, barcodeOf('DFAQT106'));
  await waitForMessage(screen, `已新增第1行：DFAQT106（条码 ${barcodeOf('DFAQT106')}）`);
  await scan(page, 'SN1060001');
  await waitForMessage(screen, '第1行 第1个');

  // SN mode: the next product's barcode, scanned without 扫商家编码新增行, adds its line; no SN, no question.
  await scan(page, barcodeOf('DFAQT101'));
  await waitForMessage(screen, `已新增第2行：DFAQT101（条码 ${barcodeOf('DFAQT101')}）`);
  expect(await screen.getByRole('alert', { name: '请确认扫描内容' }).count()).toBe(0);
  await screenshot(page, '38-scan-barcode-adds-line');
  await scan(page, 'SN1010001');
  await waitForMessage(screen, '第2行 第1个');

  // The first product's barcode again: back to its line, where the next SN goes.
  await scan(page, barcodeOf('DFAQT106'));
  await waitForMessage(screen, `已切换到第1行：DFAQT106（条码 ${barcodeOf('DFAQT106')}）`);
  await scan(page, 'SN1060002');
  await waitForMessage(screen, '第1行 第2个');

  expect(await lineCodes()).toEqual(['DFAQT106', 'DFAQT101']);
  // Each line names its product from the catalog, beside the code.
  const names = () => screen.locator('table.scan-lines tbody tr .scan-line-name').allTextContents();
  await expect.poll(names, { timeout: uiTimeoutMs }).toEqual([nameOf('DFAQT106'), nameOf('DFAQT101')]);
  expect(await listedSns()).toEqual(['SN1060002', 'SN1060001']);
  const saved = await page.evaluate(async () => {
    const result = await window.wdt.loadDraft({ id: 'doc.wms.stockout.Base.uploadSN' });
    return result.ok && result.value.found ? JSON.stringify(result.value.data) : '';
  });
  expect(saved).not.toContain(barcodeOf('DFAQT101'));
});

it('finds the line of a scanned barcode in the OuterOut line scan dialog, and never takes one as an SN', async () => {
  const { page } = await startApp();
  await syncCatalog(page);
  const screen = await openDocument(page, OUTER_OUT);
  await typeGridRows(page, screen, [
    ['DFAQT106', '2', '', '', '', '', '', '1'],
    ['DFAQT101', '2', '', '', '', '', '', '1'],
  ]);
  await screen.getByRole('grid').locator('[role="gridcell"][data-row="0"][data-col="0"]').click();
  await screen.getByRole('button', { name: '扫码', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('扫码输入', { exact: true }).waitFor({ timeout: uiTimeoutMs });
  await scan(page, 'OUT1060001');
  await waitForMessage(dialog, '第1行 第1个');

  await scan(page, barcodeOf('DFAQT101'));
  await waitForMessage(dialog, `已切换到第2行：DFAQT101（条码 ${barcodeOf('DFAQT101')}）（0/2）`);
  await scan(page, 'OUT1010001');
  await waitForMessage(dialog, '第2行 第1个');
  expect(await textOf(dialog.getByLabel('已扫数量'))).toContain('1/2');
  await screenshot(page, '39-scan-outer-out-barcode');

  // A product the document has no SN row for: refused with its own tone, not stored.
  await scan(page, barcodeOf('DFAQT102'));
  await waitForMessage(dialog, '是商品 DFAQT102 的条码，不是 SN');
  await expect.poll(() => dialog.locator('.scan-flash-ask').count()).toBe(1);
  expect(await lastMessage(dialog)).toContain('未录入');

  await scan(page, barcodeOf('DFAQT106'));
  await waitForMessage(dialog, '已切换到第1行：DFAQT106');
  await dialog.getByRole('button', { name: '完成' }).click();
  const saved = await page.evaluate(async () => {
    const result = await window.wdt.loadDraft({ id: 'doc.wms.outer.OuterOut.createOrder' });
    return result.ok && result.value.found ? JSON.stringify(result.value.data) : '';
  });
  expect(saved).toContain('OUT1060001');
  expect(saved).toContain('OUT1010001');
  expect(saved).not.toContain(barcodeOf('DFAQT102'));
});
