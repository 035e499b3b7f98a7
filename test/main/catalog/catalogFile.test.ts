/**
 * The catalog file: a checkpoint survives a reopen whole (records, barcodes, names, meta); a write that
 * fails or a crash mid-checkpoint leaves the previous checkpoint; a damaged or unreadable file is set aside
 * under a dated name, the catalog starts empty and says so.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogInProcess, type OpenedCatalogDb } from '../../../src/main/catalog/inProcess';
import { nodeFileLayer, type FileLayer } from '../../../src/main/files/fileLayer';
import { faultyFiles, type Fault, type Operation } from '../../support/faultyFiles';
import { employee, spec, suite, warehouse } from './storeFixtures';

const folders: string[] = [];
const dbs: OpenedCatalogDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.close();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  const at = await mkdtemp(join(tmpdir(), 'wdt-catalog-'));
  folders.push(at);
  return at;
}

async function openAt(file: string, files?: FileLayer, now?: () => Date): Promise<OpenedCatalogDb> {
  const db = await openCatalogInProcess({ file, ...(files ? { files } : {}), ...(now ? { now } : {}) });
  dbs.push(db);
  return db;
}

const firstBatch = {
  products: [spec('A001', '保温杯', '500ml', ['6901', '6902']), suite('TZ01', '杯子套装', ['6909'])],
  warehouses: [warehouse('WH01', '主仓')],
  employees: [employee('E1', 'zhang', '张三', true)],
};

describe('catalog file', () => {
  it('reopens a checkpoint with its records, barcodes, names and meta', async () => {
    const file = join(await folder(), 'profile-1', 'catalog.sqlite');
    const db = await openAt(file);
    await db.apply(firstBatch);
    await db.writeMeta({ origin: 'erp', syncedUpTo: 42, cursor: { at: 'goods' } });
    await db.checkpoint();
    await db.close();

    const again = await openAt(file);
    expect(again.openNotice).toBeUndefined();
    expect(await again.counts()).toMatchObject({
      specs: 1,
      suites: 1,
      barcodes: 3,
      warehouses: 1,
      purchasers: 1,
    });
    expect(await again.readMeta()).toEqual({
      origin: 'erp',
      syncedUpTo: 42,
      problems: [],
      cursor: { at: 'goods' },
    });
    expect((await again.suggest('spec', '保温', 5)).map((s) => s.value)).toEqual(['A001']);
    expect(await again.lookup('spec', ['6902'])).toEqual([
      { found: true, kind: 'spec', value: 'A001', label: '保温杯 500ml', barcode: '6902' },
    ]);
  });

  it('keeps changes after the last checkpoint out of the file', async () => {
    const file = join(await folder(), 'catalog.sqlite');
    const db = await openAt(file);
    await db.apply(firstBatch);
    await db.checkpoint();
    await db.apply({ products: [spec('B001', '未保存的货品', '')] });
    await db.close();
    const again = await openAt(file);
    expect((await again.contents()).products.map((p) => p.specNo)).toEqual(['A001', 'TZ01']);
  });

  const failures: [Operation, Fault][] = [
    ['write', 'short'],
    ['write', 'ENOSPC'],
    ['fsync', 'EIO'],
    ['rename', 'EIO'],
  ];
  it.each(failures)(
    'a checkpoint whose %s fails (%s) rejects and leaves the previous one',
    async (op, fault) => {
      const at = await folder();
      const file = join(at, 'catalog.sqlite');
      const faults = faultyFiles();
      const db = await openAt(file, faults.files);
      await db.apply(firstBatch);
      await db.checkpoint();
      const before = await readFile(file);

      await db.apply({ products: [spec('B001', '新货品', '', ['7001'])] });
      faults.failNext(op, fault, (path) => path.includes('.tmp-'));
      await expect(db.checkpoint()).rejects.toThrow();
      expect(await readFile(file)).toEqual(before);
      expect((await readdir(at)).filter((name) => name.includes('.tmp-'))).toEqual([]);

      faults.heal();
      await db.checkpoint();
      await db.close();
      const again = await openAt(file);
      expect((await again.contents()).products.map((p) => p.specNo)).toEqual(['A001', 'B001', 'TZ01']);
    },
  );

  it('after a crash mid-checkpoint, opens the previous checkpoint and removes the half-written temp file', async () => {
    const at = await folder();
    const file = join(at, 'catalog.sqlite');
    const db = await openAt(file);
    await db.apply(firstBatch);
    await db.checkpoint();

    // The process dies after writing the temp file and before the rename: nothing after it runs.
    const dying: FileLayer = {
      ...nodeFileLayer,
      rename: () => Promise.reject(new Error('process killed')),
      rm: () => Promise.reject(new Error('process killed')),
    };
    const crashing = await openAt(file, dying);
    await crashing.apply({ products: [spec('B001', '写到一半', '')] });
    await expect(crashing.checkpoint()).rejects.toThrow('process killed');
    expect((await readdir(at)).some((name) => name.includes('.tmp-'))).toBe(true);

    const again = await openAt(file);
    expect(again.openNotice).toBeUndefined();
    expect((await again.contents()).products.map((p) => p.specNo)).toEqual(['A001', 'TZ01']);
    expect((await readdir(at)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it.each([
    ['garbage', () => Buffer.from('this is not a database '.repeat(400))],
    ['cut short', (whole: Buffer) => whole.subarray(0, Math.floor(whole.length / 2))],
    [
      'bad pages',
      (whole: Buffer) => Buffer.concat([whole.subarray(0, 4096), Buffer.alloc(whole.length - 4096, 0xab)]),
    ],
  ])('sets a damaged file (%s) aside, starts empty and says so', async (_name, damage) => {
    const at = await folder();
    const file = join(at, 'catalog.sqlite');
    const db = await openAt(file);
    await db.apply({
      products: Array.from({ length: 500 }, (_, i) => spec(`S${i}`, `货品${i}`, '', [`69${i}`])),
    });
    await db.checkpoint();
    await db.close();
    const damaged = damage(await readFile(file));
    await writeFile(file, damaged);

    const again = await openAt(file, undefined, () => new Date('2026-12-01T09:30:00Z'));
    expect(again.openNotice).toContain('商品目录文件已损坏');
    expect(again.openNotice).toContain('catalog.sqlite.damaged-20261201-093000');
    expect(await again.counts()).toMatchObject({ specs: 0, barcodes: 0 });
    expect(await readFile(join(at, 'catalog.sqlite.damaged-20261201-093000'))).toEqual(damaged);
    // The empty catalog is usable and its next checkpoint replaces nothing set aside.
    await again.apply({ products: [spec('N1', '新', '')] });
    await again.checkpoint();
    expect((await readdir(at)).sort()).toEqual(['catalog.sqlite', 'catalog.sqlite.damaged-20261201-093000']);
  });

  it('sets an unreadable file aside too, without overwriting an earlier damaged copy', async () => {
    const at = await folder();
    const file = join(at, 'catalog.sqlite');
    await writeFile(file, 'first damaged');
    await writeFile(`${file}.damaged-20261201-093000`, 'older');
    const faults = faultyFiles();
    faults.failNext('read', 'EIO', (path) => path === file);
    const db = await openAt(file, faults.files, () => new Date('2026-12-01T09:30:00Z'));
    expect(db.openNotice).toContain('catalog.sqlite.damaged-20261201-093000-2');
    expect(await readFile(`${file}.damaged-20261201-093000`, 'utf8')).toBe('older');
    expect(await readFile(`${file}.damaged-20261201-093000-2`, 'utf8')).toBe('first damaged');
  });

  it('lives in memory without a file: checkpoint does nothing and nothing is written', async () => {
    const db = await openCatalogInProcess();
    dbs.push(db);
    await db.apply(firstBatch);
    await expect(db.checkpoint()).resolves.toBeUndefined();
    expect(await db.counts()).toMatchObject({ specs: 1 });
  });

  it('refuses calls after close', async () => {
    const db = await openCatalogInProcess();
    await db.close();
    await expect(db.counts()).rejects.toThrow('closed');
    await expect(db.checkpoint()).rejects.toThrow('closed');
  });
});
