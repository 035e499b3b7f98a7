/** Puts rows from the import into the grid (replace or append) and places the import's row issues. */
import type { RawRecord } from '../../../shared/spec';
import { trimTrailingEmptyRows, type GridRow } from './gridOps';

export interface ImportResult {
  readonly rows: RawRecord[];
  readonly mode: 'replace' | 'append';
  readonly rowIssues: { index: number; messages: string[] }[];
}

interface AppliedImport {
  readonly lines: readonly GridRow[];
  /** Issues re-numbered to grid rows. */
  readonly issues: readonly { index: number; messages: readonly string[] }[];
  /** Grid row of the first imported line, to move the cursor there. */
  readonly firstRow: number;
}

export function applyImport(current: readonly GridRow[], result: ImportResult): AppliedImport {
  const kept = result.mode === 'append' ? trimTrailingEmptyRows(current) : [];
  const offset = kept.length;
  return {
    lines: [...kept, ...result.rows],
    issues: result.rowIssues.map((issue) => ({ index: issue.index + offset, messages: issue.messages })),
    firstRow: offset,
  };
}
