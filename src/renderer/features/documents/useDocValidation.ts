/**
 * Validates the document as the user types with the same validator main uses. Small documents are checked
 * almost at once; big ones wait for a pause in typing, so a keystroke never waits for 10,000 rows, and a
 * scan never waits for 20,000 SNs: scan mode keeps a few rows holding thousands of SNs each, and checking
 * them all between two scans lands on the next scan's keys.
 */
import { useEffect, useState } from 'react';
import type { DocumentSpec, RawRecord } from '../../../shared/spec';
import type { GridRow } from './gridOps';
import { setProblems, useDocHeader, useDocLines, useDocLoaded } from './documentStore';
import { validateForScreen } from './docModel';

/** Past this many rows the grid is big whatever it holds; its list cells are not counted. */
const MANY_ROWS = 2000;
/** List values (SNs) beyond which a document waits for a pause of a scanner's pace, not a typist's. */
const MANY_LIST_VALUES = 5000;

/** Values in list cells (the SNs of scan mode), counted only up to `limit`. */
function listValueCount(lines: readonly GridRow[], limit: number): number {
  let count = 0;
  for (const row of lines)
    for (const value of Object.values(row)) {
      if (Array.isArray(value)) count += value.length;
      if (count > limit) return count;
    }
  return count;
}

/** How long a change waits for the next one before the document is checked. */
export function validationDelayMs(lines: readonly GridRow[]): number {
  if (lines.length > MANY_ROWS) return 400;
  // Scans come a second or so apart: the check runs once the scanning pauses, not between two scans.
  if (listValueCount(lines, MANY_LIST_VALUES) > MANY_LIST_VALUES) return 1000;
  if (lines.length > 200) return 150;
  return 30;
}

/** Returns true while a check is waiting to run. */
export function useDocValidation(spec: DocumentSpec): boolean {
  const header = useDocHeader(spec.method);
  const lines = useDocLines(spec.method);
  const loaded = useDocLoaded(spec.method);
  // The values the shown problems belong to; anything newer is still waiting for its check.
  const [checked, setChecked] = useState<{ header: RawRecord; lines: readonly GridRow[] } | null>(null);

  useEffect(() => {
    if (!loaded) return;
    const timer = setTimeout(() => {
      setProblems(spec.method, validateForScreen(spec, header, lines).problems, header);
      setChecked({ header, lines });
    }, validationDelayMs(lines));
    return () => clearTimeout(timer);
  }, [spec, header, lines, loaded]);

  return checked?.header !== header || checked.lines !== lines;
}
