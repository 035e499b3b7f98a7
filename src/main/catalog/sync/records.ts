/**
 * The master-data records as they enter from the ERP: each method's list entries, checked by hand and turned
 * into the catalog's records (types.ts). What the vendor pages document is read leniently where the ERP is
 * known to vary (flags as 0/1, numeric text or booleans; codes as text); an entry without its code is not a
 * record and is counted as skipped, so a malformed entry never stops a sync.
 */
import type { QueryRecord } from '../../wdt/queryTypes';
import type { EmployeeRecord, ProductRecord, ProviderRecord, WarehouseRecord } from '../types';

/** The 采购员 bit of roles_mask (setting.Employee.search: "512采购员"). */
const PURCHASER_ROLE = 512;
/** Codes and names longer than this are not what the pages document (40–255); a guard against junk. */
const MAX_TEXT = 1000;

export interface ReadRecords<T> {
  readonly records: T[];
  /** Entries (or specs inside a goods) left out because they were malformed. */
  readonly skipped: number;
}

/** goods.Goods.queryWithSpec: one goods with its spec_list; every spec is a product. */
export function readGoods(entries: readonly QueryRecord[]): ReadRecords<ProductRecord> {
  const records: ProductRecord[] = [];
  let skipped = 0;
  for (const goods of entries) {
    const goodsNo = text(goods['goods_no']);
    const specs = goods['spec_list'];
    if (goodsNo === undefined || (specs !== undefined && specs !== null && !Array.isArray(specs))) {
      skipped += 1;
      continue;
    }
    const goodsName = text(goods['goods_name']) ?? '';
    // A deleted goods takes all its specs with it, whatever each spec says.
    const goodsDeleted = flag(goods['deleted']);
    for (const spec of (specs ?? []) as unknown[]) {
      const specNo = isObject(spec) ? code(spec['spec_no']) : undefined;
      if (!isObject(spec) || specNo === undefined) {
        skipped += 1;
        continue;
      }
      records.push({
        specNo,
        goodsNo,
        goodsName,
        specName: text(spec['spec_name']) ?? '',
        barcodes: specBarcodes(spec),
        suite: false,
        deleted: goodsDeleted || flag(spec['deleted']),
      });
    }
  }
  return { records, skipped };
}

/**
 * A spec's barcodes: the main ones of barcode_list first (is_master 1), then `barcode` (主条码) when the list
 * lacks it, then the rest of the list; trimmed, without blanks or repeats.
 */
function specBarcodes(spec: Readonly<Record<string, unknown>>): string[] {
  const list = Array.isArray(spec['barcode_list']) ? (spec['barcode_list'] as unknown[]) : [];
  const masters: string[] = [];
  const others: string[] = [];
  for (const entry of list) {
    const barcode = isObject(entry) ? code(entry['barcode']) : undefined;
    if (barcode === undefined) continue;
    (flag(isObject(entry) ? entry['is_master'] : undefined) ? masters : others).push(barcode);
  }
  const main = code(spec['barcode']);
  const ordered = [...masters, ...(main !== undefined ? [main] : []), ...others];
  return [...new Set(ordered)];
}

/** goods.Suite.search: a suite (组合装) is a product whose code is suite_no, with its one barcode. */
export function readSuites(entries: readonly QueryRecord[]): ReadRecords<ProductRecord> {
  const records: ProductRecord[] = [];
  let skipped = 0;
  for (const suite of entries) {
    const suiteNo = code(suite['suite_no']);
    if (suiteNo === undefined) {
      skipped += 1;
      continue;
    }
    const barcode = code(suite['barcode']);
    records.push({
      specNo: suiteNo,
      goodsNo: suiteNo,
      goodsName: text(suite['suite_name']) ?? '',
      specName: '',
      barcodes: barcode === undefined ? [] : [barcode],
      suite: true,
      deleted: flag(suite['deleted']),
    });
  }
  return { records, skipped };
}

/** setting.Warehouse.queryWarehouse: the page has is_disabled and no deleted; a `deleted` is read if sent. */
export function readWarehouses(entries: readonly QueryRecord[]): ReadRecords<WarehouseRecord> {
  return readEach(entries, (entry) => {
    const warehouseNo = code(entry['warehouse_no']);
    if (warehouseNo === undefined) return undefined;
    return {
      warehouseNo,
      name: text(entry['name']) ?? '',
      disabled: flag(entry['is_disabled']),
      deleted: flag(entry['deleted']),
    };
  });
}

/** setting.PurchaseProvider.queryDetail. */
export function readProviders(entries: readonly QueryRecord[]): ReadRecords<ProviderRecord> {
  return readEach(entries, (entry) => {
    const providerNo = code(entry['provider_no']);
    if (providerNo === undefined) return undefined;
    return {
      providerNo,
      providerName: text(entry['provider_name']) ?? '',
      disabled: flag(entry['is_disabled']),
      deleted: flag(entry['deleted']),
    };
  });
}

/** setting.Employee.search: purchaser_name takes the 昵称 (shortname) of an employee with roles_mask & 512. */
export function readEmployees(entries: readonly QueryRecord[]): ReadRecords<EmployeeRecord> {
  return readEach(entries, (entry) => {
    const employeeNo = code(entry['employee_no']);
    const roles = integer(entry['roles_mask']);
    if (employeeNo === undefined) return undefined;
    return {
      employeeNo,
      nickname: text(entry['shortname']) ?? '',
      name: text(entry['name']) ?? '',
      purchaser: roles !== undefined && (roles & PURCHASER_ROLE) !== 0,
      disabled: flag(entry['is_disabled']),
      deleted: flag(entry['deleted']),
    };
  });
}

function readEach<T>(
  entries: readonly QueryRecord[],
  read: (entry: QueryRecord) => T | undefined,
): ReadRecords<T> {
  const records: T[] = [];
  let skipped = 0;
  for (const entry of entries) {
    const record = read(entry);
    if (record === undefined) skipped += 1;
    else records.push(record);
  }
  return { records, skipped };
}

/**
 * A code: non-empty text after trimming, or a whole number (some ERPs send numeric codes as numbers; a safe
 * integer loses nothing). Anything else is not a code.
 */
function code(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
  const trimmed = text(value)?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_TEXT ? value : undefined;
}

/** deleted (0 / >0, the deletion's id), is_disabled (true/false), is_master (1/0): in any of their forms. */
function flag(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const trimmed = value.trim().toLowerCase();
    return trimmed !== '' && trimmed !== '0' && trimmed !== 'false';
  }
  return false;
}

function integer(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
