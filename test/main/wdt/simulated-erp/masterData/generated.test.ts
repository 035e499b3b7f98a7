/**
 * Generated master data at the benchmark's scale: 200,000 specs with 400,000 barcodes build quickly and
 * every page of a 30-day window answers fast, and a full walk of smaller generated data meets every goods
 * exactly once.
 */
import { describe, expect, it } from 'vitest';
import { generatedMasterData, isValidEan13 } from '../../../../../src/main/wdt/simulated-erp/masterData';
import { simulator } from '../../simulatorHarness';
import { call, DAY, erpText, listOf, specsOf, walkGoods } from './helpers';

const GOODS = 'goods.Goods.queryWithSpec';

describe('generated master data', () => {
  it('builds 200,000 specs with 400,000 distinct EAN-13 barcodes and answers a window page fast', async () => {
    const started = performance.now();
    const data = generatedMasterData({ specs: 200_000, barcodesPerSpec: 2 });
    const sim = await simulator({ masterData: data });
    const built = performance.now() - started;
    // A few seconds on a quiet machine; generous here because CI cores are shared.
    expect(built).toBeLessThan(20_000);
    expect(sim.masterData.counts()).toMatchObject({ goods: 100_000, specs: 200_000, barcodes: 400_000 });
    const barcodes = data.goods.flatMap((goods) => goods.specs.flatMap((spec) => spec.barcodes));
    expect(new Set(barcodes).size).toBe(400_000);
    expect(barcodes.filter((_, i) => i % 997 === 0).every(isValidEan13)).toBe(true);

    const now = Date.now();
    const window = { start_time: erpText(now - 60 * DAY + 1000), end_time: erpText(now - 30 * DAY) };
    const first = await call(sim, GOODS, window, { page_size: '1000', page_no: '0', calc_total: '1' });
    const total = Number(first.data?.['total_count']);
    // Three years in 30-day windows: about 1/36 of 100,000 goods each.
    expect(total).toBeGreaterThan(2_000);
    expect(total).toBeLessThan(3_600);
    const timings: number[] = [];
    for (let pageNo = 1; pageNo * 1000 < total; pageNo += 1) {
      const before = performance.now();
      const page = listOf(
        await call(sim, GOODS, window, { page_size: '1000', page_no: String(pageNo), calc_total: '1' }),
        'goods_list',
      );
      timings.push(performance.now() - before);
      expect(page.length).toBe(Math.min(1000, total - pageNo * 1000));
      expect(specsOf(page[0] ?? {})[0]?.['barcode_count']).toBe(2);
    }
    expect(Math.max(...timings)).toBeLessThan(3_000);

    // An edit is found by the next incremental window, among 200,000 specs.
    sim.masterData.addBarcode('G0000007', '6912345678904');
    const recent = listOf(await call(sim, GOODS, { start_time: erpText(Date.now() - 2000) }), 'goods_list');
    expect(recent.flatMap(specsOf).find((spec) => spec['spec_no'] === 'G0000007')?.['barcode_count']).toBe(3);
  }, 60_000);

  it('a full walk of consecutive 30-day windows meets every goods once, with every spec and barcode', async () => {
    const sim = await simulator({
      masterData: generatedMasterData({ specs: 3_001, barcodesPerSpec: 1, specsPerGoods: 3, suites: 4 }),
    });
    const goods = await walkGoods(sim, {}, 3.1, 200);
    expect(goods.length).toBe(1_001);
    expect(new Set(goods.map((g) => g['goods_no'])).size).toBe(1_001);
    const specs = goods.flatMap(specsOf);
    expect(specs.length).toBe(3_001);
    expect(new Set(specs.map((spec) => spec['barcode'])).size).toBe(3_001);
    expect(goods.filter((g) => g['spec_count'] === 1).map((g) => g['goods_no'])).toEqual(['GN0001001']);
  }, 60_000);
});
