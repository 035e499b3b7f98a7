/**
 * Warehouses, suppliers and purchasers of the practice ERP through real signed HTTP calls, and what the
 * master-data methods share with the order queries: refused methods (权限不足) and injected faults.
 */
import { describe, expect, it } from 'vitest';
import { simulator } from '../../simulatorHarness';
import { allPages, call, DAY, erpText, listOf } from './helpers';

const WAREHOUSES = 'setting.Warehouse.queryWarehouse';
const PROVIDERS = 'setting.PurchaseProvider.queryDetail';
const EMPLOYEES = 'setting.Employee.search';
const GOODS = 'goods.Goods.queryWithSpec';
const everEmployees = () => ({
  start_time: erpText(Date.now() - 10 * 365 * DAY),
  end_time: erpText(Date.now()),
});

describe('practice warehouses', () => {
  it('lists every warehouse code of the examples without times, hiding disabled ones unless hide_delete=0', async () => {
    const sim = await simulator();
    const shown = await allPages(sim, WAREHOUSES, {}, 'details', 5);
    const codes = shown.map((w) => w['warehouse_no']);
    for (const code of ['pos', 'lz', 'lz-002', 'daj-wms-wdt', '1001', 'wdtapi3-test', 'WH-SH01', 'WH-BJ02']) {
      expect(codes, code).toContain(code);
    }
    expect(shown.find((w) => w['warehouse_no'] === 'WH-SH01')).toMatchObject({
      name: '上海一号仓',
      type: 1,
      is_disabled: false,
    });
    expect(typeof shown[0]?.['modified']).toBe('number');
    expect(codes).not.toContain('WH-OLD9');
    const all = await allPages(sim, WAREHOUSES, { hide_delete: 0 }, 'details', 5);
    expect(all.find((w) => w['warehouse_no'] === 'WH-OLD9')).toMatchObject({ is_disabled: true });
    expect(all.length).toBe(shown.length + 1);

    const one = listOf(await call(sim, WAREHOUSES, { warehouse_no: 'lz-002' }), 'details');
    expect(one.map((w) => w['name'])).toEqual(['兰州二号仓']);
  });

  it('answers a modified window with the warehouses changed in it', async () => {
    const sim = await simulator();
    const since = erpText(Date.now() - 1000);
    sim.masterData.upsertWarehouse({ warehouseNo: 'WH-NEW1', name: '新开杭州仓' });
    sim.masterData.disableWarehouse('lz');
    const window = { start_time: since, end_time: erpText(Date.now() + 1000) };
    expect(listOf(await call(sim, WAREHOUSES, window), 'details').map((w) => w['warehouse_no'])).toEqual([
      'WH-NEW1',
    ]);
    const changed = listOf(await call(sim, WAREHOUSES, { ...window, hide_delete: 0 }), 'details');
    expect(changed.map((w) => [w['warehouse_no'], w['is_disabled']])).toEqual([
      ['lz', true],
      ['WH-NEW1', false],
    ]);
  });
});

describe('practice suppliers', () => {
  it('lists the example suppliers, with deleted ones marked and filterable', async () => {
    const sim = await simulator();
    const all = await allPages(sim, PROVIDERS, {}, 'details', 4);
    const codes = all.map((p) => p['provider_no']);
    for (const code of ['LCJtest', 'LCJtest11', 'CMS4418046511659', 'GYS001', 'P01'])
      expect(codes, code).toContain(code);
    expect(all.find((p) => p['provider_no'] === 'GYS001')).toMatchObject({
      provider_name: '义乌市好运日用品厂',
      deleted: 0,
    });
    expect(all.filter((p) => Number(p['deleted']) > 0).map((p) => p['provider_no'])).toEqual(['GYS099']);
    const live = await allPages(sim, PROVIDERS, { deleted: 0 }, 'details', 4);
    expect(live.length).toBe(all.length - 1);

    // The page's own example sends bare dates.
    const recent = erpText(Date.now() - 1000);
    sim.masterData.upsertProvider({ providerNo: 'GYS100', providerName: '新供应商' });
    const today = erpText(Date.now()).slice(0, 10);
    const created = listOf(
      await call(sim, PROVIDERS, { created_begin: today, created_end: today }),
      'details',
    );
    expect(created.map((p) => p['provider_no'])).toContain('GYS100');
    sim.masterData.deleteProvider('GYS001');
    const changed = listOf(await call(sim, PROVIDERS, { modified_begin: recent }), 'details');
    expect(changed.map((p) => [p['provider_no'], Number(p['deleted']) > 0])).toEqual([
      ['GYS001', true],
      ['GYS100', false],
    ]);
    expect((await call(sim, PROVIDERS, { modified_begin: '昨天' })).status).toBe(100);
  });
});

describe('practice employees', () => {
  it('requires start_time and end_time, and tells purchasers (roles_mask 512) from the rest', async () => {
    const sim = await simulator();
    expect(await call(sim, EMPLOYEES, { start_time: erpText(Date.now() - DAY) })).toEqual({
      status: 100,
      message: '参数中必须包含起止时间',
    });
    expect((await call(sim, EMPLOYEES, {})).status).toBe(100);

    // No span limit is stated: ten years in one call.
    const all = await allPages(sim, EMPLOYEES, everEmployees(), 'order_list', 3);
    const purchasers = all.filter(
      (e) => (Number(e['roles_mask']) & 512) !== 0 && e['deleted'] === 0 && e['is_disabled'] === false,
    );
    const others = all.filter((e) => (Number(e['roles_mask']) & 512) === 0);
    expect(purchasers.map((e) => e['shortname'])).toEqual(expect.arrayContaining(['lj', 'lz', '张三']));
    expect(others.length).toBeGreaterThanOrEqual(3);
    expect(all.find((e) => e['shortname'] === 'lj')).toMatchObject({
      employee_no: 'lj',
      roles_mask: 512,
      deleted: 0,
    });
    expect(all.some((e) => Number(e['deleted']) > 0 && (Number(e['roles_mask']) & 512) !== 0)).toBe(true);
    expect(all.some((e) => e['is_disabled'] === true)).toBe(true);

    const since = erpText(Date.now() - 1000);
    sim.masterData.upsertEmployee({
      employeeNo: 'E100',
      shortname: '新采购',
      name: '陈新',
      rolesMask: 512 | 1,
    });
    sim.masterData.upsertEmployee({ employeeNo: 'E005', rolesMask: 1 | 2 | 512 });
    sim.masterData.deleteEmployee('lz');
    const changed = listOf(
      await call(sim, EMPLOYEES, { start_time: since, end_time: erpText(Date.now() + 1000) }),
      'order_list',
    );
    expect(changed.map((e) => [e['employee_no'], e['roles_mask'], Number(e['deleted']) > 0])).toEqual([
      ['lz', 513, true],
      ['E005', 515, false],
      ['E100', 513, false],
    ]);
  });
});

describe('what master-data methods share with the order queries', () => {
  it('answers a refused method with its refusal, and the other methods still answer', async () => {
    const sim = await simulator({ queryStyle: { refused: { [GOODS]: '权限不足' } } });
    expect(await call(sim, GOODS, { spec_no: 'DFAQT101' })).toEqual({ status: 100, message: '权限不足' });
    expect((await call(sim, WAREHOUSES, {})).status).toBe(0);
    sim.setQueryStyle({ refused: { [EMPLOYEES]: '该接口账号没有此接口权限' } });
    expect(await call(sim, EMPLOYEES, everEmployees())).toEqual({
      status: 100,
      message: '该接口账号没有此接口权限',
    });
    expect((await call(sim, GOODS, { spec_no: 'DFAQT101' })).status).toBe(0);
  });

  it('says nothing was found in the status100 form when asked to', async () => {
    const sim = await simulator({ queryStyle: { notFound: 'status100' } });
    expect(await call(sim, GOODS, { spec_no: 'NO-SUCH' })).toEqual({
      status: 100,
      message: '未找到符合条件的订单',
    });
    expect((await call(sim, GOODS, { spec_no: 'DFAQT101' })).status).toBe(0);
  });

  it('meets injected faults: rate limit and HTTP 500 hit them, create-only faults pass them by', async () => {
    const sim = await simulator();
    sim.injectFault({ kind: 'rateLimit', times: 1 });
    expect(await call(sim, PROVIDERS, {})).toEqual({
      status: 100,
      message: '超过每分钟最大调用频率限制，请稍后重试',
    });
    expect((await call(sim, PROVIDERS, {})).status).toBe(0);

    sim.injectFault({ kind: 'loseReply', times: 1 });
    expect((await call(sim, WAREHOUSES, {})).status).toBe(0);
    expect(sim.requests.at(-1)?.fault).toBeUndefined();
    sim.clearFaults();

    sim.injectFault({ kind: 'http500', times: 1 });
    await expect(call(sim, GOODS, { spec_no: 'DFAQT101' })).rejects.toThrow();
    expect(sim.requests.at(-1)).toMatchObject({ apiMethod: GOODS, fault: 'http500' });
    sim.injectFault({ kind: 'reset', times: 1 });
    await expect(call(sim, EMPLOYEES, everEmployees())).rejects.toThrow();
    expect((await call(sim, EMPLOYEES, everEmployees())).status).toBe(0);
  });
});
