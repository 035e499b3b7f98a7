/**
 * The app's catalog in a worker thread: the same answers as in-process, the file's notice carried over, a
 * worker that dies fails its waiting calls clearly and the next call reopens the last checkpoint, and a
 * writer that lost changes to a death is told once.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogWorker, type OpenedCatalogWorker } from '../../../src/main/catalog/workerHost';
import { SnFilter } from '../../../src/shared/snFilter';
import { employee, spec, suite, warehouse } from './storeFixtures';

const folders: string[] = [];
const dbs: OpenedCatalogWorker[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.close();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function catalogFile(): Promise<string> {
  const at = await mkdtemp(join(tmpdir(), 'wdt-catalog-worker-'));
  folders.push(at);
  return join(at, 'catalog.sqlite');
}

async function openWorker(options: Parameters<typeof openCatalogWorker>[0]): Promise<OpenedCatalogWorker> {
  const db = await openCatalogWorker(options);
  dbs.push(db);
  return db;
}

/** A batch far larger than a small worker heap: applying it kills the worker (out of memory). */
const hugeBatch = () => ({
  products: Array.from({ length: 64 }, (_, i) => spec(`BIG${i}`, `${'大'.repeat(1 << 20)}${i}`, '')),
});

describe('catalog worker', () => {
  it('answers like the in-process catalog and persists through its checkpoint', async () => {
    const file = await catalogFile();
    const db = await openWorker({ file });
    await db.apply({
      products: [spec('A001', '保温杯', '500ml', ['6901']), suite('TZ01', '杯子套装', ['6901'])],
      warehouses: [warehouse('WH01', '主仓')],
      employees: [employee('E1', 'li', '李四', false)],
    });
    await db.writeMeta({ origin: 'file', lastFullAt: 7 });
    expect(await db.suggest('spec', '6901', 10)).toEqual([
      { kind: 'spec', value: 'A001', label: '保温杯 500ml', barcode: '6901' },
      { kind: 'spec', value: 'TZ01', label: '杯子套装', barcode: '6901', note: '组合装' },
    ]);
    expect(await db.lookup('purchaser', ['LI'])).toEqual([
      { found: true, kind: 'purchaser', value: 'li', label: '李四', note: '非采购员' },
    ]);
    const filter = SnFilter.from(await db.codeFilter());
    expect(['A001', 'TZ01', '6901'].every((code) => filter?.mayHold(code))).toBe(true);
    await db.checkpoint();
    await db.close();
    await expect(db.counts()).rejects.toThrow('closed');

    const again = await openWorker({ file });
    expect(await again.counts()).toMatchObject({
      specs: 1,
      suites: 1,
      barcodes: 2,
      warehouses: 1,
      employees: 1,
    });
    expect(await again.readMeta()).toEqual({ origin: 'file', lastFullAt: 7, problems: [] });
    expect((await again.contents()).products.map((p) => p.specNo)).toEqual(['A001', 'TZ01']);
    const memory = await again.memory();
    expect(memory.heapUsed).toBeGreaterThan(0);
  });

  it('reports a damaged file set aside', async () => {
    const file = await catalogFile();
    await writeFile(file, 'not a database at all, just text '.repeat(200));
    const db = await openWorker({ file });
    expect(db.openNotice).toContain('商品目录文件已损坏');
    expect(await db.counts()).toMatchObject({ specs: 0 });
  });

  it('fails the calls of a worker that died, then reopens the last checkpoint on the next call', async () => {
    const file = await catalogFile();
    const db = await openWorker({ file, resourceLimits: { maxOldGenerationSizeMb: 48 } });
    await db.apply({ products: [spec('A001', '保温杯', '', ['6901'])] });
    await db.checkpoint();

    await expect(db.apply(hugeBatch())).rejects.toThrow('商品目录后台线程意外退出');
    // The failed apply told the writer; reads and writes go on against the reopened checkpoint.
    expect(await db.lookup('spec', ['6901'])).toEqual([
      { found: true, kind: 'spec', value: 'A001', label: '保温杯', barcode: '6901' },
    ]);
    await db.apply({ products: [spec('A002', '玻璃杯', '')] });
    expect(await db.counts()).toMatchObject({ specs: 2 });
  }, 60_000);

  it('tells a writer once that changes since the last checkpoint were lost to a death between its calls', async () => {
    const db = await openWorker({ resourceLimits: { maxOldGenerationSizeMb: 48 } });
    await db.apply({ products: [spec('A001', '保温杯', '')] });
    // A reader's call kills the worker while no write is waiting: the writer of A001 does not know.
    const oversized = Array.from({ length: 64 }, (_, i) => `${'码'.repeat(1 << 20)}${i}`);
    await expect(db.lookup('spec', oversized)).rejects.toThrow('意外退出');
    // Reads go on (against the reopened, empty catalog); the writer's next write is refused once.
    expect(await db.counts()).toMatchObject({ specs: 0 });
    await expect(db.apply({ products: [spec('A002', '杯', '')] })).rejects.toThrow('内容已丢失');
    await expect(db.apply({ products: [spec('A003', '杯', '')] })).resolves.toBeUndefined();
    expect((await db.contents()).products.map((p) => p.specNo)).toEqual(['A003']);
  }, 60_000);
});
