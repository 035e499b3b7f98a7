/**
 * The shape of the practice ERP's query models (queryModels.ts, querySnModels.ts) and the helpers they
 * share to turn created documents into the records the vendor pages describe.
 */
import type { CreatedDocument } from './documents';
import type { ErpRecord, ErpValue } from './readArgs';

/** One record a query can answer, with what its params filter on. */
export interface QueryRow {
  /** Server-clock ms checked against the window (created = modified: nothing is edited afterwards). */
  readonly at: number;
  /** Param key → the row's value (or values); params not listed here do not narrow the answer. */
  readonly filters: Readonly<Record<string, string | readonly string[]>>;
  readonly record: Readonly<Record<string, unknown>>;
}

/** Writes a document-level time: as text, or as epoch ms where the vendor's example does (or always). */
export type TimeWriter = (serverMs: number, vendorGivesEpochMs: boolean) => string | number;

export interface QueryModel {
  readonly method: string;
  readonly params: readonly string[];
  /** Params that, given, make the window optional; empty: the window is always required. */
  readonly numberKeys: readonly string[];
  /** A param that, given, makes the ERP ignore the window (采购单号: 起止时间条件失效). */
  readonly windowIgnoredWith?: string;
  /** The page's 时间跨度; undefined when the page states none. */
  readonly maxWindow?: { readonly ms: number; readonly words: string };
  readonly listKey: string;
  rows(created: readonly CreatedDocument[], time: TimeWriter): QueryRow[];
}

const MINUTE_MS = 60_000;
export const THIRTY_DAYS = { ms: 30 * 24 * 60 * MINUTE_MS, words: '30天' };

export const text = (value: ErpValue | undefined): string =>
  value === undefined ? '' : Array.isArray(value) ? value.join(',') : String(value);
export const amount = (value: ErpValue | undefined): number =>
  typeof value === 'number' ? value : Number(value ?? 0);
export const totalNum = (lines: readonly ErpRecord[]): number =>
  lines.reduce((sum, line) => sum + amount(line['num']), 0);
export const kinds = (lines: readonly ErpRecord[]): number =>
  new Set(lines.map((line) => text(line['spec_no']))).size;

export function made(
  created: readonly CreatedDocument[],
  method: string,
): { doc: CreatedDocument; id: number }[] {
  return created.flatMap((doc, index) => (doc.method === method ? [{ doc, id: 1000 + index }] : []));
}
