/**
 * The catalog of one profile in an sql.js database (SQLite as WASM): products (specs and suites) with every
 * barcode, warehouses, providers, employees and the meta, plus in-memory name indexes (names.ts) for
 * "name contains" search. Opened for the worker, the products' name index and the code filter are built
 * after opening, by warmUp() steps between requests, so lookups by code and barcode answer at once.
 * Synchronous: it runs in the catalog worker (workerHost.ts) or, for the CLI and
 * tests, in-process (inProcess.ts), both of which make it async. Persistence is catalogFile.ts's job.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import {
  catalogFilterKey,
  type CatalogCounts,
  type CatalogKind,
  type CatalogMatch,
} from '../../shared/catalog';
import type { CatalogProduct, CatalogSuggestion } from '../../shared/catalog';
import { SnFilterBuilder, type SnFilterData } from '../../shared/snFilter';
import { EMPTY_META, parseMeta, patchMeta } from './meta';
import { NameIndexes, PRODUCT_CHUNK } from './names';
import { prepareSchema } from './schema';
import { lookupCodes, suggestFor } from './search';
import { count, flag, Statements, text } from './statements';
import type { CatalogContents, CatalogMeta, CatalogWriteBatch, ProductRecord } from './types';

/**
 * The code filter's false-positive rate: a scanned code the catalog lacks still costs a round trip to main
 * about once in this many scans. 0.1% rather than the sent-SN filter's 1%: every scan in a view with the
 * catalog is checked against it, and the price (about 1.8 MB at 1,000,000 codes, once per change) is small.
 */
const CODE_FILTER_RATE = 0.001;

/** What a code filter built in steps (warmUp) has reached: products up to spec_no `after`. */
interface FilterBuild {
  readonly builder: SnFilterBuilder;
  after: string;
}

export interface CatalogStoreOptions {
  /**
   * 'later': the products' name index is built by warmUp() steps after opening rather than before it, so
   * lookups by code and barcode answer at once and name suggestions fill in as it is built.
   */
  readonly indexes?: 'now' | 'later';
}

export class CatalogStore {
  private readonly sql: Statements;
  private readonly names = new NameIndexes();
  private filter: SnFilterData | undefined;
  private filterBuild: FilterBuild | undefined;
  /** Where the products' name index load has reached; undefined once loaded. */
  private namesAfter: string | undefined;
  /**
   * Whether warmUp builds the code filter: once, after opening. After a write it is built when asked for,
   * as before, so a sync's writes never keep the worker rebuilding it.
   */
  private warmFilter = false;
  private closed = false;

  private constructor(private readonly db: Database) {
    this.sql = new Statements(db);
  }

  /** A new empty catalog, or the one in `bytes` (a file's content); throws when `bytes` is not one. */
  static open(SQL: SqlJsStatic, bytes?: Uint8Array, options: CatalogStoreOptions = {}): CatalogStore {
    const db = new SQL.Database(bytes);
    try {
      prepareSchema(db, bytes !== undefined);
      const store = new CatalogStore(db);
      if (options.indexes === 'later') {
        store.names.loadSmall(store.sql);
        store.namesAfter = '';
        store.warmFilter = true;
      } else {
        store.names.load(store.sql);
      }
      return store;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  apply(batch: CatalogWriteBatch): void {
    // Name index changes wait for the commit so a failed batch leaves the indexes as the tables are.
    const after: (() => void)[] = [];
    this.transaction(() => {
      if (batch.products !== undefined && batch.products.length > 0)
        this.writeProducts(batch.products, after);
      for (const record of batch.warehouses ?? []) {
        const { warehouseNo: code, name, disabled } = record;
        if (record.deleted) {
          this.sql.run('DELETE FROM warehouses WHERE warehouse_no = ?', [code]);
          after.push(() => this.names.warehouses.delete(code));
        } else {
          this.sql.run('INSERT OR REPLACE INTO warehouses VALUES (?, ?, ?)', [code, name, disabled ? 1 : 0]);
          after.push(() => this.names.setWarehouse(code, name, disabled));
        }
      }
      for (const record of batch.providers ?? []) {
        const { providerNo: code, providerName: name, disabled } = record;
        if (record.deleted) {
          this.sql.run('DELETE FROM providers WHERE provider_no = ?', [code]);
          after.push(() => this.names.providers.delete(code));
        } else {
          this.sql.run('INSERT OR REPLACE INTO providers VALUES (?, ?, ?)', [code, name, disabled ? 1 : 0]);
          after.push(() => this.names.setProvider(code, name, disabled));
        }
      }
      for (const record of batch.employees ?? []) {
        const { employeeNo: code, nickname, name, purchaser, disabled } = record;
        if (record.deleted) {
          this.sql.run('DELETE FROM employees WHERE employee_no = ?', [code]);
          after.push(() => this.names.employees.delete(code));
        } else {
          this.sql.run('INSERT OR REPLACE INTO employees VALUES (?, ?, ?, ?, ?)', [
            code,
            nickname,
            name,
            purchaser ? 1 : 0,
            disabled ? 1 : 0,
          ]);
          after.push(() => this.names.setEmployee(code, nickname, name, purchaser, disabled));
        }
      }
    });
    for (const change of after) change();
    if ((batch.products?.length ?? 0) > 0) this.dropFilter();
  }

  /**
   * One step of the work an opened catalog needs before it answers everything at full speed: first the code
   * filter (the scan views ask for it first), then the products' name index, a chunk at a time. True while
   * work remains; the worker runs the steps between requests.
   */
  warmUp(): boolean {
    if (this.closed) return false;
    if (this.warmFilter && this.filter === undefined) {
      this.filterStep();
      return true;
    }
    if (this.namesAfter !== undefined) {
      this.namesAfter = this.names.loadProducts(this.sql, this.namesAfter, PRODUCT_CHUNK);
      return this.namesAfter !== undefined;
    }
    return false;
  }

  /** Whether name suggestions cover the whole catalog yet (see warmUp). */
  get namesReady(): boolean {
    return this.namesAfter === undefined;
  }

  private dropFilter(): void {
    this.warmFilter = false;
    this.filter = undefined;
    this.filterBuild = undefined;
  }

  /** Adds the next chunk of products (their codes and barcodes) to the filter being built. */
  private filterStep(): void {
    let build = this.filterBuild;
    if (build === undefined) {
      const { specs, suites, barcodes } = this.counts();
      build = { builder: new SnFilterBuilder(specs + suites + barcodes, CODE_FILTER_RATE), after: '' };
      this.filterBuild = build;
    }
    const codes = this.sql.jsonRows(
      'SELECT json_group_array(spec_no) FROM ' +
        '(SELECT spec_no FROM products WHERE spec_no > ? ORDER BY spec_no LIMIT ?)',
      [build.after, PRODUCT_CHUNK],
    );
    const last = codes.at(-1);
    const upTo = last === undefined ? undefined : text(last[0]);
    for (const [code] of codes) build.builder.add(catalogFilterKey(text(code)));
    if (upTo !== undefined)
      for (const [code] of this.sql.jsonRows(
        'SELECT json_group_array(barcode) FROM barcodes WHERE spec_no > ? AND spec_no <= ?',
        [build.after, upTo],
      ))
        build.builder.add(catalogFilterKey(text(code)));
    if (codes.length < PRODUCT_CHUNK || upTo === undefined) {
      this.filter = build.builder.data();
      this.filterBuild = undefined;
      this.warmFilter = false;
    } else {
      build.after = upTo;
    }
  }

  /**
   * Writes a batch's products in four statements, whatever its size: the rows go to SQLite as JSON
   * (json_each), since each statement run from JS costs more than SQLite's work for a row. The last record
   * of a code wins; a product's barcodes are replaced by its record's list (the main one first, duplicates
   * and empty ones dropped).
   */
  private writeProducts(records: readonly ProductRecord[], after: (() => void)[]): void {
    const last = new Map<string, ProductRecord>();
    for (const record of records) {
      last.delete(record.specNo);
      last.set(record.specNo, record);
    }
    const codes: string[] = [];
    const removed: string[] = [];
    const rows: unknown[][] = [];
    const barcodes: unknown[][] = [];
    for (const record of last.values()) {
      const { specNo, goodsNo, goodsName, specName, suite } = record;
      codes.push(specNo);
      if (record.deleted) {
        removed.push(specNo);
        after.push(() => this.names.products.delete(specNo));
        continue;
      }
      rows.push([specNo, goodsNo, goodsName, specName, suite ? 1 : 0]);
      const seen = new Set<string>();
      for (const barcode of record.barcodes) {
        if (barcode === '' || seen.has(barcode)) continue;
        barcodes.push([specNo, seen.size, barcode]);
        seen.add(barcode);
      }
      after.push(() => this.names.setProduct(specNo, goodsName, specName, suite));
    }
    this.sql.run('DELETE FROM barcodes WHERE spec_no IN (SELECT value FROM json_each(?))', [
      JSON.stringify(codes),
    ]);
    if (removed.length > 0)
      this.sql.run('DELETE FROM products WHERE spec_no IN (SELECT value FROM json_each(?))', [
        JSON.stringify(removed),
      ]);
    if (rows.length > 0)
      this.sql.run(
        'INSERT OR REPLACE INTO products (spec_no, goods_no, goods_name, spec_name, suite) ' +
          'SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?)',
        [JSON.stringify(rows)],
      );
    if (barcodes.length > 0)
      this.sql.run(
        'INSERT INTO barcodes (spec_no, position, barcode) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)',
        [JSON.stringify(barcodes)],
      );
  }

  clearProducts(): void {
    this.transaction(() => {
      this.sql.run('DELETE FROM barcodes');
      this.sql.run('DELETE FROM products');
    });
    this.names.products.clear();
    this.dropFilter();
  }

  readMeta(): CatalogMeta {
    const row = this.sql.all("SELECT value FROM meta WHERE key = 'meta'")[0];
    return row === undefined ? EMPTY_META : parseMeta(text(row[0]));
  }

  writeMeta(patch: Partial<CatalogMeta>): void {
    const next = patchMeta(this.readMeta(), patch);
    this.sql.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('meta', ?)", [JSON.stringify(next)]);
  }

  counts(): CatalogCounts {
    const one = (sql: string): number => count(this.sql.all(sql)[0]?.[0]);
    return {
      specs: one('SELECT count(*) FROM products WHERE suite = 0'),
      suites: one('SELECT count(*) FROM products WHERE suite = 1'),
      barcodes: one('SELECT count(*) FROM barcodes'),
      warehouses: one('SELECT count(*) FROM warehouses'),
      providers: one('SELECT count(*) FROM providers'),
      employees: one('SELECT count(*) FROM employees'),
      purchasers: one('SELECT count(*) FROM employees WHERE purchaser = 1'),
    };
  }

  suggest(kind: CatalogKind, query: string, limit: number): CatalogSuggestion[] {
    return suggestFor(this.sql, this.names, kind, query, limit);
  }

  lookup(kind: CatalogKind, codes: readonly string[]): CatalogMatch[] {
    return lookupCodes(this.sql, kind, codes);
  }

  /**
   * Every spec_no, suite_no and barcode as catalogFilterKey, built once per change of the products (or
   * ahead by warmUp; a build it left half done is finished here).
   */
  codeFilter(): SnFilterData {
    while (this.filter === undefined) this.filterStep();
    return this.filter;
  }

  contents(): CatalogContents {
    const barcodes = new Map<string, string[]>();
    this.sql.each('SELECT spec_no, barcode FROM barcodes ORDER BY spec_no, position', (row) => {
      const specNo = text(row[0]);
      const list = barcodes.get(specNo);
      if (list === undefined) barcodes.set(specNo, [text(row[1])]);
      else list.push(text(row[1]));
    });
    const products: CatalogProduct[] = [];
    this.sql.each(
      'SELECT spec_no, goods_no, goods_name, spec_name, suite FROM products ORDER BY spec_no',
      (row) =>
        products.push({
          specNo: text(row[0]),
          goodsNo: text(row[1]),
          goodsName: text(row[2]),
          specName: text(row[3]),
          barcodes: barcodes.get(text(row[0])) ?? [],
          suite: flag(row[4]),
        }),
    );
    return {
      products,
      warehouses: this.sql
        .all('SELECT warehouse_no, name, disabled FROM warehouses ORDER BY warehouse_no')
        .map((row) => ({ warehouseNo: text(row[0]), name: text(row[1]), disabled: flag(row[2]) })),
      providers: this.sql
        .all('SELECT provider_no, provider_name, disabled FROM providers ORDER BY provider_no')
        .map((row) => ({ providerNo: text(row[0]), providerName: text(row[1]), disabled: flag(row[2]) })),
      employees: this.sql
        .all('SELECT employee_no, nickname, name, purchaser, disabled FROM employees ORDER BY employee_no')
        .map((row) => ({
          employeeNo: text(row[0]),
          nickname: text(row[1]),
          name: text(row[2]),
          purchaser: flag(row[3]),
          disabled: flag(row[4]),
        })),
    };
  }

  /** The whole database as a SQLite file's bytes. */
  export(): Uint8Array {
    return this.db.export();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.sql.free();
    this.db.close();
  }

  private transaction(work: () => void): void {
    this.db.exec('BEGIN');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}
