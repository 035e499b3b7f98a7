/**
 * Which grid columns show, and in what order. The specs keep the vendors' field order (the wire needs
 * nothing else), but a clerk types the product, the quantity, then the price; custom properties come last.
 * The order is derived here; hidden columns are remembered per document type in localStorage, as the
 * import's column mapping is. The first column (商家编码) cannot be hidden: the row is nothing without it.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { DocumentSpec, FieldSpec } from '../../../shared/spec';
import { quantityField } from './fieldText';

interface ColumnView {
  /** The columns on screen, in screen order. */
  readonly columns: readonly FieldSpec[];
  /** For each screen column, its index in spec.lines (the store's activeCell.col and data-col use these). */
  readonly specIndex: readonly number[];
}

const PRICE_KEYS = /price|discount|tax/i;
const CUSTOM = /^prop\d+$/;

function rank(field: FieldSpec, quantity: FieldSpec | undefined): number {
  if (field.catalog === 'spec') return 0;
  if (field === quantity) return 1;
  if (PRICE_KEYS.test(field.key) && (field.type.kind === 'decimal' || field.type.kind === 'int')) return 2;
  if (CUSTOM.test(field.key) || field.label.includes('自定义属性')) return 9;
  return 5;
}

/** Spec indexes in the order a clerk fills them; stable within a rank, so vendor order breaks ties. */
export function columnOrder(fields: readonly FieldSpec[]): number[] {
  const quantity = quantityField(fields);
  return fields
    .map((field, index) => ({ index, rank: rank(field, quantity) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.index);
}

export function columnView(fields: readonly FieldSpec[], hidden: ReadonlySet<string>): ColumnView {
  const order = columnOrder(fields);
  const first = order[0];
  const shown = order.filter((index) => index === first || !hidden.has(fields[index]?.key ?? ''));
  return {
    columns: shown.map((index) => fields[index]).filter((field): field is FieldSpec => field !== undefined),
    specIndex: shown,
  };
}

const STORAGE_PREFIX = 'wdt.grid.hiddenColumns.';
const listeners = new Set<() => void>();
const cache = new Map<string, ReadonlySet<string>>();

export function readHiddenColumns(method: string): ReadonlySet<string> {
  const cached = cache.get(method);
  if (cached !== undefined) return cached;
  let hidden: ReadonlySet<string> = new Set();
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_PREFIX + method) ?? '[]');
    if (Array.isArray(parsed))
      hidden = new Set(parsed.filter((key): key is string => typeof key === 'string'));
  } catch {
    // A damaged entry only means every column shows.
  }
  cache.set(method, hidden);
  return hidden;
}

export function setColumnHidden(method: string, key: string, hide: boolean): void {
  const next = new Set(readHiddenColumns(method));
  if (hide) next.add(key);
  else next.delete(key);
  cache.set(method, next);
  try {
    localStorage.setItem(STORAGE_PREFIX + method, JSON.stringify([...next]));
  } catch {
    // Storage full or unavailable: the choice still holds for this session.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useHiddenColumns(method: string): ReadonlySet<string> {
  const read = useCallback(() => readHiddenColumns(method), [method]);
  return useSyncExternalStore(subscribe, read);
}

export function useColumnView(spec: DocumentSpec): ColumnView {
  const hidden = useHiddenColumns(spec.method);
  return useMemo(() => columnView(spec.lines, hidden), [spec.lines, hidden]);
}
