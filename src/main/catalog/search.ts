/**
 * Autocomplete and lookup over the catalog's tables (codes, through NOCASE indexes and prepared statements)
 * and its name indexes (names.ts).
 *
 * Suggestion ranking, best first, each value once (its first, best reason wins):
 *   1. the code exactly (spec_no/suite_no, warehouse_no, provider_no, purchaser nickname), the ERP's
 *      spelling before another letter case;
 *   2. for 'spec': a barcode exactly (`barcode` set; a barcode of several products lists specs before
 *      suites, then the products whose main barcode it is);
 *   3. codes starting with the text (in code order);
 *   4. for 'spec': barcodes starting with the text (`barcode` set);
 *   5. names containing the text (goods and spec name; warehouse, supplier name; nickname or name), in the
 *      order the records were added.
 * Codes compare case-insensitively for ASCII letters: scanners and people differ in letter case.
 * 'purchaser' suggests only employees with the 采购员 role; a lookup finds any employee by nickname and
 * notes 非采购员 when the role is missing, since purchaser_name must be the nickname of one who has it.
 */
import {
  catalogLimits,
  type CatalogKind,
  type CatalogMatch,
  type CatalogSuggestion,
} from '../../shared/catalog';
import type { SqlValue } from 'sql.js';
import {
  DISABLED_NOTE,
  employeeEntry,
  namedEntry,
  NOT_PURCHASER_NOTE,
  productEntry,
  type NameEntry,
  type NameIndexes,
} from './names';
import { flag, text, type Statements } from './statements';

/** Above every character: `code >= text AND code < text + MAX_CHAR` is "starts with text" on an index. */
const MAX_CHAR = '\u{10FFFF}';

const PRODUCT = 'SELECT spec_no, goods_name, spec_name, suite FROM products';
const BARCODE_PRODUCT =
  'SELECT p.spec_no, p.goods_name, p.spec_name, p.suite, b.barcode FROM barcodes b JOIN products p ON p.spec_no = b.spec_no';

const sql = {
  productExact: `${PRODUCT} WHERE spec_no = ?1 COLLATE NOCASE ORDER BY spec_no = ?1 DESC, suite LIMIT ?2`,
  productPrefix: `${PRODUCT} WHERE spec_no >= ?1 COLLATE NOCASE AND spec_no < ?2 COLLATE NOCASE ORDER BY spec_no COLLATE NOCASE LIMIT ?3`,
  barcodeExact: `${BARCODE_PRODUCT} WHERE b.barcode = ?1 COLLATE NOCASE ORDER BY b.barcode = ?1 DESC, p.suite, b.position, p.spec_no LIMIT ?2`,
  barcodePrefix: `${BARCODE_PRODUCT} WHERE b.barcode >= ?1 COLLATE NOCASE AND b.barcode < ?2 COLLATE NOCASE ORDER BY b.barcode COLLATE NOCASE, p.suite, b.position LIMIT ?3`,
} as const;

/** The code and name tables of the kinds other than 'spec'. */
interface CodeTable {
  readonly exact: string;
  readonly prefix: string;
  readonly entry: (row: SqlValue[]) => NameEntry;
  readonly index: (names: NameIndexes) => NameIndexes['warehouses'];
  readonly accept: (entry: NameEntry) => boolean;
}

function codeTable(
  select: string,
  code: string,
  entry: (row: SqlValue[]) => NameEntry,
  index: (names: NameIndexes) => NameIndexes['warehouses'],
  onlyPurchasers = false,
): CodeTable {
  const where = onlyPurchasers ? 'purchaser = 1 AND ' : '';
  return {
    exact: `${select} WHERE ${where}${code} = ?1 COLLATE NOCASE ORDER BY ${code} = ?1 DESC, disabled LIMIT ?2`,
    prefix: `${select} WHERE ${where}${code} >= ?1 COLLATE NOCASE AND ${code} < ?2 COLLATE NOCASE ORDER BY disabled, ${code} COLLATE NOCASE LIMIT ?3`,
    entry,
    index,
    accept: onlyPurchasers ? (candidate) => candidate.purchaser === true : () => true,
  };
}

const tables = {
  warehouse: codeTable(
    'SELECT warehouse_no, name, disabled FROM warehouses',
    'warehouse_no',
    (row) => namedEntry(text(row[0]), text(row[1]), flag(row[2])),
    (names) => names.warehouses,
  ),
  provider: codeTable(
    'SELECT provider_no, provider_name, disabled FROM providers',
    'provider_no',
    (row) => namedEntry(text(row[0]), text(row[1]), flag(row[2])),
    (names) => names.providers,
  ),
  purchaser: codeTable(
    'SELECT nickname, name, purchaser, disabled FROM employees',
    'nickname',
    (row) => employeeEntry(text(row[0]), text(row[1]), flag(row[2]), flag(row[3])),
    (names) => names.employees,
    true,
  ),
} as const;

const productRow = (row: SqlValue[]): NameEntry =>
  productEntry(text(row[0]), text(row[1]), text(row[2]), flag(row[3]));

/** Suggestions in rank order, each value once, at most `limit`. */
class Collector {
  readonly found: CatalogSuggestion[] = [];
  private readonly values = new Set<string>();

  constructor(
    readonly kind: CatalogKind,
    readonly limit: number,
  ) {}

  get full(): boolean {
    return this.found.length >= this.limit;
  }

  has(value: string): boolean {
    return this.values.has(value);
  }

  add(entry: NameEntry, barcode?: string): void {
    if (this.full || this.values.has(entry.value)) return;
    this.values.add(entry.value);
    const suggestion: CatalogSuggestion = { kind: this.kind, value: entry.value, label: entry.label };
    this.found.push({
      ...suggestion,
      ...(barcode === undefined ? {} : { barcode }),
      ...(entry.note === undefined ? {} : { note: entry.note }),
    });
  }
}

export function suggestFor(
  statements: Statements,
  names: NameIndexes,
  kind: CatalogKind,
  query: string,
  limit: number,
): CatalogSuggestion[] {
  const typed = query.trim().slice(0, catalogLimits.codeMaxLength);
  const max = Math.min(catalogLimits.suggestMax, Math.max(0, Math.floor(limit)));
  const out = new Collector(kind, max);
  if (typed === '' || max === 0) return out.found;
  const upper = typed + MAX_CHAR;
  if (kind === 'spec') {
    for (const row of statements.all(sql.productExact, [typed, max])) out.add(productRow(row));
    if (!out.full)
      for (const row of statements.all(sql.barcodeExact, [typed, max]))
        out.add(productRow(row), text(row[4]));
    if (!out.full)
      for (const row of statements.all(sql.productPrefix, [typed, upper, max])) out.add(productRow(row));
    if (!out.full)
      for (const row of statements.all(sql.barcodePrefix, [typed, upper, max]))
        out.add(productRow(row), text(row[4]));
    if (!out.full)
      for (const entry of names.products.search(typed, max - out.found.length, (e) => !out.has(e.value)))
        out.add(entry);
    return out.found;
  }
  const table = tables[kind];
  for (const row of statements.all(table.exact, [typed, max])) out.add(table.entry(row));
  if (!out.full)
    for (const row of statements.all(table.prefix, [typed, upper, max])) out.add(table.entry(row));
  if (!out.full) {
    const accept = (entry: NameEntry): boolean => table.accept(entry) && !out.has(entry.value);
    for (const entry of table.index(names).search(typed, max - out.found.length, accept)) out.add(entry);
  }
  return out.found;
}

const LOOKUP = {
  warehouse:
    'SELECT warehouse_no, name, disabled FROM warehouses WHERE warehouse_no = ?1 COLLATE NOCASE ORDER BY warehouse_no = ?1 DESC LIMIT 1',
  provider:
    'SELECT provider_no, provider_name, disabled FROM providers WHERE provider_no = ?1 COLLATE NOCASE ORDER BY provider_no = ?1 DESC LIMIT 1',
  purchaser:
    'SELECT nickname, name, purchaser, disabled FROM employees WHERE nickname = ?1 COLLATE NOCASE ORDER BY nickname = ?1 DESC, purchaser DESC, disabled LIMIT 1',
} as const;

const NOT_FOUND: CatalogMatch = Object.freeze({ found: false });

function match(kind: CatalogKind, entry: NameEntry, barcode?: string): CatalogMatch {
  return {
    found: true,
    kind,
    value: entry.value,
    label: entry.label,
    ...(barcode === undefined ? {} : { barcode }),
    ...(entry.note === undefined ? {} : { note: entry.note }),
  };
}

function lookupOne(statements: Statements, kind: CatalogKind, code: string): CatalogMatch {
  if (code === '') return NOT_FOUND;
  if (kind === 'spec') {
    const product = statements.all(sql.productExact, [code, 1])[0];
    if (product !== undefined) return match(kind, productRow(product));
    const byBarcode = statements.all(sql.barcodeExact, [code, 1])[0];
    return byBarcode === undefined ? NOT_FOUND : match(kind, productRow(byBarcode), code);
  }
  const row = statements.all(LOOKUP[kind], [code])[0];
  if (row === undefined) return NOT_FOUND;
  if (kind !== 'purchaser') return match(kind, namedEntry(text(row[0]), text(row[1]), flag(row[2])));
  const notes = [...(flag(row[2]) ? [] : [NOT_PURCHASER_NOTE]), ...(flag(row[3]) ? [DISABLED_NOTE] : [])];
  const entry: NameEntry = { value: text(row[0]), label: text(row[1]) };
  return match(kind, notes.length === 0 ? entry : { ...entry, note: notes.join('，') });
}

/** One match per code, in order; a code repeated in the list is looked up once. */
export function lookupCodes(
  statements: Statements,
  kind: CatalogKind,
  codes: readonly string[],
): CatalogMatch[] {
  const seen = new Map<string, CatalogMatch>();
  return codes.map((raw) => {
    const code = raw.trim();
    let found = seen.get(code);
    if (found === undefined) {
      found = lookupOne(statements, kind, code);
      seen.set(code, found);
    }
    return found;
  });
}
