/**
 * The practice ERP's goods and suites through real signed HTTP calls: the data a catalog sync would meet,
 * the 30-day windows, paging, deleted records and edits between two syncs.
 */
import { describe, expect, it } from 'vitest';
import { isValidEan13 } from '../../../../../src/main/wdt/simulated-erp/masterData';
import { simulator } from '../../simulatorHarness';
import { allPages, call, DAY, erpText, listOf, specsOf, walkGoods } from './helpers';

const GOODS = 'goods.Goods.queryWithSpec';
const SUITES = 'goods.Suite.search';

/** Every spec code the vendor examples, the app's document examples and its e2e tests use. */
const EXAMPLE_SPECS = [
  'DFAQT101',
  'DFAQT102',
  'DFAQT103',
  'DFAQT104',
  'DFAQT105',
  'DFAQT106',
  'DFAQT107',
  'DFAQT108',
  'DFAQT109',
  'DFAQT110',
  'DFAQT201',
  'DFAQT301',
  'DFAQT900',
  'daj1',
  'daba1',
  'hcf',
  'lz11',
  '009',
  'SNTEST',
];

describe('practice goods', () => {
  it('knows every example spec code by spec_no alone, with goods and spec names', async () => {
    const sim = await simulator();
    for (const specNo of EXAMPLE_SPECS) {
      const goods = listOf(await call(sim, GOODS, { spec_no: specNo }), 'goods_list');
      expect(goods, specNo).toHaveLength(1);
      expect(goods[0]?.['goods_name']).toMatch(/\S/);
      expect(specsOf(goods[0] ?? {}).map((spec) => spec['spec_no'])).toEqual([specNo]);
    }
    const [helmet] = listOf(await call(sim, GOODS, { spec_no: 'DFAQT101' }), 'goods_list');
    expect(helmet).toMatchObject({ goods_name: '防护安全帽', goods_no: 'DFAQT1' });
    expect(specsOf(helmet ?? {})[0]).toMatchObject({
      spec_no: 'DFAQT101',
      spec_name: 'ABS 白色',
      barcode_count: 1,
    });
    // goods_no lists all its specs.
    const [byGoods] = listOf(await call(sim, GOODS, { goods_no: 'DFAQT1' }), 'goods_list');
    expect(specsOf(byGoods ?? {}).map((spec) => spec['spec_no'])).toEqual([
      'DFAQT101',
      'DFAQT102',
      'DFAQT103',
      'DFAQT104',
      'DFAQT105',
    ]);
    expect(listOf(await call(sim, GOODS, { spec_no: 'NO-SUCH-CODE' }), 'goods_list')).toEqual([]);
  });

  it('holds a few hundred goods over three years of 30-day windows, with valid EAN-13 barcodes', async () => {
    const sim = await simulator();
    const goods = await walkGoods(sim);
    const specs = new Map<string, Record<string, unknown>>();
    for (const record of goods) for (const spec of specsOf(record)) specs.set(String(spec['spec_no']), spec);
    expect(new Set(goods.map((g) => g['goods_no'])).size).toBeGreaterThanOrEqual(250);
    expect(specs.size).toBeGreaterThanOrEqual(400);
    for (const code of EXAMPLE_SPECS) expect(specs.has(code), code).toBe(true);

    const barcodeCounts = [...specs.values()].map((spec) => (spec['barcode_list'] as unknown[]).length);
    expect(barcodeCounts.filter((n) => n === 0).length).toBeGreaterThan(10);
    expect(barcodeCounts.filter((n) => n >= 2).length).toBeGreaterThan(30);
    expect(Math.max(...barcodeCounts)).toBe(3);
    const barcodes: string[] = [];
    for (const spec of specs.values()) {
      const list = spec['barcode_list'] as { barcode: string; is_master: number; type: number }[];
      expect(spec['barcode_count']).toBe(list.length);
      expect(spec['barcode']).toBe(list[0]?.barcode ?? '');
      expect(list.map((b) => b.is_master)).toEqual(list.map((_, i) => (i === 0 ? 1 : 0)));
      barcodes.push(...list.map((b) => b.barcode));
    }
    const eans = barcodes.filter((barcode) => /^\d{13}$/.test(barcode));
    expect(eans.length).toBeGreaterThan(400);
    expect(eans.every(isValidEan13)).toBe(true);
    expect(new Set(barcodes).size).toBe(barcodes.length);
    // Chinese names, as a seller's catalog has.
    expect(goods.filter((g) => /[\u4e00-\u9fff]/.test(String(g['goods_name']))).length).toBeGreaterThan(250);
  });

  it('writes times as the vendor example does: spec_modified and goods_modified in ms, modified as text', async () => {
    const sim = await simulator();
    const [goods] = listOf(await call(sim, GOODS, { spec_no: 'DFAQT101' }), 'goods_list');
    const spec = specsOf(goods ?? {})[0] ?? {};
    expect(typeof goods?.['goods_modified']).toBe('number');
    expect(goods?.['modified']).toBe(erpText(Number(goods?.['goods_modified'])));
    expect(typeof spec['spec_modified']).toBe('number');
    expect(spec['spec_created']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(Number(spec['spec_modified'])).toBeLessThanOrEqual(Date.now());
    expect(Number(spec['spec_modified'])).toBeGreaterThan(Date.now() - 3 * 366 * DAY);

    sim.setQueryStyle({ times: 'text' });
    const [asText] = listOf(await call(sim, GOODS, { spec_no: 'DFAQT101' }), 'goods_list');
    expect(specsOf(asText ?? {})[0]?.['spec_modified']).toBe(erpText(Number(spec['spec_modified'])));
  });

  it('refuses windows over 30 days, and a call with neither times nor a code', async () => {
    const sim = await simulator();
    const now = Date.now();
    const wide = await call(sim, GOODS, { start_time: erpText(now - 31 * DAY), end_time: erpText(now) });
    expect(wide).toEqual({ status: 100, message: '您的查询时间过宽,查询时间不能大于30天' });
    // start_time alone: end_time is now, so the span counts from now.
    expect((await call(sim, GOODS, { start_time: erpText(now - 31 * DAY) })).status).toBe(100);
    expect((await call(sim, GOODS, { start_time: erpText(now - 29 * DAY) })).status).toBe(0);
    expect(await call(sim, GOODS, { hide_deleted: 1 })).toEqual({
      status: 100,
      message: '参数中必须包含起止时间',
    });
    // A barcode alone is not a code the page accepts instead of the times.
    expect((await call(sim, GOODS, { barcode: '6937000000001' })).status).toBe(100);
    expect((await call(sim, GOODS, { start_time: '2024/01/01', end_time: erpText(now) })).status).toBe(100);
    const exactly30 = await call(sim, GOODS, { start_time: erpText(now - 30 * DAY), end_time: erpText(now) });
    expect(exactly30.status).toBe(0);
  });

  it('pages from page_no 0 with total_count, and refuses a call without the pager or with an unknown param', async () => {
    const sim = await simulator();
    const now = Date.now();
    // The busiest of the last 36 windows, so it spans several pages.
    let busiest = { start_time: '', end_time: '', total: 0 };
    for (let i = 0; i < 36; i += 1) {
      const window = {
        start_time: erpText(now - (i + 1) * 30 * DAY + 1000),
        end_time: erpText(now - i * 30 * DAY),
      };
      const total = Number(
        (await call(sim, GOODS, window, { page_size: '1', page_no: '0', calc_total: '1' })).data?.[
          'total_count'
        ],
      );
      if (total > busiest.total) busiest = { ...window, total };
    }
    expect(busiest.total).toBeGreaterThan(10);
    const window = { start_time: busiest.start_time, end_time: busiest.end_time };
    const paged = await allPages(sim, GOODS, window, 'goods_list', 4);
    const whole = listOf(
      await call(sim, GOODS, window, { page_size: '1000', page_no: '0', calc_total: '1' }),
      'goods_list',
    );
    expect(paged.map((g) => g['goods_no'])).toEqual(whole.map((g) => g['goods_no']));
    expect(new Set(paged.map((g) => g['goods_no'])).size).toBe(paged.length);
    // Past the end: an empty page, the same total.
    const past = await call(sim, GOODS, window, { page_size: '4', page_no: '999', calc_total: '1' });
    expect(past.data).toEqual({ total_count: busiest.total, goods_list: [] });
    // Without calc_total there is no total_count.
    const noTotal = await call(sim, GOODS, window, { page_size: '4', page_no: '0' });
    expect(noTotal.data?.['total_count']).toBeUndefined();

    expect(await call(sim, GOODS, { spec_no: 'DFAQT101' }, null)).toEqual({
      status: 100,
      message: '此方法仅支持分页查询',
    });
    expect(await call(sim, GOODS, { spec_no: 'DFAQT101', goods_id: 1 })).toEqual({
      status: 2,
      message: 'goods_id',
    });
  });

  it('hides deleted specs unless hide_deleted=0, and an edit shows in the next incremental window', async () => {
    const sim = await simulator();
    const since = erpText(Date.now() - 2000);
    sim.masterData.deleteSpec('DFAQT102');
    sim.masterData.addBarcode('DFAQT103', '6901234567892');
    sim.masterData.upsertSpec({
      specNo: 'NEW-001',
      goodsName: '新品保温杯',
      specName: '500ml 白色',
      barcodes: ['6939999900019'],
    });

    const hidden = listOf(await call(sim, GOODS, { start_time: since }), 'goods_list');
    const hiddenSpecs = hidden.flatMap(specsOf).map((spec) => spec['spec_no']);
    expect(hiddenSpecs).toContain('DFAQT103');
    expect(hiddenSpecs).toContain('NEW-001');
    expect(hiddenSpecs).not.toContain('DFAQT102');
    const changed = hidden.flatMap(specsOf).find((spec) => spec['spec_no'] === 'DFAQT103');
    expect((changed?.['barcode_list'] as { barcode: string }[]).map((b) => b.barcode)).toContain(
      '6901234567892',
    );
    expect(hidden.find((g) => g['goods_no'] === 'NEW-001')?.['goods_name']).toBe('新品保温杯');

    const all = listOf(await call(sim, GOODS, { start_time: since, hide_deleted: 0 }), 'goods_list');
    const deleted = all.flatMap(specsOf).find((spec) => spec['spec_no'] === 'DFAQT102');
    expect(Number(deleted?.['deleted'])).toBeGreaterThan(0);
    // By code: gone by default, there with hide_deleted=0 (false works too).
    expect(listOf(await call(sim, GOODS, { spec_no: 'DFAQT102' }), 'goods_list')).toEqual([]);
    expect(
      listOf(await call(sim, GOODS, { spec_no: 'DFAQT102', hide_deleted: false }), 'goods_list'),
    ).toHaveLength(1);
    // Windows that end before the edits do not see them.
    const before = listOf(
      await call(sim, GOODS, {
        start_time: erpText(Date.now() - 20 * DAY),
        end_time: erpText(Date.now() - 3000),
      }),
      'goods_list',
    );
    expect(before.flatMap(specsOf).map((spec) => spec['spec_no'])).not.toContain('NEW-001');
  });

  it('the practice data already holds deleted specs that only hide_deleted=0 shows', async () => {
    const sim = await simulator();
    const shown = (await walkGoods(sim)).flatMap(specsOf);
    const everything = (await walkGoods(sim, { hide_deleted: 0 })).flatMap(specsOf);
    expect(shown.every((spec) => spec['deleted'] === 0)).toBe(true);
    const deleted = new Set(
      everything.filter((spec) => Number(spec['deleted']) > 0).map((s) => s['spec_no']),
    );
    expect(deleted.size).toBeGreaterThanOrEqual(3);
    for (const specNo of deleted) expect(shown.map((s) => s['spec_no'])).not.toContain(specNo);
  });

  it("filters a window by barcode, any of a spec's barcodes", async () => {
    const sim = await simulator();
    const specs = (await walkGoods(sim)).flatMap(specsOf);
    const several = specs.find((spec) => (spec['barcode_list'] as unknown[]).length >= 2);
    const second = (several?.['barcode_list'] as { barcode: string }[])[1]?.barcode ?? '';
    const at = Number(several?.['spec_modified']);
    const found = listOf(
      await call(sim, GOODS, { barcode: second, start_time: erpText(at - DAY), end_time: erpText(at + DAY) }),
      'goods_list',
    );
    expect(found.flatMap(specsOf).map((spec) => spec['spec_no'])).toEqual([several?.['spec_no']]);
  });
});

describe('practice suites (组合装)', () => {
  it('answers suites with one barcode and their parts, hiding deleted ones', async () => {
    const sim = await simulator();
    const [example] = listOf(await call(sim, SUITES, { suite_no: 'xiangyin01+02' }), 'suite_list');
    expect(example).toMatchObject({
      suite_no: 'xiangyin01+02',
      suite_name: '相印',
      barcode: 'xiangyin01+02',
      deleted: 0,
    });
    expect(
      (example?.['detail_list'] as Record<string, unknown>[]).map((d) => [
        d['spec_no'],
        d['goods_name'],
        d['num'],
      ]),
    ).toEqual([
      ['xiangyin01', '相印', 1],
      ['xiangyin02', '相印', 1],
    ]);
    expect(typeof example?.['suite_modified']).toBe('string');

    const now = Date.now();
    const suites: Record<string, unknown>[] = [];
    const everything: Record<string, unknown>[] = [];
    for (let end = now; end > now - 3.2 * 365 * DAY; end -= 30 * DAY) {
      const window = { start_time: erpText(end - 30 * DAY + 1000), end_time: erpText(end) };
      suites.push(...(await allPages(sim, SUITES, window, 'suite_list')));
      everything.push(...(await allPages(sim, SUITES, { ...window, hide_deleted: 0 }, 'suite_list')));
    }
    expect(suites.length).toBeGreaterThanOrEqual(5);
    expect(everything.length).toBe(suites.length + 1);
    const eanSuites = suites.filter((suite) => isValidEan13(String(suite['barcode'])));
    expect(eanSuites.length).toBeGreaterThanOrEqual(5);
    for (const suite of suites) expect(suite['barcode_count']).toBe(1);

    expect((await call(sim, SUITES, {})).status).toBe(100);
    expect(
      (await call(sim, SUITES, { start_time: erpText(now - 40 * DAY), end_time: erpText(now) })).message,
    ).toBe('您的查询时间过宽,查询时间不能大于30天');
    sim.masterData.upsertSuite({
      suiteNo: 'ZH-NEW',
      suiteName: '新组合',
      barcode: '6930000000018',
      details: [{ specNo: 'DFAQT101', num: 3 }],
    });
    const recent = listOf(await call(sim, SUITES, { start_time: erpText(now - 60_000) }), 'suite_list');
    expect(recent.map((suite) => suite['suite_no'])).toEqual(['ZH-NEW']);
    sim.masterData.deleteSuite('ZH-NEW');
    expect(listOf(await call(sim, SUITES, { suite_no: 'ZH-NEW' }), 'suite_list')).toEqual([]);
    expect(
      listOf(await call(sim, SUITES, { suite_no: 'ZH-NEW', hide_deleted: 0 }), 'suite_list'),
    ).toHaveLength(1);
  });
});
