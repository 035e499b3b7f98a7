/**
 * Optional header fields a clerk rarely fills, folded behind 更多 where the whole header would push the grid
 * and the 提交 footer below a 1024×768 screen (only 采购单新建's 20 fields do). Required fields and those
 * filled on every document stay in sight; a folded field that holds a value or shows a problem stays in
 * sight too, so nothing typed or wrong is ever out of view. Open or closed is remembered per document type.
 */
import { useCallback, useState } from 'react';
import type { DocumentSpec, FieldSpec, RawRecord } from '../../../shared/spec';
import { isBlank } from '../../../shared/validate';

const FOLDED: Readonly<Record<string, readonly string[]>> = {
  'purchase.PurchaseOrder.createOrder': [
    'apply_nos',
    'receive_address',
    'contact',
    'telno',
    'flag_name',
    'created',
    'pay_type',
    'postfee_pay_type',
    'post_fee',
    'other_fee',
    'logistics_no',
    'prop1',
    'prop2',
    'prop3',
    'prop4',
  ],
};

/** The document's foldable fields: listed above and not required (a required field never hides). */
export function foldableFields(spec: DocumentSpec): readonly FieldSpec[] {
  const keys = new Set(FOLDED[spec.method] ?? []);
  return [...spec.header, ...spec.positional].filter((field) => keys.has(field.key) && !field.required);
}

/**
 * The header fields on screen, in spec order: all of them when 更多 is open, else all but the folded ones
 * that are empty and not kept in sight (a problem shown, the cursor in it).
 */
export function visibleHeaderFields(
  spec: DocumentSpec,
  open: boolean,
  header: RawRecord,
  keepInSight: ReadonlySet<string>,
): readonly FieldSpec[] {
  const all = [...spec.header, ...spec.positional];
  if (open) return all;
  const folded = new Set(foldableFields(spec).map((field) => field.key));
  return all.filter(
    (field) => !folded.has(field.key) || !isBlank(header[field.key]) || keepInSight.has(field.key),
  );
}

const STORAGE_PREFIX = 'wdt.header.moreOpen.';

function readOpen(method: string): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_PREFIX + method) === 'open';
  } catch {
    // Storage refused: the fields start folded.
    return false;
  }
}

/** Whether 更多 is open on this document type, and the setter that remembers it. */
export function useHeaderMoreOpen(method: string): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => readOpen(method));
  const change = useCallback(
    (next: boolean) => {
      setOpen(next);
      try {
        globalThis.localStorage?.setItem(STORAGE_PREFIX + method, next ? 'open' : 'closed');
      } catch {
        // Storage full or refused: the choice holds for this session.
      }
    },
    [method],
  );
  return [open, change];
}
