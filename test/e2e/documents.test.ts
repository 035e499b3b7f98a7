/**
 * First start, as a new user meets the app: the 练习环境 profile is active, each of the five documents is
 * typed in and submitted, the ERP's number (or its acknowledgement) appears, and 提交记录 lists all five.
 * One app instance for the whole journey, as a person would use it.
 */
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot, startApp } from './app';
import {
  chooseHeader,
  gridRowCount,
  headerValue,
  openDocument,
  openScreen,
  submit,
  textOf,
  typeGridRows,
  typeHeader,
  uiTimeoutMs,
} from './ui';
import { TRANSFER_REFERENCE_PLACEHOLDER } from '../../src/shared/transferReference';

interface Journey {
  readonly title: string;
  readonly shot: string;
  /** Fills the header; returns the document number the ERP must answer with, when it is known ahead. */
  fillHeader(screen: Locator): Promise<string | undefined>;
  readonly rows: readonly (readonly string[])[];
  /** The document number the ERP chose, when the app did not choose it. */
  readonly numberPattern?: RegExp;
}

/** A number made by 生成单号: "WD", local yyyyMMddHHmmss, three base-36 characters. */
const generatedNumber = /^WD\d{14}[0-9A-Z]{3}$/;

/**
 * Clicks 生成单号 next to the external-number field and returns the number it put there. The field may
 * already hold one (OuterOut starts with a generated number), so wait for the click's new number.
 */
async function generateNumber(screen: Locator, label: string): Promise<string> {
  const before = await headerValue(screen, label);
  await screen.getByRole('form').getByRole('button', { name: '生成单号' }).click();
  await expect.poll(() => headerValue(screen, label)).not.toBe(before);
  const number = await headerValue(screen, label);
  expect(number).toMatch(generatedNumber);
  return number;
}

const journeys: readonly Journey[] = [
  {
    title: '外仓调整出库单创建',
    shot: '10-outer-out',
    async fillHeader(screen) {
      // A new OuterOut document starts with a generated number, so 核对 can always find it.
      await expect.poll(() => headerValue(screen, '外部单号')).toMatch(generatedNumber);
      await typeHeader(screen, '仓库编号', 'WH-SH01');
      await typeHeader(screen, '备注', '月底盘亏出库');
      await chooseHeader(screen, '源单类型', '调整出库');
      await chooseHeader(screen, '是否审核', '否');
      return generateNumber(screen, '外部单号');
    },
    // 商家编码, 数量, 辅助单位, 备注, 是否残次品
    rows: [
      ['DFAQT101', '2', '个'],
      ['DFAQT102', '3', '', '外箱破损', '是'],
    ],
  },
  {
    title: '外仓快速调拨',
    shot: '11-outer-transfer',
    async fillHeader(screen) {
      await chooseHeader(screen, '创建模式', '快速审核');
      await typeHeader(screen, '调出仓库', 'WH-SH01');
      await typeHeader(screen, '调入仓库', 'WH-BJ02');
      await chooseHeader(screen, '调拨方案', '外仓单品调拨（出+入）');
      return undefined;
    },
    // 商家编码, 调拨数量
    rows: [['DFAQT101', '1.5']],
    numberPattern: /^TF\d+$/,
  },
  {
    title: '采购退货出库单新建',
    shot: '12-purchase-return',
    async fillHeader(screen) {
      await typeHeader(screen, '采购退货单号', 'CGTH-R-0001');
      await typeHeader(screen, '仓库编号', 'WH-SH01');
      await chooseHeader(screen, '创建模式', '已审核');
      return undefined;
    },
    // 单品信息, 出库数量, 采购单位
    rows: [['DFAQT103', '4', '箱']],
    numberPattern: /^CGTH\d{12}$/,
  },
  {
    title: '采购单新建',
    shot: '13-purchase-order',
    async fillHeader(screen) {
      await typeHeader(screen, '供应商编号', 'GYS001');
      await typeHeader(screen, '收货仓编号', 'WH-SH01');
      await typeHeader(screen, '预计入库仓库编号', 'WH-SH01');
      await typeHeader(screen, '采购员', '李四');
      // 付款方式 is one of the rarely used fields folded behind 更多.
      await screen.getByRole('button', { name: /^更多字段/ }).click();
      await chooseHeader(screen, '付款方式', '现付');
      await typeHeader(screen, '预计到货时间', '2026-07-10 10:35:00');
      return generateNumber(screen, '采购单编号');
    },
    // 商家编码, 采购数量, 税前单价 (the grid shows the price next to the quantity)
    rows: [
      ['DFAQT104', '10', '12.5'],
      ['DFAQT105', '20'],
    ],
  },
  {
    title: '出库SN明细推送',
    shot: '14-upload-sn',
    async fillHeader(screen) {
      await typeHeader(screen, '出库单号', 'CK202607260007');
      await chooseHeader(screen, '单据类型', '调拨出库');
      return undefined;
    },
    // 商家编码, 是否残次品, sn列表
    rows: [
      ['DFAQT106', '', 'SN0001\nSN0002'],
      ['DFAQT107', '否', 'SN0003'],
    ],
  },
];

/** Opens 预览 and returns the argument array it shows, parsed. */
async function previewArgs(page: Page, screen: Locator, shot: string): Promise<unknown> {
  await screen.getByRole('button', { name: '预览' }).click();
  const dialog = page.getByRole('dialog', { name: /^预览：/ });
  // The exact arguments sit under a toggle for support; the dialog itself shows the form and table.
  await dialog.getByText('原始内容').click();
  const json = dialog.getByLabel('参数预览');
  await json.waitFor({ timeout: uiTimeoutMs });
  await screenshot(page, shot);
  const args: unknown = JSON.parse((await json.textContent()) ?? '');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', timeout: uiTimeoutMs });
  return args;
}

interface Submitted {
  readonly number: string | undefined;
  readonly previewed: unknown;
}

async function fillAndSubmit(page: Page, journey: Journey): Promise<Submitted> {
  const screen = await openDocument(page, journey.title);
  const expectedNumber = await journey.fillHeader(screen);
  await typeGridRows(page, screen, journey.rows);
  await expect.poll(() => gridRowCount(screen), { timeout: uiTimeoutMs }).toBe(journey.rows.length);
  await screenshot(page, journey.shot);
  const previewed = await previewArgs(page, screen, `${journey.shot}-preview`);

  const panel = await submit(screen);
  await screenshot(page, `${journey.shot}-result`);
  if (journey.title !== '出库SN明细推送') {
    expect(await textOf(panel)).toContain(`提交成功：${journey.title}已创建`);
  }
  if (journey.title === '出库SN明细推送') {
    // An SN push attaches SNs to an existing stock-out: it says so, not 已创建 (issue #16).
    expect(await textOf(panel)).toContain('提交成功：SN已推送（出库单 ');
    // uploadSN answers with an acknowledgement only: no number to show.
    expect(await textOf(panel)).toContain('ERP 已接收（该接口不返回单据编号）');
    expect(await panel.locator('output').count()).toBe(0);
    return { number: undefined, previewed };
  }
  const shown = await textOf(panel.locator('output'));
  if (expectedNumber !== undefined) expect(shown).toBe(expectedNumber);
  if (journey.numberPattern) expect(shown).toMatch(journey.numberPattern);
  // A created document leaves an empty screen for the next one.
  await expect.poll(() => gridRowCount(screen), { timeout: uiTimeoutMs }).toBe(0);
  return { number: shown, previewed };
}

it('types, submits and logs each of the five documents on the practice profile', async () => {
  const { page } = await startApp();
  const topBar = page.getByRole('banner', { name: '当前配置' });
  await topBar.getByText('练习环境').first().waitFor({ timeout: uiTimeoutMs });

  const numbers: string[] = [];
  const previews = new Map<string, unknown>();
  for (const journey of journeys) {
    const { number, previewed } = await fillAndSubmit(page, journey);
    if (number !== undefined) numbers.push(number);
    previews.set(journey.title, previewed);
  }
  expect(new Set(numbers).size).toBe(4);
  // What 预览 showed for the first document, typed by hand above.
  expect(previews.get('外仓调整出库单创建')).toEqual([
    {
      warehouse_no: 'WH-SH01',
      remark: '月底盘亏出库',
      order_no: numbers[0],
      src_order_type: 0,
    },
    [
      { spec_no: 'DFAQT101', num: 2, aux_unit_name: '个' },
      { spec_no: 'DFAQT102', num: 3, remark: '外箱破损', defect: true },
    ],
    false,
  ]);
  // SNs typed one per line in the SN editor go out as arrays.
  expect(previews.get('出库SN明细推送')).toEqual([
    { stockout_no: 'CK202607260007', order_type: 2 },
    [
      { spec_no: 'DFAQT106', sn_list: ['SN0001', 'SN0002'] },
      { spec_no: 'DFAQT107', defect: false, sn_list: ['SN0003'] },
    ],
  ]);

  await openScreen(page, '提交记录');
  const log = page.getByRole('listbox', { name: '提交记录列表' });
  const entries = log.getByRole('option');
  await expect.poll(() => entries.count(), { timeout: uiTimeoutMs }).toBe(5);
  expect(await textOf(page.locator('.log-total'))).toBe('共 5 条');
  const rows = await Promise.all((await entries.all()).map((entry) => textOf(entry)));
  for (const journey of journeys) {
    const row = rows.find((text) => text.includes(journey.title));
    expect(row, journey.title).toBeDefined();
    expect(row).toContain(journey.title === '出库SN明细推送' ? 'SN已推送' : '已创建');
    expect(row).toContain('练习');
  }
  for (const number of numbers) expect(rows.some((text) => text.includes(number))).toBe(true);
  await screenshot(page, '20-log');

  // Each entry's detail holds exactly what 预览 showed before sending.
  const detail = page.getByRole('region', { name: '记录详情' });
  for (const journey of journeys) {
    await entries.filter({ hasText: journey.title }).dblclick();
    await detail.getByText(journey.title, { exact: true }).waitFor({ timeout: uiTimeoutMs });
    const sentText = (await detail.getByLabel('请求内容').textContent()) ?? '';
    // The transfer's 核对 reference exists only once the send is journaled: the preview shows a placeholder.
    const reference = /#[0-9A-HJKMNP-TV-Z]{6}(?=")/.exec(sentText)?.[0];
    if (journey.title === '外仓快速调拨')
      expect(reference, 'the transfer carries its 核对 reference').toBeDefined();
    const sent: unknown = JSON.parse(
      reference === undefined ? sentText : sentText.replace(reference, TRANSFER_REFERENCE_PLACEHOLDER),
    );
    expect(sent, journey.title).toEqual(previews.get(journey.title));
  }
  expect(await textOf(detail)).toContain('wms.stockout.Base.uploadSN');
  await screenshot(page, '21-log-detail');
});
