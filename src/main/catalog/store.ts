/**
 * The catalog of one profile in an sql.js database (SQLite as WASM): products (specs and suites) with every
 * barcode, warehouses, providers, employees and the meta, plus in-memory name indexes (names.ts) for
 * "name contains" search. Synchronous: it runs in the catalog worker (workerHost.ts) or, for the CLI and
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
import { NameIndexes } from './names';
import { prepareSchema } from './schema';
import { lookupCodes, suggestFor } from './search';
import { count, flag, Statements, text } from './statements';
import type { CatalogContents, CatalogMeta, CatalogWriteBatch, ProductRecord } from './types';

export class CatalogStore {
  private readonly sql: Statements;
  private readonly names = new NameIndexes();
  private filter: SnFilterData | undefined;
  private closed = false;

  private constructor(private readonly db: Database) {
    this.sql = new Statements(db);
  }

  /** A new empty catalog, or the one in `bytes` (a file's content); throws when `bytes` is not one. */
  static open(SQL: SqlJsStatic, bytes?: Uint8Array): CatalogStore {
    const db = new SQL.Database(bytes);
    try {
      prepareSchema(db, bytes !== undefined);
      const store = new CatalogStore(db);
      store.names.load(store.sql);
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
    if ((batch.products?.length ?? 0) > 0) this.filter = undefined;
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
    this.filter = undefined;
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

  /** Every spec_no, suite_no and barcode as catalogFilterKey, built once per change of the products. */
  codeFilter(): SnFilterData {
    if (this.filter === undefined) {
      const { specs, suites, barcodes } = this.counts();
      const builder = new SnFilterBuilder(specs + suites + barcodes);
      for (const [code] of this.sql.jsonRows('SELECT json_group_array(spec_no) FROM products'))
        builder.add(catalogFilterKey(text(code)));
      for (const [code] of this.sql.jsonRows('SELECT json_group_array(barcode) FROM barcodes'))
        builder.add(catalogFilterKey(text(code)));
      this.filter = builder.data();
    }
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
