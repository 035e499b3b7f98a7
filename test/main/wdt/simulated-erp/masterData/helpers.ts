/** Signed HTTP calls to the simulator's master-data methods, with the pager and window under the test's control. */
import { prepareRequest, wdtTimestamp } from '../../../../../src/main/wdt/signer';
import { demoAccount, type Simulator } from '../../../../../src/main/wdt/simulator';

export const DAY = 86_400_000;

export interface Answer {
  readonly status: number;
  readonly message?: string;
  readonly data?: Record<string, unknown>;
}

export type Pager = Record<string, string> | null;

export async function call(
  sim: Simulator,
  method: string,
  params: Record<string, unknown>,
  pager: Pager = { page_size: '100', page_no: '0', calc_total: '1' },
): Promise<Answer> {
  const prepared = prepareRequest({
    baseUrl: sim.url,
    credentials: demoAccount,
    method,
    args: [params],
    timestamp: wdtTimestamp(Date.now() / 1000),
    ...(pager ? { extraParams: pager } : {}),
  });
  const response = await fetch(prepared.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: prepared.bodyText,
  });
  return (await response.json()) as Answer;
}

/** The list of a successful answer; throws with the answer otherwise. */
export function listOf(answer: Answer, key: string): Record<string, unknown>[] {
  const list = answer.data?.[key];
  if (answer.status !== 0 || !Array.isArray(list))
    throw new Error(`expected ${key}, got ${JSON.stringify(answer)}`);
  return list as Record<string, unknown>[];
}

/** Server ms as the ERP writes it (UTC+8), computed here independently of the simulator. */
export const erpText = (ms: number): string =>
  new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

/** Every page of one window or lookup, checking total_count against what the pages hold. */
export async function allPages(
  sim: Simulator,
  method: string,
  params: Record<string, unknown>,
  key: string,
  pageSize = 50,
): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  let total = Infinity;
  for (let pageNo = 0; records.length < total; pageNo += 1) {
    const answer = await call(sim, method, params, {
      page_size: String(pageSize),
      page_no: String(pageNo),
      calc_total: '1',
    });
    const page = listOf(answer, key);
    total = Number(answer.data?.['total_count']);
    if (page.length === 0) break;
    records.push(...page);
  }
  if (records.length !== total) throw new Error(`total_count ${total} but the pages held ${records.length}`);
  return records;
}

/** Every goods record from consecutive 30-day windows covering `years` before now. */
export async function walkGoods(
  sim: Simulator,
  extra: Record<string, unknown> = {},
  years = 3.2,
  pageSize = 100,
): Promise<Record<string, unknown>[]> {
  const now = Date.now() + sim.clockSkewMs;
  const goods: Record<string, unknown>[] = [];
  for (let end = now; end > now - years * 365 * DAY; end -= 30 * DAY) {
    const window = { start_time: erpText(end - 30 * DAY + 1000), end_time: erpText(end), ...extra };
    goods.push(...(await allPages(sim, 'goods.Goods.queryWithSpec', window, 'goods_list', pageSize)));
  }
  return goods;
}

export const specsOf = (goods: Record<string, unknown>): Record<string, unknown>[] =>
  goods['spec_list'] as Record<string, unknown>[];
