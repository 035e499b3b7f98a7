/**
 * Applies barcode → spec_no to the detail grid once a cell's text is committed (a move, Enter, a paste):
 * asks the catalog, then changes only cells that still hold what was typed, so an edit made meanwhile wins.
 */
import type { FieldSpec } from '../../../shared/spec';
import { cachedMatch, lookupCodes } from '../catalog/catalogLookup';
import { barcodeReplacements, type TypedCode } from '../catalog/barcodeEntry';
import { rememberBarcode } from '../catalog/barcodeMemory';
import { getDoc, setLines } from './documentStore';
import type { GridRow } from './gridOps';

/** Conversions still waiting for the catalog, per document: a submit waits for them (see below). */
const pending = new Map<string, Set<Promise<number>>>();

/**
 * Resolves once every conversion started so far for `method` has been applied. A barcode typed just before
 * Ctrl+Enter must become its spec_no before the document is read for sending: the ERP knows spec_no only.
 */
export async function barcodeConversionsSettled(method: string): Promise<void> {
  await Promise.allSettled([...(pending.get(method) ?? [])]);
}

export function convertBarcodes(
  method: string,
  field: FieldSpec,
  typed: readonly TypedCode[],
): Promise<number> {
  const conversion = applyConversions(method, field, typed);
  const waiting = pending.get(method) ?? new Set<Promise<number>>();
  pending.set(method, waiting.add(conversion));
  void conversion.finally(() => waiting.delete(conversion)).catch(() => undefined);
  return conversion;
}

async function applyConversions(
  method: string,
  field: FieldSpec,
  typed: readonly TypedCode[],
): Promise<number> {
  if (field.catalog !== 'spec' || typed.length === 0) return 0;
  await lookupCodes(
    'spec',
    typed.map((entry) => entry.text.trim()),
  );
  const replacements = barcodeReplacements(typed, (code) => cachedMatch('spec', code));
  if (replacements.length === 0) return 0;
  const lines = getDoc(method)?.lines ?? [];
  const typedAt = new Map(typed.map((entry) => [entry.row, entry.text]));
  // One copy of the rows for the whole batch: a pasted column of 10,000 barcodes is one change.
  let next: GridRow[] | null = null;
  for (const { row, barcode, specNo } of replacements) {
    const line = lines[row];
    if (line === undefined || line[field.key] !== typedAt.get(row)) continue;
    rememberBarcode(method, specNo, barcode);
    next ??= [...lines];
    next[row] = { ...line, [field.key]: specNo };
  }
  if (next !== null) setLines(method, next);
  return replacements.length;
}
