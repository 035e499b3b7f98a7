/**
 * Fills the catalog lookup cache for the grid rows on screen, so their names can show. Only the visible
 * rows (plus the virtualizer's overscan) are asked for, in one batch per kind after scrolling pauses: a grid
 * may hold 200,000 lines, and asking for all of them on render would stall the window.
 */
import { useEffect } from 'react';
import type { FieldSpec } from '../../../shared/spec';
import { lookupCodes } from '../catalog/catalogLookup';
import { visibleCodes } from '../catalog/catalogCodes';
import { useCatalogVersion } from '../catalog/catalogState';
import type { GridRow } from './gridOps';

/** Short enough that names appear as the rows do, long enough that a fast scroll asks once. */
const LOOKUP_DELAY_MS = 60;

export function useVisibleCodeLookups(
  columns: readonly FieldSpec[],
  lines: readonly GridRow[],
  first: number,
  last: number,
): void {
  // A dropped cache (a sync wrote records, another profile) is asked for again.
  const version = useCatalogVersion();
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const [kind, codes] of visibleCodes(columns, lines, first, last)) {
        if (codes.length > 0) void lookupCodes(kind, codes);
      }
    }, LOOKUP_DELAY_MS);
    return () => clearTimeout(timer);
  }, [columns, lines, first, last, version]);
}
