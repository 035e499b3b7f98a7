/**
 * Which codes of a document the catalog knows about, and the notices for those it does not: pure, so the
 * screen, the preview, the log and the tests all read a document the same way. Nothing here refuses a code:
 * the catalog may be out of date, so a missing code is a warning that never blocks sending.
 */
import type { CatalogKind, CatalogMatch } from '../../../shared/catalog';
import type { DocumentSpec, FieldSpec, Problem, RawRecord, RawValue } from '../../../shared/spec';

/** The codes a field's value holds: a trimmed code, or for warehouse fields a comma-separated list. */
export function codesOfValue(field: FieldSpec, value: RawValue): string[] {
  if (field.catalog === undefined) return [];
  if (typeof value !== 'string' && typeof value !== 'number') return [];
  const text = String(value).trim();
  if (text === '') return [];
  // receive_warehouse_nos takes several 平台仓 when the seller enables it (vendor page); the page does not say
  // how they are joined, and a comma is the only separator its sibling fields use. No code contains one.
  if (field.catalog === 'warehouse') {
    return text
      .split(/[,，]/)
      .map((part) => part.trim())
      .filter((part) => part !== '');
  }
  return [text];
}

interface CodeUse {
  readonly kind: CatalogKind;
  readonly code: string;
  readonly field: FieldSpec;
  readonly area: 'header' | 'lines';
  /** The first row that holds it (lines only). */
  readonly row?: number;
}

/** Every distinct (kind, code, field) of the document, header first, in the order they appear. */
export function codesInDocument(
  spec: DocumentSpec,
  header: RawRecord,
  lines: readonly RawRecord[],
  limit = Number.POSITIVE_INFINITY,
): CodeUse[] {
  const uses: CodeUse[] = [];
  const seen = new Set<string>();
  const add = (use: CodeUse): boolean => {
    const key = `${use.field.key}\u0000${use.code}`;
    if (!seen.has(key)) {
      seen.add(key);
      uses.push(use);
    }
    return uses.length < limit;
  };
  for (const field of [...spec.header, ...spec.positional]) {
    if (field.catalog === undefined) continue;
    for (const code of codesOfValue(field, header[field.key])) {
      if (!add({ kind: field.catalog, code, field, area: 'header' })) return uses;
    }
  }
  const lineFields = spec.lines.filter((field) => field.catalog !== undefined);
  for (const [row, line] of lines.entries()) {
    for (const field of lineFields) {
      for (const code of codesOfValue(field, line[field.key])) {
        if (!add({ kind: field.catalog ?? 'spec', code, field, area: 'lines', row })) return uses;
      }
    }
  }
  return uses;
}

/** Distinct codes per kind, for batched lookups. */
export function codesByKind(uses: readonly CodeUse[]): Map<CatalogKind, string[]> {
  const byKind = new Map<CatalogKind, Set<string>>();
  for (const use of uses) {
    let codes = byKind.get(use.kind);
    if (!codes) byKind.set(use.kind, (codes = new Set()));
    codes.add(use.code);
  }
  return new Map([...byKind].map(([kind, codes]) => [kind, [...codes]]));
}

/** The distinct codes per kind of rows first..last (the rows on screen). */
export function visibleCodes(
  columns: readonly FieldSpec[],
  lines: readonly RawRecord[],
  first: number,
  last: number,
): Map<CatalogKind, string[]> {
  const byKind = new Map<CatalogKind, Set<string>>();
  const coded = columns.filter((field) => field.catalog !== undefined);
  for (let row = Math.max(0, first); row <= Math.min(last, lines.length - 1); row++) {
    const line = lines[row];
    if (line === undefined) continue;
    for (const field of coded) {
      const kind = field.catalog;
      if (kind === undefined) continue;
      let codes = byKind.get(kind);
      if (!codes) byKind.set(kind, (codes = new Set()));
      for (const code of codesOfValue(field, line[field.key])) codes.add(code);
    }
  }
  return new Map([...byKind].map(([kind, codes]) => [kind, [...codes]]));
}

const MISSING: Readonly<Record<CatalogKind, string>> = {
  spec: '目录中没有这个商家编码：可能拼错，或目录未同步',
  warehouse: '目录中没有这个仓库编号：可能拼错，或目录未同步',
  provider: '目录中没有这个供应商编号：可能拼错，或目录未同步',
  purchaser: '目录中没有这个员工昵称：可能拼错，或目录未同步',
};
export const NOT_A_PURCHASER = '该员工没有采购员工种';

/** The catalog's note for an employee without the 采购员 role (CatalogSuggestion.note). */
export function isNonPurchaser(match: CatalogMatch): boolean {
  return match.found && match.kind === 'purchaser' && (match.note ?? '').includes('非采购员');
}

/**
 * A stale catalog against a 200,000-line document would otherwise make as many notices; the first ones say
 * what is wrong, and the list shows 300 at most anyway.
 */
const NOTICES_AT_MOST = 2000;

type CachedLookup = (kind: CatalogKind, code: string) => CatalogMatch | undefined;

/**
 * A warning for each field value whose code the catalog lacks (one per row and field), and for a purchaser
 * without the role. A code not looked up yet gets nothing: a notice must never be a guess.
 */
export function catalogNotices(
  spec: DocumentSpec,
  header: RawRecord,
  lines: readonly RawRecord[],
  lookup: CachedLookup,
  limit = NOTICES_AT_MOST,
): Problem[] {
  const notices: Problem[] = [];
  const check = (field: FieldSpec, value: RawValue): string | undefined => {
    if (field.catalog === undefined) return undefined;
    for (const code of codesOfValue(field, value)) {
      const match = lookup(field.catalog, code);
      if (match === undefined) continue;
      if (!match.found)
        return codesOfValue(field, value).length > 1
          ? `${code}：${MISSING[field.catalog]}`
          : MISSING[field.catalog];
      if (isNonPurchaser(match)) return NOT_A_PURCHASER;
    }
    return undefined;
  };
  for (const field of [...spec.header, ...spec.positional]) {
    const message = check(field, header[field.key]);
    if (message !== undefined)
      notices.push({ path: { area: 'header', field: field.key }, message, severity: 'warning' });
  }
  const lineFields = spec.lines.filter((field) => field.catalog !== undefined);
  for (const [row, line] of lines.entries()) {
    for (const field of lineFields) {
      const message = check(field, line[field.key]);
      if (message !== undefined)
        notices.push({ path: { area: 'lines', row, field: field.key }, message, severity: 'warning' });
    }
    if (notices.length >= limit) break;
  }
  return notices;
}

/** The text shown beside a code: its name, and for a barcode the barcode it was typed as. */
export function nameText(match: CatalogMatch | undefined, barcode?: string): string {
  if (match === undefined || !match.found) return barcode === undefined ? '' : `条码 ${barcode}`;
  const parts = [match.label];
  if (match.note !== undefined && match.note !== '') parts.push(match.note);
  const shownBarcode = barcode ?? match.barcode;
  if (shownBarcode !== undefined) parts.push(`条码 ${shownBarcode}`);
  return parts.filter((part) => part !== '').join(' · ');
}
