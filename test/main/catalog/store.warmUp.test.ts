/**
 * A catalog opened with its indexes built later (as the worker opens it): lookups by code and barcode answer
 * at once, name suggestions fill in as warmUp() steps run, a write between two steps is not lost, and the
 * code filter built in steps equals the one built at once, at the catalog's 0.1% false-positive rate.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogFilterKey } from '../../../src/shared/catalog';
import { SnFilter, SnFilterBuilder } from '../../../src/shared/snFilter';
import { openCatalogStore } from '../../../src/main/catalog/catalogFile';
import { openCatalogInProcess } from '../../../src/main/catalog/inProcess';
import { PRODUCT_CHUNK } from '../../../src/main/catalog/names';
import type { CatalogStore } from '../../../src/main/catalog/store';
import { spec } from './storeFixtures';

const folders: string[] = [];
const stores: CatalogStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) store.close();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** More products than two warm-up chunks; every 1000th named 稀有, each with one barcode. */
const SIZE = PRODUCT_CHUNK * 2 + 500;
const code = (i: number): string => `P${String(i).padStart(6, '0')}`;
const barcode = (i: number): string => `69${String(i).padStart(11, '0')}`;

async function catalogOnDisk(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'wdt-catalog-warm-'));
  folders.push(folder);
  const file = join(folder, 'catalog.sqlite');
  const db = await openCatalogInProcess({ file });
  for (let start = 0; start < SIZE; start += 10_000) {
    const products = [];
    for (let i = start; i < Math.min(SIZE, start + 10_000); i++)
      products.push(spec(code(i), i % 1000 === 0 ? `稀有货品${i}` : `普通货品${i}`, '', [barcode(i)]));
    await db.apply({ products });
  }
  await db.checkpoint();
  await db.close();
  return file;
}

async function open(file: string, indexes: 'now' | 'later'): Promise<CatalogStore> {
  const { store } = await openCatalogStore({ file, indexes });
  stores.push(store);
  return store;
}

describe('catalog opened with indexes later', () => {
  it('answers code and barcode at once, names once warmed up, and keeps a write made meanwhile', async () => {
    const file = await catalogOnDisk();
    const store = await open(file, 'later');
    expect(store.namesReady).toBe(false);
    expect(store.lookup('spec', [code(7), barcode(9)])).toMatchObject([
      { found: true, value: code(7) },
      { found: true, value: code(9), barcode: barcode(9) },
    ]);
    expect(store.suggest('spec', code(12), 5)[0]?.value).toBe(code(12));
    expect(store.suggest('spec', '稀有', 100)).toEqual([]);

    let steps = 0;
    const last = code(SIZE - 1);
    while (store.warmUp()) {
      steps += 1;
      // Between two steps: a product the load has not reached yet is renamed, and one it has passed too.
      if (steps === 2) {
        store.apply({ products: [spec(last, '稀有新名', '', [barcode(SIZE - 1)])] });
        store.apply({ products: [spec(code(1), '稀有改名', '', [barcode(1)])] });
      }
    }
    expect(steps).toBeGreaterThanOrEqual(3);
    expect(store.namesReady).toBe(true);
    const rare = store.suggest('spec', '稀有', 100).map((s) => s.value);
    expect(rare).toHaveLength(Math.ceil(SIZE / 1000) + 2);
    expect(rare).toContain(last);
    expect(rare).toContain(code(1));
  });

  it('builds the same code filter in steps as at once, at about 0.1% false positives', async () => {
    const file = await catalogOnDisk();
    const later = await open(file, 'later');
    while (later.warmUp());
    const now = await open(file, 'now');
    expect(later.codeFilter()).toEqual(now.codeFilter());
    const filter = SnFilter.from(later.codeFilter());
    expect(filter).not.toBeNull();
    for (const i of [0, 1, PRODUCT_CHUNK, SIZE - 1]) {
      expect(filter?.mayHold(catalogFilterKey(code(i)))).toBe(true);
      expect(filter?.mayHold(catalogFilterKey(barcode(i)))).toBe(true);
    }
    const misses = Array.from({ length: 50_000 }, (_, i) => `MISS-${i}`).filter((c) => filter?.mayHold(c));
    // At 1% this would be about 500.
    expect(misses.length).toBeLessThan(150);
  });

  it('a code filter asked for half way through the warm-up is complete', async () => {
    const file = await catalogOnDisk();
    const store = await open(file, 'later');
    store.warmUp();
    const filter = SnFilter.from(store.codeFilter());
    expect(filter?.mayHold(catalogFilterKey(code(SIZE - 1)))).toBe(true);
    expect(store.codeFilter().count).toBe(SIZE * 2);
  });
});

describe('SnFilterBuilder rate', () => {
  it('keeps 1% by default (the sent-SN filter) and takes a lower rate when asked, at more bits', () => {
    const sns = Array.from({ length: 20_000 }, (_, i) => `SN${i}`);
    const build = (rate?: number) => {
      const builder = new SnFilterBuilder(sns.length, rate);
      for (const sn of sns) builder.add(sn);
      return SnFilter.from(builder.data());
    };
    const rateOf = (filter: SnFilter | null) =>
      Array.from({ length: 100_000 }, (_, i) => `OTHER${i}`).filter((sn) => filter?.mayHold(sn)).length /
      100_000;
    const byDefault = rateOf(build());
    const strict = rateOf(build(0.001));
    expect(byDefault).toBeGreaterThan(0.005);
    expect(byDefault).toBeLessThan(0.02);
    expect(strict).toBeLessThan(0.002);
    expect(new SnFilterBuilder(1000, 0.001).data().bits.length).toBeGreaterThan(
      new SnFilterBuilder(1000).data().bits.length,
    );
    expect(() => new SnFilterBuilder(10, 0)).toThrow(RangeError);
    expect(() => new SnFilterBuilder(10, 1)).toThrow(RangeError);
  });
});
