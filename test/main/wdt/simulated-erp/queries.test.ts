import { describe, expect, it } from 'vitest';
import { parseErpTime } from '../../../../src/main/wdt/erpTime';
import { createWdtQueryClient } from '../../../../src/main/wdt/query';
import { queryWindowFor } from '../../../../src/main/wdt/queryMethods';
import type { QueryRecord } from '../../../../src/main/wdt/queryTypes';
import { demoAccount, type Simulator } from '../../../../src/main/wdt/simulator';
import { clientFor, simulator } from '../simulatorHarness';
// Hand-built signed queries, so the test controls the pager and the window exactly.
import { call, erpText } from './masterData/helpers';

const OUTER_OUT = 'wms.outer.OuterOut.createOrder';
const PURCHASE = 'purchase.PurchaseOrder.createOrder';
const RETURN = 'wms.stockout.PurchaseReturn.createOrder';
const UPLOAD_SN = 'wms.stockout.Base.uploadSN';
const TRANSFER = 'wms.outer.OuterTransfer.createByApi';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const outerOutArgs = (orderNo: string, warehouseNo = 'pos'): unknown[] => [
  { warehouse_no: warehouseNo, order_no: orderNo, remark: '月底盘亏' },
  [
    { spec_no: 'A1', num: 2 },
    { spec_no: 'B2', num: 1 },
  ],
  false,
];
const purchaseArgs: unknown[] = [
  {
    purchase_no: 'CG-Q1',
    provider_no: 'P01',
    receive_warehouse_nos: 'pos',
    expect_warehouse_no: 'pos',
    purchaser_name: '张三',
    remark: '补货',
    purchase_details: [{ spec_no: 'A1', num: 5 }],
  },
];
const returnArgs = (num: number): unknown[] => [
  { return_no: 'CT001', warehouse_no: 'pos', remark: '退回供应商' },
  [{ spec_no: 'A1', num }],
];
const snArgs = (sns: string[]): unknown[] => [
  { stockout_no: 'CK001', order_type: 14 },
  [{ spec_no: 'A1', sn_list: sns }],
];
const transferArgs: unknown[] = [
  { from_warehouse_no: 'pos', to_warehouse_no: 'wh2', mode: 1, remark: '补货调拨 #R1A2' },
  [{ spec_no: 'A1', num: 3 }],
];

function queryClient(sim: Simulator) {
  return createWdtQueryClient({
    baseUrl: sim.url,
    credentials: demoAccount,
    fetch,
    now: Date.now,
    timeoutMs: 1000,
  });
}

/** The last day, as 核对 would search around a send time. */
const lastDay = (method: string) =>
  queryWindowFor(method, new Date(Date.now() - DAY), new Date(Date.now() + 60_000));

async function found(
  sim: Simulator,
  method: string,
  params: Record<string, unknown>,
  window = false,
): Promise<readonly QueryRecord[]> {
  const answer = await queryClient(sim).query(method, params, window ? { window: lastDay(method) } : {});
  if (answer.kind !== 'found') throw new Error(`expected records, got ${JSON.stringify(answer)}`);
  return answer.records;
}

describe('practice ERP queries answer what was created', () => {
  it('answers each query method from the documents it created', async () => {
    const sim = await simulator();
    const client = clientFor(sim, { timeoutMs: 2000 });
    const before = Date.now();
    for (const [method, args] of [
      [OUTER_OUT, outerOutArgs('WO-Q1')],
      [PURCHASE, purchaseArgs],
      [RETURN, returnArgs(1)],
      [UPLOAD_SN, snArgs(['SN1', 'SN2'])],
      [TRANSFER, transferArgs],
    ] as const) {
      expect((await client.call(method, args)).outcome.kind).toBe('accepted');
    }

    const [outerOut] = await found(sim, 'wms.outer.OuterOut.queryWithDetail', { outer_out_no: 'WO-Q1' });
    expect(outerOut).toMatchObject({ outer_out_no: 'WO-Q1', warehouse_no: 'pos', remark: '月底盘亏' });
    expect(outerOut?.['detail_list']).toMatchObject([
      { spec_no: 'A1', num: 2 },
      { spec_no: 'B2', num: 1 },
    ]);
    const createdAt = parseErpTime(outerOut?.['created'])?.getTime() ?? 0;
    expect(typeof outerOut?.['created']).toBe('string');
    expect(createdAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(createdAt).toBeLessThanOrEqual(Date.now());

    const [purchase] = await found(sim, 'purchase.PurchaseOrder.queryWithDetail', { purchase_no: 'CG-Q1' });
    expect(purchase).toMatchObject({
      purchase_no: 'CG-Q1',
      provider_no: 'P01',
      warehouse_no: 'pos',
      remark: '补货',
    });
    expect(purchase?.['detail_list']).toMatchObject([{ spec_no: 'A1', num: 5 }]);

    const [stockout] = await found(sim, 'wms.stockout.PurchaseReturn.queryWithDetail', {
      src_order_no: 'CT001',
    });
    const returnNo = sim.created.find((doc) => doc.method === RETURN)?.documentNo;
    expect(stockout).toMatchObject({ order_no: returnNo, src_order_no: 'CT001', warehouse_no: 'pos' });
    expect(stockout?.['details_list']).toMatchObject([{ spec_no: 'A1', goods_count: 1 }]);
    // As in the vendor's example, create_time comes as epoch milliseconds.
    expect(typeof stockout?.['create_time']).toBe('number');

    const sns = await found(sim, 'wms.stockout.Base.searchSN', { stockout_no: 'CK001' }, true);
    expect(sns.map((row) => [row['stockout_no'], row['spec_no'], row['sn']])).toEqual([
      ['CK001', 'A1', 'SN1'],
      ['CK001', 'A1', 'SN2'],
    ]);
    const goodsSns = await found(sim, 'wms.GoodsSN.queryWithDetail', { order_no: 'CK001' });
    expect(goodsSns.map((row) => row['sn'])).toEqual(['SN1', 'SN2']);

    const transfers = await found(
      sim,
      'wms.stocktransfer.Manage.queryWithDetail',
      { from_warehouse_no: 'pos', to_warehouse_no: 'wh2' },
      true,
    );
    const transferNo = sim.created.find((doc) => doc.method === TRANSFER)?.documentNo;
    expect(transfers).toMatchObject([{ transfer_no: transferNo, remark: '补货调拨 #R1A2' }]);
    expect(transfers[0]?.['details_list']).toMatchObject([{ spec_no: 'A1', num: 3 }]);
    expect(typeof transfers[0]?.['created']).toBe('number');
  });

  it('answers only what the window and the params select', async () => {
    const sim = await simulator();
    sim.preCreate(OUTER_OUT, outerOutArgs('OLD-1'), { at: Date.now() - 40 * DAY });
    sim.preCreate(OUTER_OUT, outerOutArgs('OTHER-1', 'wh9'));
    sim.preCreate(OUTER_OUT, outerOutArgs('MINE-1'));
    const inWindow = await found(sim, 'wms.outer.OuterOut.queryWithDetail', { warehouse_no: 'pos' }, true);
    expect(inWindow.map((row) => row['outer_out_no'])).toEqual(['MINE-1']);
    // By number, without a window, the old one is found too.
    expect(await found(sim, 'wms.outer.OuterOut.queryWithDetail', { outer_out_no: 'OLD-1' })).toHaveLength(1);
  });

  it('lets a test pre-create an earlier stock-out of the same purchase return', async () => {
    const sim = await simulator();
    const earlier = sim.preCreate(RETURN, returnArgs(4), { at: Date.now() - 2 * HOUR });
    const ours = await clientFor(sim).call(RETURN, returnArgs(1));
    const ourNo = ours.outcome.kind === 'accepted' ? ours.outcome.documentNo : undefined;
    const stockouts = await found(sim, 'wms.stockout.PurchaseReturn.queryWithDetail', {
      src_order_no: 'CT001',
    });
    expect(stockouts.map((row) => row['order_no'])).toEqual([earlier.documentNo, ourNo]);
    const [first, second] = stockouts.map((row) => parseErpTime(row['create_time'])?.getTime() ?? 0);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThan(HOUR);
    expect(() => sim.preCreate(RETURN, [{ warehouse_no: 'pos' }, []])).toThrow();
  });

  it('pages through many documents', async () => {
    const sim = await simulator();
    for (let index = 0; index < 25; index += 1) sim.preCreate(OUTER_OUT, outerOutArgs(`WO-${index}`));
    const client = createWdtQueryClient({
      baseUrl: sim.url,
      credentials: demoAccount,
      fetch,
      now: Date.now,
      pageSize: 10,
    });
    const answer = await client.query(
      'wms.outer.OuterOut.queryWithDetail',
      {},
      { window: lastDay('wms.outer.OuterOut.queryWithDetail') },
    );
    expect(answer).toMatchObject({ kind: 'found', calls: 3 });
    expect(
      new Set(answer.kind === 'found' ? answer.records.map((row) => row['outer_out_no']) : []).size,
    ).toBe(25);
  });
});

describe('practice ERP queries keep the vendor rules', () => {
  it('refuses a query without the pager', async () => {
    const sim = await simulator();
    expect(await call(sim, 'wms.outer.OuterOut.queryWithDetail', { outer_out_no: 'X' }, null)).toEqual({
      status: 100,
      message: '此方法仅支持分页查询',
    });
  });

  it('refuses a window wider than the page allows, or none where one is required', async () => {
    const sim = await simulator();
    const now = Date.now();
    const wide = { start_time: erpText(now - 31 * DAY), end_time: erpText(now) };
    expect(await call(sim, 'wms.outer.OuterOut.queryWithDetail', wide)).toEqual({
      status: 100,
      message: '您的查询时间过宽,查询时间不能大于30天',
    });
    const thirty = { start_time: erpText(now - 30 * DAY), end_time: erpText(now) };
    expect(await call(sim, 'wms.outer.OuterOut.queryWithDetail', thirty)).toMatchObject({ status: 0 });
    expect(await call(sim, 'wms.stocktransfer.Manage.queryWithDetail', { from_warehouse_no: 'pos' })).toEqual(
      {
        status: 100,
        message: '参数中必须包含起止时间',
      },
    );
    expect(await call(sim, 'wms.outer.OuterOut.queryWithDetail', { order_no: 'X' })).toEqual({
      status: 2,
      message: 'order_no',
    });
    // The client splits a 90-day span, so the same ERP answers it.
    const answer = await queryClient(sim).query(
      'wms.outer.OuterOut.queryWithDetail',
      {},
      {
        window: queryWindowFor('wms.outer.OuterOut.queryWithDetail', new Date(now - 90 * DAY), new Date(now)),
      },
    );
    expect(answer).toMatchObject({ kind: 'found', calls: 3 });
  });

  it('answers "nothing found" in the form it is switched to', async () => {
    const sim = await simulator();
    const params = { outer_out_no: 'NONE' };
    expect(await call(sim, 'wms.outer.OuterOut.queryWithDetail', params)).toEqual({
      status: 0,
      data: { total_count: 0, order: [] },
    });
    sim.setQueryStyle({ notFound: 'status100' });
    expect(await call(sim, 'wms.outer.OuterOut.queryWithDetail', params)).toEqual({
      status: 100,
      message: '未找到符合条件的订单',
    });
    expect(await found(sim, 'wms.outer.OuterOut.queryWithDetail', params)).toEqual([]);
  });

  it('gives times as text or epoch milliseconds, as switched', async () => {
    const sim = await simulator({ queryStyle: { times: 'epochMs' } });
    sim.preCreate(OUTER_OUT, outerOutArgs('WO-T'));
    const [asMs] = await found(sim, 'wms.outer.OuterOut.queryWithDetail', { outer_out_no: 'WO-T' });
    expect(typeof asMs?.['created']).toBe('number');
    sim.setQueryStyle({ times: 'text' });
    const [asText] = await found(sim, 'wms.outer.OuterOut.queryWithDetail', { outer_out_no: 'WO-T' });
    expect(asText?.['created']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(parseErpTime(asText?.['created'])?.getTime()).toBe(
      Math.floor(Number(asMs?.['created']) / 1000) * 1000,
    );
  });

  it('refuses a query method the account may not call, when told to', async () => {
    const sim = await simulator({
      queryStyle: { refused: { 'wms.stocktransfer.Manage.queryWithDetail': '权限不足' } },
    });
    const answer = await queryClient(sim).query(
      'wms.stocktransfer.Manage.queryWithDetail',
      {},
      {
        window: lastDay('wms.stocktransfer.Manage.queryWithDetail'),
      },
    );
    expect(answer).toMatchObject({ kind: 'refused', message: '权限不足' });
    expect(answer.kind === 'refused' ? answer.remedy : '').toContain(
      'wms.stocktransfer.Manage.queryWithDetail',
    );
  });
});

describe('practice ERP faults for 核对', () => {
  it('"create, then lose the reply": created, unknown to the client, found by the query', async () => {
    const sim = await simulator();
    sim.injectFault({ kind: 'loseReply' });
    const sent = await clientFor(sim, { timeoutMs: 2000 }).call(OUTER_OUT, outerOutArgs('WO-LOST'));
    expect(sent.outcome.kind).toBe('unknown');
    expect(sim.created.map((doc) => doc.documentNo)).toEqual(['WO-LOST']);
    // The fault stays for creates, but queries pass it by.
    const [record] = await found(sim, 'wms.outer.OuterOut.queryWithDetail', { outer_out_no: 'WO-LOST' });
    expect(record?.['outer_out_no']).toBe('WO-LOST');
    expect(
      (await clientFor(sim, { timeoutMs: 2000 }).call(OUTER_OUT, outerOutArgs('WO-2'))).outcome.kind,
    ).toBe('unknown');
  });

  it('"lose the request before creating": unknown to the client, nothing created, nothing found', async () => {
    const sim = await simulator();
    sim.injectFault({ kind: 'loseRequest', times: 1 });
    // A query first: it passes the fault by without using it up.
    expect(await found(sim, 'wms.stocktransfer.Manage.queryWithDetail', {}, true)).toEqual([]);
    const sent = await clientFor(sim, { timeoutMs: 2000 }).call(TRANSFER, transferArgs);
    expect(sent.outcome.kind).toBe('unknown');
    expect(sent.attempts).toBe(1);
    expect(sim.created).toHaveLength(0);
    expect(
      await found(sim, 'wms.stocktransfer.Manage.queryWithDetail', { from_warehouse_no: 'pos' }, true),
    ).toEqual([]);
    // Used up: the resend goes through.
    expect((await clientFor(sim).call(TRANSFER, transferArgs)).outcome.kind).toBe('accepted');
  });
});
