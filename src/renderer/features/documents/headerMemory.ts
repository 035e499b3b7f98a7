/**
 * Remembered header values (issue #16): after the ERP created a document, the header values that describe
 * where, with whom and how (warehouse, supplier, purchaser, type, flags) stay for the next document, while
 * the values that name this one document (its numbers, remark, dates, fees, custom properties) are cleared.
 * A clerk entering twenty stock-outs from one warehouse types the warehouse once. The 保留表头 switch turns
 * this off; its state is remembered in the renderer's local storage (a preference of this machine's user).
 */
import { useSyncExternalStore } from 'react';
import type { DocumentSpec, FieldSpec, RawRecord, RawValue } from '../../../shared/spec';
import { isBlank } from '../../../shared/validate';

/**
 * Fields that belong to one document only, whatever the method. Numbers the ERP requires to be unique
 * (外部单号, 采购单编号, 采购退货单号, 出库单号) would be refused as duplicates; the source number, the
 * referenced requests, remark, dates, fees and custom properties differ from one document to the next, and
 * carrying them over silently would send wrong data that nobody looked at.
 */
const PER_DOCUMENT_KEYS: ReadonlySet<string> = new Set([
  'order_no',
  'src_order_no',
  'return_no',
  'purchase_no',
  'stockout_no',
  'apply_nos',
  'remark',
  'post_fee',
  'other_fee',
  'prop1',
  'prop2',
  'prop3',
  'prop4',
]);

/** True when the field's value stays for the next document. */
export function fieldRepeats(spec: DocumentSpec, field: FieldSpec): boolean {
  if (field.key === spec.externalNoField || PER_DOCUMENT_KEYS.has(field.key)) return false;
  if (field.type.kind === 'string' && field.type.format !== undefined) return false;
  return true;
}

/** Text fields whose earlier values are worth offering (最近使用): the repeating ones. */
export function offersRecentValues(spec: DocumentSpec, field: FieldSpec): boolean {
  return field.type.kind === 'string' && fieldRepeats(spec, field);
}

/** The values of `header` to put back after the document was created: repeating fields that hold something. */
export function keptHeaderValues(spec: DocumentSpec, header: RawRecord): Record<string, RawValue> {
  const kept: Record<string, RawValue> = {};
  for (const field of [...spec.header, ...spec.positional]) {
    const value = header[field.key];
    if (value === undefined || isBlank(value) || !fieldRepeats(spec, field)) continue;
    kept[field.key] = value;
  }
  return kept;
}

/**
 * Fields that nearly always hold what another field holds: filled from it when the user leaves the source
 * and the follower is still empty (采购单新建 asked for the same warehouse twice). Only the first warehouse
 * of a list is taken, as 预计入库仓库 is one warehouse.
 */
const FOLLOWS: Readonly<Record<string, string>> = { expect_warehouse_no: 'receive_warehouse_nos' };

/** The values to fill in once `leftKey` was left, given the header as it is now. */
export function followerValues(
  spec: DocumentSpec,
  header: RawRecord,
  leftKey: string,
): Record<string, RawValue> {
  const filled: Record<string, RawValue> = {};
  for (const [follower, source] of Object.entries(FOLLOWS)) {
    if (source !== leftKey || !spec.header.some((field) => field.key === follower)) continue;
    const current = header[follower];
    if (current !== undefined && !isBlank(current)) continue;
    const text = header[source];
    const first = typeof text === 'string' ? (text.split(/[,，]/)[0] ?? '').trim() : '';
    if (first !== '') filled[follower] = first;
  }
  return filled;
}

// ---------------------------------------------------------------------------------------------------------
// The 保留表头 switch: on unless the user turned it off.

const STORAGE_KEY = 'wdt.keepHeader';

interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function storage(): KeyValueStorage | undefined {
  try {
    return (globalThis as { localStorage?: KeyValueStorage }).localStorage;
  } catch {
    // A browser that refuses storage access throws on reading the property.
    return undefined;
  }
}

const listeners = new Set<() => void>();
let keepHeader: boolean | undefined;

export function isKeepHeaderOn(): boolean {
  keepHeader ??= storage()?.getItem(STORAGE_KEY) !== 'off';
  return keepHeader;
}

export function setKeepHeader(on: boolean): void {
  keepHeader = on;
  try {
    storage()?.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // A full or refused storage loses the choice at restart only; this session still honours it.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useKeepHeader(): boolean {
  return useSyncExternalStore(subscribe, isKeepHeaderOn, isKeepHeaderOn);
}

/** Tests: forget the cached choice so the next read asks the storage again. */
export function resetKeepHeaderCache(): void {
  keepHeader = undefined;
}
