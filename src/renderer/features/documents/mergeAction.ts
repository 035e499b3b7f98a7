/**
 * The problem list's 合并 button: merges the detail rows the ERP would refuse as the same stock, moves the
 * import's row notes along with the rows, and puts the cursor on the merged line's quantity.
 */
import { mergeLines } from '../../../shared/documents/mergeLines';
import type { DocumentSpec } from '../../../shared/spec';
import { getDoc, requestFocus, setLines, type RowIssue } from './documentStore';
import { showNotice } from '../../stores/noticeStore';

/** Import notes follow their rows: a merged-away row's notes go to the merged line, later rows move up. */
export function renumberIssues(
  issues: readonly RowIssue[],
  rows: readonly number[],
  mergedAt: number,
): RowIssue[] {
  const dropped = rows.filter((row) => row !== mergedAt);
  return issues.map((issue) => {
    if (dropped.includes(issue.index)) return { ...issue, index: mergedAt };
    return { ...issue, index: issue.index - dropped.filter((row) => row < issue.index).length };
  });
}

/** Returns whether the rows were merged; a refusal is shown as a notice saying why. */
export function mergeDocRows(spec: DocumentSpec, rows: readonly number[]): boolean {
  const doc = getDoc(spec.method);
  if (!doc) return false;
  const result = mergeLines(spec, doc.lines, rows);
  if (!result.ok) {
    showNotice('warning', `未合并：${result.message}`);
    return false;
  }
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  // One undo step: the rows and their import notes go back together.
  setLines(spec.method, result.lines, {
    importIssues: renumberIssues(doc.importIssues, sorted, result.row),
  });
  const identity = spec.lineIdentity;
  const focusField = identity.quantity?.key ?? identity.sns?.key ?? identity.fields[0].key;
  requestFocus(spec.method, { area: 'lines', row: result.row, field: focusField });
  showNotice('success', `已将第${sorted.map((row) => row + 1).join('、')}行合并为第${result.row + 1}行`);
  return true;
}
