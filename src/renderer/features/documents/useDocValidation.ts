/**
 * Validates the document as the user types with the same validator main uses. Small documents are checked
 * almost at once; big grids wait for a pause in typing so a keystroke never waits for 10,000 rows.
 */
import { useEffect, useState } from 'react';
import type { DocumentSpec, RawRecord } from '../../../shared/spec';
import type { GridRow } from './gridOps';
import { setProblems, useDocHeader, useDocLines, useDocLoaded } from '../../stores/documentStore';
import { validateForScreen } from './docModel';

export function validationDelayMs(rowCount: number): number {
  if (rowCount > 2000) return 400;
  if (rowCount > 200) return 150;
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
      setProblems(spec.method, validateForScreen(spec, header, lines).problems);
      setChecked({ header, lines });
    }, validationDelayMs(lines.length));
    return () => clearTimeout(timer);
  }, [spec, header, lines, loaded]);

  return checked?.header !== header || checked.lines !== lines;
}
