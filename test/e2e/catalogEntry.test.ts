/**
 * The local catalog where codes are typed (issue #14), in the 练习环境 after a sync from the practice ERP:
 * 商家编码 by a name fragment with ↓ Enter, a barcode typed and one scanned (2 ms per character + Enter)
 * becoming its spec_no with the barcode still shown, a warehouse by its name, and an unknown code that gets
 * a notice yet still submits.
 */
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { practiceMasterData } from '../../src/main/wdt/simulated-erp/masterData';
import { screenshot, startApp } from './app';
import { chooseHeader, openDocument, openScreen, submit, textOf, typeHeader, uiTimeoutMs } from './ui';

/** The practice ERP's barcodes are generated from a fixed seed: the same in this process as in the app's. */
function barcodeOf(specNo: string): string {
  const spec = practiceMasterData()
    .goods.flatMap((goods) => goods.specs)
    .find((candidate) => candidate.specNo === specNo);
  const barcode = spec?.barcodes[0];
  if (barcode === undefined) throw new Error(`${specNo} has no barcode in the practice data`);
  return barcode;
}

async function syncCatalog(page: Page): Promise<void> {
  const started = await page.evaluate(() => window.wdt.syncCatalog({ mode: 'full' }));
  expect(started.ok).toBe(true);
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const answer = await window.wdt.catalogStatus(undefined);
          return answer.ok
            ? `${answer.value.sync?.state ?? 'none'}:${answer.value.counts.specs > 0}`
            : 'failed';
        }),
      { timeout: 90_000, interval: 500 },
    )
    .toBe('done:true');
}

function cell(screen: Locator, row: number, col: number): Locator {
  return screen.getByRole('grid').locator(`[role="gridcell"][data-row="${row}"][data-col="${col}"]`);
}

function nameIn(screen: Locator, row: number): Promise<string> {
  return textOf(cell(screen, row, 0).getByTestId('grid-code-name'));
}

function codeIn(screen: Locator, row: number): Promise<string> {
  return cell(screen, row, 0).evaluate((element) => {
    const input = element.querySelector('input');
    return input ? input.value : (element.querySelector('.grid-cell-text')?.textContent ?? '');
  });
}

it('fills codes from the catalog by name, barcode and scan, with names beside them, and never blocks', async () => {
  const { page } = await startApp({ timeoutMs: 120_000 });
  await page.setViewportSize({ width: 1366, height: 768 });
  await syncCatalog(page);
  const screen = await openDocument(page, '外仓调整出库单创建');
  const suggestions = page.getByRole('listbox', { name: '目录中的选项' });

  // A warehouse by part of its name: ↓ Enter takes the first choice, its name shows under the box.
  const warehouse = screen.getByRole('form').getByLabel('仓库编号', { exact: true });
  await warehouse.click();
  await warehouse.press('ControlOrMeta+a');
  await warehouse.pressSequentially('兰州', { delay: 40 });
  await suggestions.waitFor({ timeout: uiTimeoutMs });
  const firstWarehouse = await textOf(
    suggestions.getByRole('option').first().locator('.catalog-suggestion-code'),
  );
  const firstWarehouseName = await textOf(
    suggestions.getByRole('option').first().locator('.catalog-suggestion-label'),
  );
  expect(firstWarehouseName).toContain('兰州');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => warehouse.inputValue()).toBe(firstWarehouse);
  expect(await suggestions.count()).toBe(0);
  await expect
    .poll(() => textOf(screen.getByTestId('header-code-name').first()), { timeout: uiTimeoutMs })
    .toBe(firstWarehouseName);
  await chooseHeader(screen, '源单类型', '调整出库');
  await chooseHeader(screen, '是否审核', '否');

  // 商家编码 by a name fragment: the list shows code, name and spec; ↓ Enter takes the highlighted one.
  await cell(screen, 0, 0).click();
  await page.keyboard.type('安全帽', { delay: 40 });
  await suggestions.waitFor({ timeout: uiTimeoutMs });
  expect(await suggestions.getByRole('option').count()).toBeGreaterThan(1);
  expect(await suggestions.getByRole('option').count()).toBeLessThanOrEqual(8);
  const chosen = await textOf(suggestions.getByRole('option').first().locator('.catalog-suggestion-code'));
  await screenshot(page, '60-catalog-grid-suggestions');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => codeIn(screen, 0)).toBe(chosen);
  await expect.poll(() => nameIn(screen, 0), { timeout: uiTimeoutMs }).toContain('防护安全帽');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');

  // A barcode typed by hand, then Enter: it becomes its spec_no, and the barcode stays in sight.
  const typedBarcode = barcodeOf('DFAQT102');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  await page.keyboard.type(typedBarcode);
  await page.keyboard.press('Tab');
  await page.keyboard.type('1');
  await expect.poll(() => codeIn(screen, 1), { timeout: uiTimeoutMs }).toBe('DFAQT102');
  await expect.poll(() => nameIn(screen, 1), { timeout: uiTimeoutMs }).toContain(`条码 ${typedBarcode}`);
  await expect.poll(() => nameIn(screen, 1), { timeout: uiTimeoutMs }).toContain('防护安全帽 ABS 红色');

  // A scanner's burst: 2 ms per character and Enter. No suggestion is taken; the barcode becomes DFAQT103.
  const scannedBarcode = barcodeOf('DFAQT103');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  await page.keyboard.type(scannedBarcode, { delay: 2 });
  await page.keyboard.press('Enter');
  await expect.poll(() => codeIn(screen, 2), { timeout: uiTimeoutMs }).toBe('DFAQT103');
  await expect.poll(() => nameIn(screen, 2), { timeout: uiTimeoutMs }).toContain(`条码 ${scannedBarcode}`);
  // Enter moved down as it always did, and no list popped up after the burst.
  await page.waitForTimeout(400);
  expect(await suggestions.count()).toBe(0);
  await cell(screen, 2, 1).click();
  await page.keyboard.type('1');

  // A code the catalog lacks: a notice with the problems, and the document still submits.
  await cell(screen, 3, 0).click();
  await page.keyboard.type('ZZ-NOT-IN-CATALOG');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  const problems = screen.getByRole('region', { name: '问题列表' });
  await expect
    .poll(() => textOf(problems), { timeout: uiTimeoutMs })
    .toContain('第4行 · 商家编码目录中没有这个商家编码：可能拼错，或目录未同步');
  await screenshot(page, '61-catalog-names-and-notice');

  await page.setViewportSize({ width: 1024, height: 768 });
  await warehouse.click();
  await warehouse.press('ControlOrMeta+a');
  await warehouse.pressSequentially('WH', { delay: 40 });
  await suggestions.waitFor({ timeout: uiTimeoutMs });
  const box = await suggestions.boundingBox();
  expect(box).not.toBeNull();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1024);
  await screenshot(page, '62-catalog-warehouse-1024');
  // Escape closes the list and keeps what was typed.
  await page.keyboard.press('Escape');
  expect(await suggestions.count()).toBe(0);
  await warehouse.press('ControlOrMeta+a');
  await warehouse.pressSequentially(firstWarehouse);
  await page.keyboard.press('Enter');
  expect(await warehouse.inputValue()).toBe(firstWarehouse);

  const panel = await submit(screen);
  expect(await textOf(panel)).toContain('提交成功：外仓调整出库单创建已创建');

  // The log's detail names the codes that were sent.
  await page.setViewportSize({ width: 1366, height: 768 });
  await openScreen(page, '提交记录');
  const entries = page.getByRole('listbox', { name: '提交记录列表' }).getByRole('option');
  await expect.poll(() => entries.count(), { timeout: uiTimeoutMs }).toBe(1);
  await entries.first().dblclick();
  const sentNames = page
    .getByRole('region', { name: '记录详情' })
    .getByRole('region', { name: '编码对应的名称' });
  await expect
    .poll(() => textOf(sentNames), { timeout: uiTimeoutMs })
    .toContain('DFAQT102防护安全帽 ABS 红色');
  expect(await textOf(sentNames)).toContain('ZZ-NOT-IN-CATALOG目录中没有');
  expect(await textOf(sentNames)).toContain(`仓库编号${firstWarehouse}${firstWarehouseName}`);
  await screenshot(page, '63-catalog-log-names');
});

function headerName(page: Page, screen: Locator, label: string): Locator {
  // `has` is queried inside each .field, so the label's control is found from the page, not the screen.
  return screen
    .getByRole('form')
    .locator('.field')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .getByTestId('header-code-name');
}

it('completes purchasers and warehouse lists, warns of a purchaser without the role, and names codes in 预览', async () => {
  const { page } = await startApp({ timeoutMs: 120_000 });
  await page.setViewportSize({ width: 1024, height: 768 });
  await syncCatalog(page);
  const screen = await openDocument(page, '采购单新建');
  const suggestions = page.getByRole('listbox', { name: '目录中的选项' });
  const form = screen.getByRole('form');

  // An employee without the 采购员 role, typed in full: kept as typed, with the warning beside it.
  await typeHeader(screen, '采购员', '小敏');
  await page.keyboard.press('Tab');
  await expect
    .poll(() => textOf(headerName(page, screen, '采购员')), { timeout: uiTimeoutMs })
    .toBe('赵敏 · 该员工没有采购员工种');
  await expect
    .poll(() => textOf(screen.getByRole('region', { name: '问题列表' })), { timeout: uiTimeoutMs })
    .toContain('新建参数 · 采购员该员工没有采购员工种');

  // A purchaser by name: ↓ Enter.
  await typeHeader(screen, '采购员', '李军');
  await suggestions.waitFor({ timeout: uiTimeoutMs });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => form.getByLabel('采购员', { exact: true }).inputValue()).toBe('lj');
  await expect.poll(() => textOf(headerName(page, screen, '采购员')), { timeout: uiTimeoutMs }).toBe('李军');

  // Several 收货仓: the list completes the one being typed after the comma; Tab takes it and moves on.
  await typeHeader(screen, '收货仓编号', 'lz,上海一号');
  await suggestions.waitFor({ timeout: uiTimeoutMs });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await expect.poll(() => form.getByLabel('收货仓编号', { exact: true }).inputValue()).toBe('lz,WH-SH01');
  await expect
    .poll(() => textOf(headerName(page, screen, '收货仓编号')), { timeout: uiTimeoutMs })
    .toBe('兰州主仓、上海一号仓');

  await typeHeader(screen, '供应商编号', 'LCJtest');
  await typeHeader(screen, '预计入库仓库编号', 'lz');
  await page.keyboard.press('Tab');
  await screen.getByRole('grid').locator('[role="gridcell"][data-row="0"][data-col="0"]').click();
  await page.keyboard.type('hcf');
  await page.keyboard.press('Tab');
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await expect
    .poll(() => textOf(headerName(page, screen, '供应商编号')), { timeout: uiTimeoutMs })
    .toBe('LCJtest');
  await screenshot(page, '64-catalog-purchase-order-1024');

  await screen.getByRole('button', { name: '预览' }).click();
  const previewNames = page.getByRole('dialog').getByRole('region', { name: '编码对应的名称' });
  await expect.poll(() => textOf(previewNames), { timeout: uiTimeoutMs }).toContain('商家编码hcf黑茶饼 357g');
  expect(await textOf(previewNames)).toContain('采购员lj李军');
  await screenshot(page, '65-catalog-preview-1024');
});
