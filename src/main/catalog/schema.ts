/**
 * The catalog database's tables. Codes are compared case-insensitively for ASCII letters (scanners and
 * people differ in case) through NOCASE indexes, while the stored code keeps the ERP's spelling, which an
 * exact match prefers. Tables are WITHOUT ROWID, keyed by their code, to keep the file small.
 */
import type { Database } from 'sql.js';

/** Raised in PRAGMA user_version; a file of another version is not ours to read. */
const SCHEMA_VERSION = 1;

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS products (
  spec_no TEXT NOT NULL PRIMARY KEY,
  goods_no TEXT NOT NULL,
  goods_name TEXT NOT NULL,
  spec_name TEXT NOT NULL,
  suite INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS products_code ON products (spec_no COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS barcodes (
  spec_no TEXT NOT NULL,
  position INTEGER NOT NULL,
  barcode TEXT NOT NULL,
  PRIMARY KEY (spec_no, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS barcodes_code ON barcodes (barcode COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS warehouses (
  warehouse_no TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  disabled INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS warehouses_code ON warehouses (warehouse_no COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS providers (
  provider_no TEXT NOT NULL PRIMARY KEY,
  provider_name TEXT NOT NULL,
  disabled INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS providers_code ON providers (provider_no COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS employees (
  employee_no TEXT NOT NULL PRIMARY KEY,
  nickname TEXT NOT NULL,
  name TEXT NOT NULL,
  purchaser INTEGER NOT NULL,
  disabled INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS employees_nickname ON employees (nickname COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS meta (
  key TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;

class CatalogSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogSchemaError';
  }
}

/**
 * Creates the tables in a new database, or checks that an opened file is a catalog of this version and
 * readable throughout (quick_check reads every page, so damage is found at open rather than mid-search).
 */
export function prepareSchema(db: Database, fromFile: boolean): void {
  // The database lives in memory (sql.js) and reaches the disk only whole, by checkpoint: a rollback
  // journal kept as a file in the WASM file system would only be copied around. Rollback still works.
  db.exec('PRAGMA journal_mode = MEMORY');
  if (fromFile) {
    const check = db.exec('PRAGMA quick_check');
    const verdict = check[0]?.values[0]?.[0];
    if (verdict !== 'ok') throw new CatalogSchemaError(`quick_check: ${String(verdict)}`);
    const version = db.exec('PRAGMA user_version')[0]?.values[0]?.[0];
    if (version !== SCHEMA_VERSION) throw new CatalogSchemaError(`schema version ${String(version)}`);
  }
  db.exec(SCHEMA_SQL);
  if (!fromFile) db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
}
