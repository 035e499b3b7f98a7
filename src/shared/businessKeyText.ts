/**
 * The business key as people say it (外部单号 X, 退货单 Y · 3 行, 调拨 A→B · 2 行, 出库单 Z · 5 个SN), for the
 * log's list, its detail, the receipt and the export. The key itself stays what the duplicate guard
 * compares (documents/contentKey.ts, each spec's businessKey); this only reads it back.
 */
import { getSpec } from './documents';
import { parseJsonOrUndefined } from './json';

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  return typeof value === 'number' ? String(value) : undefined;
}

function lineCount(count: number): string {
  return `${count} 行`;
}

/** The label a header field has in the method's spec ("外部单号", "采购单编号"), or the key itself. */
function headerLabel(method: string, key: string): string {
  return getSpec(method)?.header.find((field) => field.key === key)?.label ?? key;
}

/** A content key (no external number): the warehouses it moves between or from, and its line count. */
function describeContent(method: string, json: string): string | undefined {
  const parsed = record(parseJsonOrUndefined(json));
  const header = record(parsed?.['header']);
  const lines = parsed?.['lines'];
  if (header === undefined || !Array.isArray(lines)) return undefined;
  const from = text(header['from_warehouse_no']);
  const to = text(header['to_warehouse_no']);
  const parts: string[] = [];
  if (from !== undefined || to !== undefined) parts.push(`调拨 ${from ?? '?'}→${to ?? '?'}`);
  else {
    const warehouse = text(header['warehouse_no']) ?? text(header['receive_warehouse_nos']);
    parts.push(warehouse === undefined ? '无外部单号' : `仓库 ${warehouse}`);
  }
  parts.push(lineCount(lines.length));
  return parts.join(' · ');
}

/** Splits "name:value|name:value" where a value may itself be JSON (it is always the last part). */
function keyParts(key: string): { readonly name: string; readonly value: string }[] {
  const parts: { name: string; value: string }[] = [];
  let rest = key;
  while (rest !== '') {
    const colon = rest.indexOf(':');
    if (colon <= 0) return [];
    const name = rest.slice(0, colon);
    const after = rest.slice(colon + 1);
    // A JSON value runs to the end; a plain value runs to the next "|name:".
    const next = after.startsWith('[') || after.startsWith('{') ? -1 : after.search(/\|[a-z_]+:/);
    parts.push({ name, value: next < 0 ? after : after.slice(0, next) });
    rest = next < 0 ? '' : after.slice(next + 1);
  }
  return parts;
}

/**
 * The readable form of `businessKey` for a document of `method`. A key this code does not recognise is
 * returned as written: it is still the truth, and support can read it.
 */
export function describeBusinessKey(method: string, businessKey: string): string {
  if (businessKey.startsWith('content:')) {
    return describeContent(method, businessKey.slice('content:'.length)) ?? businessKey;
  }
  const parts = keyParts(businessKey);
  if (parts.length === 0) return businessKey;
  const out: string[] = [];
  for (const { name, value } of parts) {
    const list = parseJsonOrUndefined(value);
    if (name === 'details' && Array.isArray(list)) out.push(lineCount(list.length));
    else if (name === 'sn' && Array.isArray(list)) out.push(`${list.length} 个SN`);
    else if (name === 'return_no') out.push(`退货单 ${value}`);
    else if (name === 'stockout_no') out.push(`出库单 ${value}`);
    else if (name === 'order_no') out.push(`外部单号 ${value}`);
    else out.push(`${headerLabel(method, name)} ${value}`);
  }
  return out.join(' · ');
}
