import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { outerOutSpec, purchaseReturnSpec } from '../../../../src/shared/documents';
import { validateForScreen } from '../../../../src/renderer/features/documents/docModel';
import { mergeDocRows, renumberIssues } from '../../../../src/renderer/features/documents/mergeAction';
import { listProblems } from '../../../../src/renderer/features/documents/problemIndex';
import {
  getDoc,
  resetDocuments,
  restoreDoc,
  ensureDoc,
  setImportIssues,
} from '../../../../src/renderer/features/documents/documentStore';
import { getNotices } from '../../../../src/renderer/stores/noticeStore';
import type { DocumentSpec, RawRecord } from '../../../../src/shared/spec';

function open(spec: DocumentSpec, header: RawRecord, lines: RawRecord[]): void {
  ensureDoc(spec);
  restoreDoc(spec, { version: 1, header, lines });
}

/** What the problem list shows for the document as it is in the store. */
function listed(spec: DocumentSpec) {
  const doc = getDoc(spec.method);
  if (!doc) throw new Error('no document');
  return listProblems(spec, validateForScreen(spec, doc.header, doc.lines).problems, [], []);
}

beforeEach(() => {
  vi.useFakeTimers();
  resetDocuments();
});
afterEach(() => vi.useRealTimers());

describe('the problem list’s 合并', () => {
  it('merges the lines the ERP would refuse, and the document can then be sent', () => {
    const header = { warehouse_no: 'W1', is_check: false };
    open(outerOutSpec, header, [
      { spec_no: 'X', num: '2', is_enable_sn: '1', sn_list: 'S1\nS2' },
      { spec_no: 'Y', num: '1' },
      { spec_no: 'X', num: '1', is_enable_sn: '1', sn_list: 'S3' },
      {},
    ]);
    setImportIssues(outerOutSpec.method, [
      { index: 1, messages: ['y'] },
      { index: 2, messages: ['x'] },
    ]);
    const problem = listed(outerOutSpec).find((item) => item.fix !== undefined);
    expect(problem).toMatchObject({
      location: '第3行 · 商家编码',
      severity: 'error',
      fix: { kind: 'mergeLines', rows: [0, 2] },
    });
    if (problem?.fix === undefined) return;

    expect(mergeDocRows(outerOutSpec, problem.fix.rows)).toBe(true);
    const doc = getDoc(outerOutSpec.method);
    expect(doc?.lines).toEqual([
      { spec_no: 'X', num: '3', is_enable_sn: '1', sn_list: 'S1\nS2\nS3' },
      { spec_no: 'Y', num: '1' },
      {},
    ]);
    // The import's notes follow their rows; the cursor goes to the merged quantity.
    expect(doc?.importIssues).toEqual([
      { index: 1, messages: ['y'] },
      { index: 0, messages: ['x'] },
    ]);
    expect(doc?.focusRequest?.path).toEqual({ area: 'lines', row: 0, field: 'num' });
    expect(getNotices().at(-1)).toMatchObject({ kind: 'success', text: '已将第1、3行合并为第1行' });
    expect(listed(outerOutSpec)).toEqual([]);
  });

  it('leaves the grid alone and says why when the rows changed since the check', () => {
    const header = { return_no: 'CR1', warehouse_no: 'W1' };
    const lines = [
      { spec_no: 'X', num: '1' },
      { spec_no: 'X', num: '1', position_no: 'P-02' },
    ];
    open(purchaseReturnSpec, header, lines);
    // Only a notice here: two positions of one product depend on the ERP's setting.
    expect(listed(purchaseReturnSpec).map((item) => [item.severity, item.fix])).toEqual([
      ['warning', undefined],
    ]);
    expect(mergeDocRows(purchaseReturnSpec, [0, 1])).toBe(false);
    expect(getDoc(purchaseReturnSpec.method)?.lines).toEqual(lines);
    expect(getNotices().at(-1)).toMatchObject({
      kind: 'warning',
      text: '未合并：这几行已经不再完全相同，不需要合并',
    });
  });

  it('renumbers import notes: later rows move up, merged-away rows land on the merged line', () => {
    const issues = [0, 1, 2, 3, 4].map((index) => ({ index, messages: [String(index)] }));
    expect(renumberIssues(issues, [1, 3], 1).map((issue) => issue.index)).toEqual([0, 1, 2, 1, 3]);
  });
});
