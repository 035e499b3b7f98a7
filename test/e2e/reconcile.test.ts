/**
 * 核对 end to end, against a simulator that loses the connection around the create call: the app shows
 * 结果未知, a check asks the ERP, and the answer is shown as it is. "Create, then lose the reply" must come
 * back 已创建 with the number the ERP gave; "lose the request before creating" must come back 未创建, after
 * which the document goes again without a confirmation. Main may start the check by itself shortly after
 * the unknown outcome; the test then takes the finding it already shows instead of clicking.
 */
import { afterEach, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { demoAccount, startSimulator, type Simulator } from '../../src/main/wdt/simulator';
import { screenshot, startApp } from './app';
import {
  chooseHeader,
  gridRowCount,
  headerValue,
  openDocument,
  openScreen,
  submit,
  submitButton,
  textOf,
  typeGridRows,
  typeHeader,
  uiTimeoutMs,
} from './ui';

const trusted = { trustedSender: true } as const;
/** A check makes a bounded number of queries; give it longer than one UI step. */
const checkTimeoutMs = 30_000;

const simulators: Simulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.splice(0).map((simulator) => simulator.close()));
});

async function simulator(): Promise<Simulator> {
  const started = await startSimulator();
  simulators.push(started);
  return started;
}

function creates(erp: Simulator): number {
  return erp.created.filter((document) => document.method === 'wms.outer.OuterOut.createOrder').length;
}

/** The app on a profile pointed at `erp`, set up directly (the settings form is tested elsewhere). */
async function appOn(erp: Simulator): Promise<Page> {
  const { page, core } = await startApp({ timeoutMs: 2_000 });
  // The smallest screen the app supports: the findings must be readable there.
  await page.setViewportSize({ width: 1024, height: 768 });
  const created = await core.dispatch(
    'createProfile',
    {
      name: '核对 ERP',
      environment: 'custom',
      url: erp.url,
      sid: demoAccount.sid,
      appkey: demoAccount.appkey,
      appsecret: demoAccount.appsecret,
    },
    trusted,
  );
  if (!created.ok) throw new Error(created.error.message);
  const value: unknown = created.value;
  const id = typeof value === 'object' && value !== null && 'id' in value ? value.id : undefined;
  if (typeof id !== 'string') throw new Error('createProfile answered without a profile id');
  const activated = await core.dispatch('setActiveProfile', { id }, trusted);
  if (!activated.ok) throw new Error(activated.error.message);
  await page.reload();
  await page
    .getByRole('banner', { name: '当前配置' })
    .getByText('核对 ERP', { exact: true })
    .waitFor({ timeout: uiTimeoutMs });
  return page;
}

/** An outbound adjustment typed in full; returns the screen and the 外部单号 it started with. */
async function typeOuterOut(page: Page): Promise<{ screen: Locator; orderNo: string }> {
  const screen = await openDocument(page, '外仓调整出库单创建');
  // New OuterOut documents come with a generated number, so the check can find them by it.
  await expect.poll(() => headerValue(screen, '外部单号'), { timeout: uiTimeoutMs }).toMatch(/^WD\d{14}/);
  await typeHeader(screen, '仓库编号', 'WH-SH01');
  await typeHeader(screen, '备注', '核对测试');
  await chooseHeader(screen, '是否审核', '否');
  await typeGridRows(page, screen, [['DFAQT101', '2', '个']]);
  await expect.poll(() => gridRowCount(screen), { timeout: uiTimeoutMs }).toBe(1);
  return { screen, orderNo: await headerValue(screen, '外部单号') };
}

/**
 * Clicks 核对 on the result panel unless main's own check got there first, then waits for `title`, the
 * panel's heading for the finding.
 */
async function checkFromPanel(screen: Locator, title: string): Promise<Locator> {
  const panel = screen.locator('.result');
  const finding = panel.getByText(title);
  const button = panel.getByRole('button', { name: '核对', exact: true });
  await Promise.race([
    finding.waitFor({ timeout: checkTimeoutMs }),
    button.waitFor({ timeout: checkTimeoutMs }),
  ]);
  if (!(await finding.isVisible()) && (await button.isEnabled().catch(() => false))) {
    // main's check may finish between the look and the click; the finding is what counts.
    await button.click({ timeout: 2_000 }).catch(() => undefined);
  }
  await finding.waitFor({ timeout: checkTimeoutMs });
  return panel;
}

it('create, then lose the reply: 结果未知, then 核对 finds it created, with the ERP’s number', async () => {
  const erp = await simulator();
  const page = await appOn(erp);
  const { screen, orderNo } = await typeOuterOut(page);

  erp.injectFault({ kind: 'loseReply', times: 1 });
  const unknown = await submit(screen);
  await unknown.getByText('结果未知').first().waitFor({ timeout: uiTimeoutMs });
  expect(creates(erp)).toBe(1);
  await screenshot(page, '50-reconcile-unknown');

  const panel = await checkFromPanel(screen, '核对结果：外仓调整出库单创建已创建');
  const created = erp.created.find((document) => document.method === 'wms.outer.OuterOut.createOrder');
  expect(created?.externalNo).toBe(orderNo);
  expect(await textOf(panel.locator('output.doc-no-value'))).toBe(created?.documentNo);
  expect(await textOf(panel)).toContain('已核对');
  await screenshot(page, '51-reconcile-created');

  // It now counts as created: sending the same document again asks first, and nothing more is created.
  await submitButton(screen).click();
  const confirm = page.getByRole('dialog', { name: '这张单据以前提交过' });
  await confirm.waitFor({ timeout: uiTimeoutMs });
  expect(await textOf(confirm)).toContain('ERP 已经创建过这张单据');
  await confirm.getByRole('button', { name: '不提交' }).click();
  await confirm.waitFor({ state: 'detached', timeout: uiTimeoutMs });
  expect(creates(erp)).toBe(1);

  // The log shows the check on the row and in the detail.
  await openScreen(page, '提交记录');
  const row = page.getByRole('listbox', { name: '提交记录列表' }).getByRole('option').first();
  await expect.poll(() => textOf(row), { timeout: uiTimeoutMs }).toContain('已核对·已创建');
  expect(await textOf(row)).toContain(created?.documentNo ?? '(none)');
  await row.dblclick();
  const section = page.getByRole('region', { name: '核对', exact: true });
  await section.waitFor({ timeout: uiTimeoutMs });
  expect(await textOf(section)).toContain('已核对');
  expect(await textOf(section)).toContain(created?.documentNo ?? '(none)');
  await screenshot(page, '52-reconcile-log');
});

it('lose the request before creating: 核对 finds nothing created, and the resend needs no confirmation', async () => {
  const erp = await simulator();
  const page = await appOn(erp);
  const { screen, orderNo } = await typeOuterOut(page);

  erp.injectFault({ kind: 'loseRequest', times: 1 });
  const unknown = await submit(screen);
  await unknown.getByText('结果未知').first().waitFor({ timeout: uiTimeoutMs });
  expect(creates(erp)).toBe(0);

  const panel = await checkFromPanel(screen, '核对结果：ERP 中没有这张单据');
  expect(await textOf(panel)).toContain('不需要确认');
  await screenshot(page, '53-reconcile-not-created');

  await panel.getByRole('button', { name: '重新提交' }).click();
  await screen.getByText('提交成功：外仓调整出库单创建已创建').waitFor({ timeout: uiTimeoutMs });
  expect(await page.getByRole('dialog', { name: '这张单据以前提交过' }).count()).toBe(0);
  expect(creates(erp)).toBe(1);
  const created = erp.created.find((document) => document.method === 'wms.outer.OuterOut.createOrder');
  expect(created?.externalNo).toBe(orderNo);
  expect(await textOf(screen.locator('.result output'))).toBe(created?.documentNo);
});
