/**
 * The local catalog (issue #14): the ERP's goods with every barcode, suites, warehouses, suppliers and
 * employees, kept per profile in main so codes get names, fields get autocomplete and a scanned barcode finds
 * its spec_no. This file is the contract between main (src/main/catalog/), the IPC table and the renderer.
 *
 * The catalog may be out of date or empty: nothing that reads it may refuse a code because it is missing.
 */

/** What an autocomplete or a lookup searches. 'spec' covers specs and suites (组合装): both are 商家编码. */
export type CatalogKind = 'spec' | 'warehouse' | 'provider' | 'purchaser';
export const catalogKinds = ['spec', 'warehouse', 'provider', 'purchaser'] as const;

/** One sellable code: a spec (单品) or a suite (组合装), with every barcode the ERP gave it. */
export interface CatalogProduct {
  readonly specNo: string;
  readonly goodsNo: string;
  readonly goodsName: string;
  readonly specName: string;
  /** Every barcode, the main one (主条码) first; empty when it has none. */
  readonly barcodes: readonly string[];
  readonly suite: boolean;
}

export interface CatalogWarehouse {
  readonly warehouseNo: string;
  readonly name: string;
  readonly disabled: boolean;
}

export interface CatalogProvider {
  readonly providerNo: string;
  readonly providerName: string;
  readonly disabled: boolean;
}

/** An employee; `purchaser` when roles_mask includes 512 (采购员), the role purchaser_name requires. */
export interface CatalogEmployee {
  /** 昵称 (shortname): what purchaser_name takes. */
  readonly nickname: string;
  readonly name: string;
  readonly employeeNo: string;
  readonly purchaser: boolean;
  readonly disabled: boolean;
}

/** One autocomplete choice: `value` is what goes into the field; the rest is shown beside it. */
export interface CatalogSuggestion {
  readonly kind: CatalogKind;
  readonly value: string;
  /** The name people know it by: goods and spec name, warehouse name, supplier name, employee name. */
  readonly label: string;
  /** The barcode the text matched, when it matched a barcode rather than the code or name. */
  readonly barcode?: string;
  /** A short note: 组合装, 已停用, 非采购员. */
  readonly note?: string;
}

/** What a code is in the catalog, for names beside codes, barcode → spec_no and the pre-send notice. */
export type CatalogMatch =
  | {
      readonly found: true;
      readonly kind: CatalogKind;
      /** The code the field should hold (the spec_no when `code` was a barcode). */
      readonly value: string;
      readonly label: string;
      /** Set when `code` was a barcode of `value`. */
      readonly barcode?: string;
      readonly note?: string;
    }
  | { readonly found: false };

export interface CatalogCounts {
  readonly specs: number;
  readonly suites: number;
  readonly barcodes: number;
  readonly warehouses: number;
  readonly providers: number;
  readonly employees: number;
  readonly purchasers: number;
}

/** The sources a sync reads, in the order it reads them (small ones first, so they are usable soonest). */
export const catalogSources = ['warehouses', 'providers', 'employees', 'goods', 'suites'] as const;
export type CatalogSource = (typeof catalogSources)[number];

export const catalogSourceLabels: Readonly<Record<CatalogSource, string>> = {
  warehouses: '仓库',
  providers: '供应商',
  employees: '员工（采购员）',
  goods: '货品与条码',
  suites: '组合装',
};

export type CatalogSyncMode = 'full' | 'incremental';

/** A source the ERP would not let the account read, with the vendor's remedy; the others went on. */
export interface CatalogSourceProblem {
  readonly source: CatalogSource;
  readonly method: string;
  /** Plain Chinese: what the ERP said and what the administrator must enable. */
  readonly message: string;
}

export interface CatalogSyncProgress {
  readonly mode: CatalogSyncMode;
  readonly state: 'running' | 'done' | 'cancelled' | 'failed';
  /** The source being read now (the last one read, once finished). */
  readonly source: CatalogSource;
  /** Time windows of the current source read / in all. */
  readonly windowsDone: number;
  readonly windowsTotal: number;
  /** Records read per source in this run (deleted ones included). */
  readonly read: Readonly<Partial<Record<CatalogSource, number>>>;
  /** ISO 8601. */
  readonly startedAt: string;
  /** True when this run continues one a crash or a quit interrupted. */
  readonly resumed: boolean;
  /** Plain Chinese, e.g. why it failed or that it waits out a rate limit. */
  readonly message?: string;
  /** A failed run the ERP refused for the API account itself (signature, appkey, IP whitelist, clock). */
  readonly refused?: true;
}

export interface CatalogStatus {
  /** The profile whose catalog this is (the active one). */
  readonly profileId: string | null;
  readonly counts: CatalogCounts;
  /** Where the content came from last: the ERP, a file, or nowhere yet. */
  readonly origin: 'erp' | 'file' | 'empty';
  /** ISO 8601: the end of the last finished sync's window (the next incremental starts near it). */
  readonly syncedUpTo?: string;
  /** ISO 8601: when the last full sync or file import finished. */
  readonly lastFullAt?: string;
  /** The run going on now, or the last one of this app session. */
  readonly sync?: CatalogSyncProgress;
  /** Sources refused in the last run. */
  readonly problems: readonly CatalogSourceProblem[];
  /** True while the catalog file is being opened: lookups answer "not found" until it is. */
  readonly loading: boolean;
}

/** One row of a catalog file import (an ERP goods-list export): 商家编码, 货品名称, 规格名称, 条码. */
export interface CatalogImportRow {
  readonly specNo: string;
  readonly goodsName: string;
  readonly specName: string;
  /** One or more barcodes; a spec on several rows collects them all. */
  readonly barcodes: readonly string[];
}

export const catalogLimits = {
  /** Suggestions per autocomplete call. */
  suggestMax: 50,
  /** Codes per lookup call (a screen of grid rows, a scan, a document being checked). */
  lookupMax: 5000,
  /** Rows per import call; a file is sent in several. */
  importBatchMax: 5000,
  codeMaxLength: 100,
  /** goods_name is varchar(255) in goods.Goods.queryWithSpec; spec_name is given the same room. */
  nameMaxLength: 255,
} as const;

/** The default start of a full sync: far enough back for most sellers' whole goods list. */
export const DEFAULT_FULL_SYNC_YEARS = 6;

/** The form a code takes in the catalog's code filter: scanners and people differ in letter case only. */
export function catalogFilterKey(code: string): string {
  return code.trim().toUpperCase();
}
