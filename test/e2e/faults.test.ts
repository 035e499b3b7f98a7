/**
 * When the ERP misbehaves, the app tells the truth and never sends twice on its own. Each test points a
 * profile at a simulator it controls: one that answers too late (结果未知, no resend, confirmation before
 * any new attempt, the draft kept across a reload) and one that is not there at all (未发送, retry offered).
 */
import { afterEach, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { demoAccount, startSimulator, type Simulator } from '../../src/main/wdt/simulator';
import { screenshot, startApp } from './app';
import {
  chooseHeader,
  gridCellText,
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
/** Where the screen keeps its draft (one per document type). */
const outerOutDraftId = 'doc.wms.outer.OuterOut.createOrder';

const simulators: Simulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.splice(0).map((simulator) => simulator.close()));
});

async function simulator(port?: number): Promise<Simulator> {
  const started = await startSimulator(port === undefined ? {} : { port });
  simulators.push(started);
  return started;
}

/** ERP calls the simulator received (the page itself never reaches it). */
function erpCalls(erp: Simulator): number {
  return erp.requests.filter((request) => request.httpMethod === 'POST').length;
}

/** Adds a profile for the simulator in 设置, as a user adds their own ERP account, and makes it current. */
async function addSimulatorProfile(page: Page, erp: Simulator, name: string): Promise<void> {
  await openScreen(page, '设置');
  await page.getByRole('button', { name: '新增配置' }).click();
  const form = page.getByRole('form', { name: '新增配置' });
  await form.getByLabel('配置名称').fill(name);
  await form.getByLabel('环境').selectOption({ label: '自定义地址' });
  await form.getByLabel('接口地址').fill(erp.url);
  await form.getByLabel('卖家账号 sid').fill(demoAccount.sid);
  await form.getByLabel('appkey').fill(demoAccount.appkey);
  await form.getByLabel('appsecret').fill(demoAccount.appsecret);
  await form.getByRole('button', { name: '保存配置' }).click();
  await form.waitFor({ state: 'detached', timeout: uiTimeoutMs });
  const row = page.getByRole('table', { name: '凭证配置列表' }).getByRole('row').filter({ hasText: name });
  await row.getByRole('button', { name: '设为当前' }).click();
  await row.getByText('当前使用').waitFor({ timeout: uiTimeoutMs });
  await page
    .getByRole('banner', { name: '当前配置' })
    .getByText(name, { exact: true })
    .waitFor({ timeout: uiTimeoutMs });
}

/** The id of the profile createProfile answered with (the dispatcher's answers are untyped). */
function profileIdOf(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string') {
    return value.id;
  }
  throw new Error('createProfile answered without a profile id');
}

/** An outbound adjustment typed in full: header by label, two rows in the grid. */
async function typeOuterOut(page: Page): Promise<Locator> {
  const screen = await openDocument(page, '外仓调整出库单创建');
  await typeHeader(screen, '仓库编号', 'WH-SH01');
  await typeHeader(screen, '出库原因', '样品领用');
  // 是否审核 is required with no documented default, so the form leaves the choice to the clerk.
  await chooseHeader(screen, '是否审核', '否');
  await typeGridRows(page, screen, [
    ['DFAQT101', '2', '个'],
    ['DFAQT102', '5'],
  ]);
  await expect.poll(() => gridRowCount(screen), { timeout: uiTimeoutMs }).toBe(2);
  return screen;
}

it('a timeout shows 结果未知, sends once, asks before sending again, and keeps the draft across a reload', async () => {
  const erp = await simulator();
  const { page, core } = await startApp({ timeoutMs: 500 });
  await addSimulatorProfile(page, erp, '本地模拟 ERP');
  await screenshot(page, '40-settings');

  const screen = await typeOuterOut(page);
  // The ERP takes far longer than the app waits, and still creates the document afterwards.
  erp.injectFault({ kind: 'delay', ms: 2_000 });
  const panel = await submit(screen);
  expect(await textOf(panel)).toContain('结果未知：请求已发出，但不知道 ERP 是否创建了单据');
  expect(await textOf(panel)).toContain('程序不会自动重发');
  expect(await panel.getByRole('button', { name: /重试/ }).count()).toBe(0);
  expect(erpCalls(erp)).toBe(1);
  await screenshot(page, '41-result-unknown');

  // Submitting the same document again must be an explicit choice, made seeing the earlier send.
  await submitButton(screen).click();
  const confirm = page.getByRole('dialog', { name: '这张单据以前提交过' });
  await confirm.waitFor({ timeout: uiTimeoutMs });
  expect(await textOf(confirm)).toContain('其中有结果未知的提交');
  expect(await textOf(confirm.getByRole('row').nth(1))).toContain('结果未知');
  await screenshot(page, '42-confirm-resend');
  await confirm.getByRole('button', { name: '不提交' }).click();
  await confirm.waitFor({ state: 'detached', timeout: uiTimeoutMs });

  // By now the slow ERP has answered the abandoned request; still nothing else reached it.
  await expect.poll(() => erp.created.length, { timeout: 5_000 }).toBe(1);
  expect(erpCalls(erp)).toBe(1);

  // 提交记录 singles the entry out, with what to check in the ERP.
  await openScreen(page, '提交记录');
  const entry = page.getByRole('listbox', { name: '提交记录列表' }).getByRole('option');
  await expect.poll(() => entry.count(), { timeout: uiTimeoutMs }).toBe(1);
  expect(await textOf(entry)).toContain('结果未知');
  await entry.dblclick();
  const advice = page.getByRole('region', { name: '记录详情' }).getByRole('note');
  await advice.waitFor({ timeout: uiTimeoutMs });
  // A new OuterOut starts with a generated 外部单号, which is then the business key.
  expect(await textOf(advice)).toMatch(/业务单号：外部单号 WD\d{14}[0-9A-Z]{3}）/);
  await screenshot(page, '44-log-unknown');

  // Back on the document the clerk keeps working; the draft is saved as they type, with no button.
  const again = await openDocument(page, '外仓调整出库单创建');
  await typeHeader(again, '备注', '待核实');
  await expect
    .poll(async () => JSON.stringify(await core.dispatch('loadDraft', { id: outerOutDraftId }, trusted)), {
      timeout: uiTimeoutMs,
    })
    .toContain('待核实');

  // A reload (a crashed window coming back) restores the draft as typed.
  await page.reload();
  const restored = await openDocument(page, '外仓调整出库单创建');
  await expect.poll(() => headerValue(restored, '仓库编号'), { timeout: uiTimeoutMs }).toBe('WH-SH01');
  expect(await headerValue(restored, '出库原因')).toBe('样品领用');
  expect(await headerValue(restored, '备注')).toBe('待核实');
  expect(await gridRowCount(restored)).toBe(2);
  expect(await gridCellText(restored, 0, 0)).toBe('DFAQT101');
  expect(await gridCellText(restored, 0, 1)).toBe('2');
  expect(await gridCellText(restored, 0, 2)).toBe('个');
  expect(await gridCellText(restored, 1, 0)).toBe('DFAQT102');
  expect(await gridCellText(restored, 1, 1)).toBe('5');
  expect(erpCalls(erp)).toBe(1);
});

it('an ERP that cannot be reached shows 未发送 and a retry that sends once it is back', async () => {
  const erp = await simulator();
  const { page, core } = await startApp();
  // The settings form was exercised above; here the profile is set up directly to keep the test short.
  const created = await core.dispatch(
    'createProfile',
    {
      name: '离线 ERP',
      environment: 'custom',
      url: erp.url,
      sid: demoAccount.sid,
      appkey: demoAccount.appkey,
      appsecret: demoAccount.appsecret,
    },
    trusted,
  );
  if (!created.ok) throw new Error(created.error.message);
  const activated = await core.dispatch('setActiveProfile', { id: profileIdOf(created.value) }, trusted);
  if (!activated.ok) throw new Error(activated.error.message);
  await page.reload();
  await page
    .getByRole('banner', { name: '当前配置' })
    .getByText('离线 ERP', { exact: true })
    .waitFor({ timeout: uiTimeoutMs });

  const screen = await typeOuterOut(page);
  const port = erp.port;
  await erp.close();
  const panel = await submit(screen);
  expect(await textOf(panel)).toContain('未发送，可以安全重试');
  await screenshot(page, '43-result-not-sent');

  // The ERP is back on the same address: the offered retry sends the document once.
  const back = await simulator(port);
  await panel.getByRole('button', { name: '重试' }).click();
  await screen.getByText('提交成功：外仓调整出库单创建已创建').waitFor({ timeout: uiTimeoutMs });
  expect(back.created).toHaveLength(1);
  expect(erpCalls(back)).toBe(1);
  expect(await textOf(screen.locator('.result output'))).toBe(back.created[0]?.documentNo);
});
