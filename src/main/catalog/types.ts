/**
 * Main's side of the catalog contract (shared types in src/shared/catalog.ts):
 * - the records a sync or a file import writes, already validated where they entered;
 * - CatalogDb, the one catalog of one profile as main uses it. It is implemented over the sql.js store
 *   (store.ts) in a worker thread for the app (workerHost.ts) and in-process for the CLI and tests
 *   (inProcess.ts). Every method is async so both behave alike.
 */
import type {
  CatalogCounts,
  CatalogEmployee,
  CatalogKind,
  CatalogMatch,
  CatalogProduct,
  CatalogProvider,
  CatalogSourceProblem,
  CatalogSuggestion,
  CatalogWarehouse,
} from '../../shared/catalog';
import type { SnFilterData } from '../../shared/snFilter';

/** `deleted`: the ERP reported it deleted; applying it removes the record (and a product's barcodes). */
export type ProductRecord = CatalogProduct & { readonly deleted: boolean };
export type WarehouseRecord = CatalogWarehouse & { readonly deleted: boolean };
export type ProviderRecord = CatalogProvider & { readonly deleted: boolean };
export type EmployeeRecord = CatalogEmployee & { readonly deleted: boolean };

/** Records to upsert (or remove, when deleted), keyed by their code; a later record of a code wins. */
export interface CatalogWriteBatch {
  readonly products?: readonly ProductRecord[];
  readonly warehouses?: readonly WarehouseRecord[];
  readonly providers?: readonly ProviderRecord[];
  readonly employees?: readonly EmployeeRecord[];
}

/**
 * What the catalog remembers besides its records, stored in the same file so that a checkpoint holds the
 * records and the sync position that produced them together (a crash resumes from a consistent point).
 */
export interface CatalogMeta {
  readonly origin: 'erp' | 'file' | 'empty';
  /** Epoch ms: the end of the last finished sync's window. */
  readonly syncedUpTo?: number;
  /** Epoch ms: when the last full sync or file import finished. */
  readonly lastFullAt?: number;
  readonly problems: readonly CatalogSourceProblem[];
  /** The unfinished sync's position (owned and validated by the sync engine, sync/cursor.ts); absent when none. */
  readonly cursor?: unknown;
}

export interface CatalogContents {
  readonly products: readonly CatalogProduct[];
  readonly warehouses: readonly CatalogWarehouse[];
  readonly providers: readonly CatalogProvider[];
  readonly employees: readonly CatalogEmployee[];
}

export interface CatalogDb {
  /** Applies one batch in one transaction (in memory until the next checkpoint). */
  apply(batch: CatalogWriteBatch): Promise<void>;
  /** Removes every product (spec and suite) and its barcodes: a goods-list file import replaces them. */
  clearProducts(): Promise<void>;
  readMeta(): Promise<CatalogMeta>;
  /** Changes some meta fields (in memory until the next checkpoint); `cursor: undefined` removes the cursor. */
  writeMeta(patch: Partial<CatalogMeta>): Promise<void>;
  /**
   * Writes records and meta durably: the whole database to a temporary file, flushed, then renamed over the
   * catalog file. A crash at any point leaves either the previous checkpoint or this one. A no-op in memory.
   */
  checkpoint(): Promise<void>;
  counts(): Promise<CatalogCounts>;
  /** Up to `limit` choices for what the user typed, best first (see store search rules). */
  suggest(kind: CatalogKind, text: string, limit: number): Promise<readonly CatalogSuggestion[]>;
  /** One match per code, in order. For 'spec', a code is a spec_no or suite_no, else a barcode. */
  lookup(kind: CatalogKind, codes: readonly string[]): Promise<readonly CatalogMatch[]>;
  /**
   * A Bloom filter (shared/snFilter.ts) of every spec_no, suite_no and barcode, each as
   * `catalogFilterKey(code)`: a scan whose code it lacks is certainly not a product and needs no lookup.
   * Built once per change of the records.
   */
  codeFilter(): Promise<SnFilterData>;
  /** Everything, for the CLI's JSON and for tests. */
  contents(): Promise<CatalogContents>;
  /** Frees the database (and ends the worker); a pending checkpoint is not written. */
  close(): Promise<void>;
}
