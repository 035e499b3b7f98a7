/**
 * Matching what we sent against what the ERP holds, line by line. A line is a product (spec_no), good or
 * defective, and a quantity; lines of the same product and quality are added up on both sides, because the
 * ERP may merge or split them. Batches, expiry and positions are not compared: the ERP fills them in when
 * they were not sent, and a difference there would not make the document someone else's.
 */
import { recordOf, text } from './context';

/** "spec_no|defect" → quantity. */
export type LineTotals = ReadonlyMap<string, number>;

const QUANTITY_TOLERANCE = 1e-6;

function isDefect(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}

function quantity(value: unknown): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  return Number.isFinite(number) ? number : NaN;
}

/** Totals of a list of line objects; `quantityKey` is the field the quantity is in (num, goods_count, …). */
export function lineTotals(lines: unknown, quantityKey = 'num'): LineTotals {
  const totals = new Map<string, number>();
  for (const raw of Array.isArray(lines) ? lines : []) {
    const line = recordOf(raw);
    const key = `${text(line.spec_no)}|${isDefect(line.defect) ? 1 : 0}`;
    totals.set(key, (totals.get(key) ?? 0) + quantity(line[quantityKey]));
  }
  return totals;
}

export function sameLines(ours: LineTotals, theirs: LineTotals): boolean {
  if (ours.size === 0 || ours.size !== theirs.size) return false;
  for (const [key, count] of ours) {
    const other = theirs.get(key);
    if (other === undefined || !(Math.abs(other - count) <= QUANTITY_TOLERANCE)) return false;
  }
  return true;
}

/** "3 行，共 12 件" for a candidate's summary. */
export function describeLines(totals: LineTotals): string {
  let sum = 0;
  for (const count of totals.values()) sum += Number.isFinite(count) ? count : 0;
  return `${totals.size} 种货品，共 ${Number(sum.toFixed(4))} 件`;
}
