/**
 * The catalog store's records: one-transaction batches, upserts and deletions, barcodes replaced per
 * product, meta, counts, contents and the code filter.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogInProcess, type OpenedCatalogDb } from '../../../src/main/catalog/inProcess';
import { catalogFilterKey } from '../../../src/shared/catalog';
import { SnFilter } from '../../../src/shared/snFilter';
import { deletedProduct, employee, provider, spec, suite, warehouse } from './storeFixtures';

const open: OpenedCatalogDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

async function memoryCatalog(): Promise<OpenedCatalogDb> {
  const db = await openCatalogInProcess();
  open.push(db);
  return db;
}

describe('catalog store records', () => {
  it('upserts products, replaces their barcodes with the record list and removes deleted ones', async () => {
    const db = await memoryCatalog();
    await db.apply({
      products: [
        spec('A001', '纯棉T恤', '白色 XL', ['6901', '6902']),
        spec('A002', '纯棉T恤', '黑色 XL', ['6903']),
        suite('TZ01', '夏季套装', ['6904']),
      ],
    });
    expect(await db.counts()).toMatchObject({ specs: 2, suites: 1, barcodes: 4 });

    await db.apply({
      products: [spec('A001', '纯棉T恤', '白色 XXL', ['6909']), deletedProduct(spec('A002', '', ''))],
    });
    const { products } = await db.contents();
    expect(products.map((p) => [p.specNo, p.specName, p.barcodes])).toEqual([
      ['A001', '白色 XXL', ['6909']],
      ['TZ01', '', ['6904']],
    ]);
    // The old barcodes and the deleted product are gone from lookups and from name search.
    expect(await db.lookup('spec', ['6901', '6903', 'A002'])).toEqual([
      { found: false },
      { found: false },
      { found: false },
    ]);
    expect((await db.suggest('spec', '黑色', 10)).map((s) => s.value)).toEqual([]);
    expect((await db.suggest('spec', 'XXL', 10)).map((s) => s.value)).toEqual(['A001']);
  });

  it('keeps the main barcode first, drops duplicates and empty ones, and lets the later record of a code win', async () => {
    const db = await memoryCatalog();
    await db.apply({
      products: [spec('A001', '旧名', '', ['6901']), spec('A001', '新名', '', ['6902', '6901', '6902', ''])],
    });
    const { products } = await db.contents();
    expect(products).toEqual([
      {
        specNo: 'A001',
        goodsNo: 'G-A001',
        goodsName: '新名',
        specName: '',
        barcodes: ['6902', '6901'],
        suite: false,
      },
    ]);
  });

  it('rolls a failed batch back whole, names included', async () => {
    const db = await memoryCatalog();
    await db.apply({ products: [spec('A001', '保温杯', '')] });
    const bad = { ...spec('B001', '玻璃杯', ''), goodsName: null as unknown as string };
    await expect(db.apply({ products: [spec('A002', '保温杯', '红'), bad] })).rejects.toThrow();
    expect((await db.contents()).products.map((p) => p.specNo)).toEqual(['A001']);
    expect((await db.suggest('spec', '保温杯', 10)).map((s) => s.value)).toEqual(['A001']);
  });

  it('stores warehouses, providers and employees, and removes deleted ones', async () => {
    const db = await memoryCatalog();
    await db.apply({
      warehouses: [warehouse('WH01', '主仓'), warehouse('WH02', '旧仓', true)],
      providers: [provider('P01', '义乌日用品厂')],
      employees: [employee('E1', 'zhang', '张三', true), employee('E2', 'li', '李四', false)],
    });
    expect(await db.counts()).toEqual({
      specs: 0,
      suites: 0,
      barcodes: 0,
      warehouses: 2,
      providers: 1,
      employees: 2,
      purchasers: 1,
    });
    await db.apply({
      warehouses: [{ ...warehouse('WH02', ''), deleted: true }],
      employees: [{ ...employee('E1', 'zhang', '张三', true), deleted: true }],
    });
    const contents = await db.contents();
    expect(contents.warehouses).toEqual([{ warehouseNo: 'WH01', name: '主仓', disabled: false }]);
    expect(contents.employees.map((e) => e.nickname)).toEqual(['li']);
    expect(await db.suggest('purchaser', '张', 10)).toEqual([]);
  });

  it('clears products and barcodes only', async () => {
    const db = await memoryCatalog();
    await db.apply({
      products: [spec('A001', '杯子', '', ['6901'])],
      warehouses: [warehouse('WH01', '主仓')],
    });
    await db.clearProducts();
    expect(await db.counts()).toMatchObject({ specs: 0, barcodes: 0, warehouses: 1 });
    expect(await db.suggest('spec', '杯子', 5)).toEqual([]);
    expect(await db.lookup('spec', ['6901'])).toEqual([{ found: false }]);
  });

  it('merges meta patches, removes the cursor on undefined and starts empty', async () => {
    const db = await memoryCatalog();
    expect(await db.readMeta()).toEqual({ origin: 'empty', problems: [] });
    await db.writeMeta({
      origin: 'erp',
      syncedUpTo: 1_700_000_000_000,
      cursor: { source: 'goods', page: 3 },
    });
    await db.writeMeta({ lastFullAt: 1_700_000_100_000 });
    expect(await db.readMeta()).toEqual({
      origin: 'erp',
      syncedUpTo: 1_700_000_000_000,
      lastFullAt: 1_700_000_100_000,
      problems: [],
      cursor: { source: 'goods', page: 3 },
    });
    await db.writeMeta({ cursor: undefined });
    expect(await db.readMeta()).not.toHaveProperty('cursor');
  });

  it('builds a code filter of every code and barcode, in catalogFilterKey form, rebuilt after a change', async () => {
    const db = await memoryCatalog();
    await db.apply({ products: [spec('ab-01', '杯子', '', ['6901234567890']), suite('tz01', '套装')] });
    const filter = SnFilter.from(await db.codeFilter());
    expect(filter).not.toBeNull();
    for (const code of ['ab-01', 'tz01', '6901234567890'])
      expect(filter?.mayHold(catalogFilterKey(code))).toBe(true);
    expect((await db.codeFilter()).count).toBe(3);
    // Misses: at a 1% false-positive rate, nearly all of 200 unrelated codes are certainly absent.
    const misses = Array.from({ length: 200 }, (_, i) => `MISS${i}`).filter((c) => filter?.mayHold(c));
    expect(misses.length).toBeLessThan(10);

    await db.apply({ products: [spec('NEW-9', '新品', '', ['777'])] });
    const after = SnFilter.from(await db.codeFilter());
    expect(after?.mayHold('NEW-9')).toBe(true);
    expect(after?.mayHold('777')).toBe(true);
    expect((await db.codeFilter()).count).toBe(5);
    await db.clearProducts();
    expect((await db.codeFilter()).count).toBe(0);
  });
});
