import { describe, expect, it } from 'vitest';
import { createClockOffsetStore } from '../../../src/main/wdt/clock';
import type { FetchLike } from '../../../src/main/wdt/fetchLike';
import { formatErpTime } from '../../../src/main/wdt/erpTime';
import { createWdtQueryClient, type WdtQueryClientOptions } from '../../../src/main/wdt/query';
import { queryWindowFor } from '../../../src/main/wdt/queryMethods';
import { signParams, splitAppSecret } from '../../../src/main/wdt/signer';
import { demoAccount } from '../../../src/main/wdt/simulator';

const OUTER_OUT_QUERY = 'wms.outer.OuterOut.queryWithDetail';
const BASE_SEARCH = 'wms.stockout.Base.search';
const DAY = 24 * 3_600_000;

interface SeenCall {
  readonly query: Readonly<Record<string, string>>;
  readonly bodyText: string;
  readonly params: Record<string, unknown>;
}

interface FakeReply {
  readonly httpStatus?: number;
  readonly body: unknown;
  readonly date?: string;
}

/** A scripted ERP: records every call and answers each with `reply`. */
function fakeErp(reply: (call: SeenCall, index: number) => FakeReply | Promise<FakeReply>): {
  fetch: FetchLike;
  calls: SeenCall[];
} {
  const calls: SeenCall[] = [];
  const fetchLike: FetchLike = async (url, init) => {
    const bodyText = new TextDecoder().decode(init.body);
    const parsed = JSON.parse(bodyText) as [Record<string, unknown>];
    const call = { query: Object.fromEntries(new URL(url).searchParams), bodyText, params: parsed[0] };
    calls.push(call);
    const answer = await reply(call, calls.length - 1);
    return {
      status: answer.httpStatus ?? 200,
      headers: { get: (name) => (name.toLowerCase() === 'date' ? (answer.date ?? null) : null) },
      text: () => Promise.resolve(JSON.stringify(answer.body)),
    };
  };
  return { fetch: fetchLike, calls };
}

function clientWith(fetchLike: FetchLike, overrides: Partial<WdtQueryClientOptions> = {}) {
  return createWdtQueryClient({
    baseUrl: 'http://erp.test/openapi',
    credentials: demoAccount,
    fetch: fetchLike,
    now: Date.now,
    timeoutMs: 500,
    ...overrides,
  });
}

const records = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => ({ outer_out_no: `WO${from + index}` }));

/** A store of `total` records served page by page, as the ERP pages them. */
const pagedStore =
  (total: number, withTotal = true) =>
  (call: SeenCall): FakeReply => {
    const size = Number(call.query['page_size']);
    const no = Number(call.query['page_no']);
    const start = no * size;
    const order = records(start, Math.max(0, Math.min(size, total - start)));
    return { body: { status: 0, data: { ...(withTotal ? { total_count: total } : {}), order } } };
  };

describe('query client: the protocol', () => {
  it('signs and sends the pager in the query string, with [params] as the body', async () => {
    const erp = fakeErp(() => ({ body: { status: 0, data: { total_count: 0, order: [] } } }));
    const answer = await clientWith(erp.fetch, { pageSize: 50 }).query(OUTER_OUT_QUERY, {
      outer_out_no: 'WO-1',
    });
    expect(answer).toEqual({ kind: 'found', records: [], calls: 1 });
    const [call] = erp.calls;
    expect(call?.query).toMatchObject({ page_size: '50', page_no: '0', calc_total: '1' });
    expect(call?.bodyText).toBe('[{"outer_out_no":"WO-1"}]');
    // The sign covers the pager like every other parameter (PROTOCOL.md).
    const { sign, ...signed } = call?.query ?? {};
    const { secret } = splitAppSecret(demoAccount.appsecret);
    expect(sign).toBe(signParams({ ...signed, body: call?.bodyText ?? '' }, secret));
    const withoutPager = { ...signed };
    delete withoutPager['page_size'];
    expect(sign).not.toBe(signParams({ ...withoutPager, body: call?.bodyText ?? '' }, secret));
  });

  it('reads every page, by total_count or until a short page', async () => {
    const counted = fakeErp(pagedStore(250));
    const answer = await clientWith(counted.fetch, { pageSize: 100 }).query(OUTER_OUT_QUERY, {});
    expect(answer.kind).toBe('found');
    expect(answer.kind === 'found' ? answer.records.length : 0).toBe(250);
    expect(counted.calls.map((call) => call.query['page_no'])).toEqual(['0', '1', '2']);

    // Exactly two full pages and a total: no third call for an empty page.
    const exact = fakeErp(pagedStore(200));
    expect((await clientWith(exact.fetch, { pageSize: 100 }).query(OUTER_OUT_QUERY, {})).calls).toBe(2);

    // Without total_count: until the first page that is not full.
    const uncounted = fakeErp(pagedStore(200, false));
    const read = await clientWith(uncounted.fetch, { pageSize: 100 }).query(OUTER_OUT_QUERY, {});
    expect(read).toMatchObject({ kind: 'found', calls: 3 });
    expect(read.kind === 'found' ? read.records.at(-1) : undefined).toEqual({ outer_out_no: 'WO199' });
  });

  it.each([
    ['status 0 with an empty list', { status: 0, data: { total_count: 0, order: [] } }],
    ['status 0 without a list', { status: 0, data: {} }],
    ['status 0 with empty data', { status: 0, data: [] }],
    ['status 100 未找到符合条件的订单', { status: 100, message: '未找到符合条件的订单' }],
    ['status 100 单据不存在', { status: 100, message: '单据不存在' }],
  ])('understands "nothing found" as %s', async (_form, body) => {
    const erp = fakeErp(() => ({ body }));
    expect(await clientWith(erp.fetch).query(OUTER_OUT_QUERY, { outer_out_no: 'X' })).toEqual({
      kind: 'found',
      records: [],
      calls: 1,
    });
  });
});

describe('query client: windows', () => {
  it('splits 90 days into windows of at most 30 days, with no gap and no overlap', async () => {
    const erp = fakeErp(() => ({ body: { status: 0, data: { total_count: 0, order: [] } } }));
    const to = new Date(Date.UTC(2024, 5, 30, 4, 0, 0));
    const from = new Date(to.getTime() - 90 * DAY);
    const answer = await clientWith(erp.fetch).query(
      OUTER_OUT_QUERY,
      { warehouse_no: 'pos' },
      { window: queryWindowFor(OUTER_OUT_QUERY, from, to) },
    );
    expect(answer).toMatchObject({ kind: 'found', calls: 3 });
    const spans = erp.calls.map((call) => [call.params['start_time'], call.params['end_time']] as const);
    expect(spans[0]?.[0]).toBe(formatErpTime(from));
    expect(spans.at(-1)?.[1]).toBe(formatErpTime(to));
    for (const [index, [start, end]] of spans.entries()) {
      const startMs = erpMs(String(start));
      expect(erpMs(String(end)) - startMs).toBeLessThanOrEqual(30 * DAY);
      if (index > 0) expect(startMs).toBe(erpMs(String(spans[index - 1]?.[1])) + 1000);
    }
    expect(erp.calls.every((call) => call.params['warehouse_no'] === 'pos')).toBe(true);
  });

  it('keeps wms.stockout.Base.search windows within 60 minutes', async () => {
    const erp = fakeErp(() => ({ body: { status: 0, data: { total_count: 0, order_list: [] } } }));
    const from = new Date(Date.UTC(2024, 5, 30, 1, 0, 0));
    const to = new Date(from.getTime() + 3 * 3_600_000 + 20 * 60_000);
    await clientWith(erp.fetch).query(BASE_SEARCH, {}, { window: queryWindowFor(BASE_SEARCH, from, to) });
    expect(erp.calls).toHaveLength(4);
    for (const call of erp.calls) {
      const span = erpMs(String(call.params['end_time'])) - erpMs(String(call.params['start_time']));
      expect(span).toBeLessThanOrEqual(60 * 60_000);
    }
  });

  it('reads every page of every window', async () => {
    const erp = fakeErp(pagedStore(120));
    const to = new Date(Date.UTC(2024, 5, 30));
    const answer = await clientWith(erp.fetch, { pageSize: 100 }).query(
      OUTER_OUT_QUERY,
      {},
      { window: queryWindowFor(OUTER_OUT_QUERY, new Date(to.getTime() - 45 * DAY), to) },
    );
    expect(answer).toMatchObject({ kind: 'found', calls: 4 });
    expect(answer.kind === 'found' ? answer.records.length : 0).toBe(240);
  });

  it('writes the window on the ERP clock, using the learned offset', async () => {
    const offset = createClockOffsetStore(5 * 60_000);
    const erp = fakeErp(() => ({ body: { status: 0, data: { total_count: 0, order: [] } } }));
    const from = new Date(Date.UTC(2024, 5, 1, 2, 0, 0));
    const to = new Date(Date.UTC(2024, 5, 1, 3, 0, 0));
    await clientWith(erp.fetch, { clockOffset: offset }).query(
      OUTER_OUT_QUERY,
      {},
      { window: queryWindowFor(OUTER_OUT_QUERY, from, to) },
    );
    // 02:00 UTC on this PC is 10:00 in UTC+8, and the ERP runs five minutes ahead.
    expect(erp.calls[0]?.params).toMatchObject({
      start_time: '2024-06-01 10:05:00',
      end_time: '2024-06-01 11:05:00',
    });
  });

  it('learns the ERP clock from the Date header and retries a 时间戳错误 once', async () => {
    const serverAhead = 10 * 60_000;
    const erp = fakeErp((_call, index) => ({
      date: new Date(Date.now() + serverAhead).toUTCString(),
      body:
        index === 0
          ? { status: 7, message: '时间戳错误' }
          : { status: 0, data: { total_count: 1, order: records(0, 1) } },
    }));
    const client = clientWith(erp.fetch);
    const answer = await client.query(OUTER_OUT_QUERY, { outer_out_no: 'WO0' });
    expect(answer).toMatchObject({ kind: 'found', calls: 2 });
    expect(Math.abs(client.clockOffset.get() - serverAhead)).toBeLessThan(2000);
    const first = Number(erp.calls[0]?.query['timestamp']);
    const second = Number(erp.calls[1]?.query['timestamp']);
    expect(second - first).toBeGreaterThanOrEqual(590);
  });
});

describe('query client: what cannot be told', () => {
  it('reports 权限不足 as refused, with a remedy naming the query method', async () => {
    const erp = fakeErp(() => ({ body: { status: 100, message: '权限不足' } }));
    const answer = await clientWith(erp.fetch).query('wms.stocktransfer.Manage.queryWithDetail', {});
    expect(answer).toMatchObject({ kind: 'refused', status: 100, message: '权限不足', calls: 1 });
    const remedy = answer.kind === 'refused' ? answer.remedy : '';
    expect(remedy).toContain('wms.stocktransfer.Manage.queryWithDetail');
    expect(remedy).toContain('调拨单查询');
    expect(remedy).toContain('应用管理');
    expect(remedy).not.toContain('提交');
  });

  it('names the method for a refusal the vendor never documented too', async () => {
    const erp = fakeErp(() => ({ body: { status: 100, message: '无权查看该仓库单据' } }));
    const answer = await clientWith(erp.fetch).query(OUTER_OUT_QUERY, {});
    expect(answer.kind === 'refused' ? answer.remedy : '').toMatch(
      /无权查看该仓库单据[\s\S]*wms\.outer\.OuterOut\.queryWithDetail/,
    );
  });

  it('fails, rather than refuses, on server errors and rate limits', async () => {
    for (const body of [
      { status: 5, message: '数据库错误' },
      { status: 100, message: '超过每分钟最大调用频率限制，请稍后重试' },
    ]) {
      const erp = fakeErp(() => ({ body }));
      expect((await clientWith(erp.fetch).query(OUTER_OUT_QUERY, {})).kind).toBe('failed');
    }
  });

  it('fails when the ERP cannot be reached, does not answer in time, or answers something else', async () => {
    const refused: FetchLike = () =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('connect ECONNREFUSED'), {
            code: 'ECONNREFUSED',
            syscall: 'connect',
          }),
        }),
      );
    const unreachable = await clientWith(refused).query(OUTER_OUT_QUERY, {});
    expect(unreachable).toMatchObject({ kind: 'failed', calls: 1 });
    expect(unreachable.kind === 'failed' ? unreachable.reason : '').toContain('ECONNREFUSED');

    const silent: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const timedOut = await clientWith(silent, { timeoutMs: 50 }).query(OUTER_OUT_QUERY, {});
    expect(timedOut.kind === 'failed' ? timedOut.reason : '').toContain('超时');

    const portal = fakeErp(() => ({ httpStatus: 502, body: 'Bad Gateway' }));
    expect((await clientWith(portal.fetch).query(OUTER_OUT_QUERY, {})).kind).toBe('failed');
    const broken = fakeErp(() => ({ body: { status: 0, data: { order: 'none' } } }));
    expect((await clientWith(broken.fetch).query(OUTER_OUT_QUERY, {})).kind).toBe('failed');
  });

  it('stops after maxCalls HTTP calls and says the answer is incomplete', async () => {
    const erp = fakeErp(pagedStore(1000));
    const answer = await clientWith(erp.fetch, { pageSize: 100 }).query(OUTER_OUT_QUERY, {}, { maxCalls: 3 });
    expect(answer).toMatchObject({ kind: 'failed', calls: 3 });
    expect(erp.calls).toHaveLength(3);
    expect(answer.kind === 'failed' ? answer.reason : '').toContain('上限');
  });
});

/** The ERP's text (UTC+8) as epoch ms, computed independently of the client. */
function erpMs(text: string): number {
  const [date, time] = text.split(' ');
  return Date.parse(`${date}T${time}+08:00`);
}
