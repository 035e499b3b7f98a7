/**
 * A fresh document is quiet (issue #16): a problem shows in the list, the count and under its field only
 * once the user left that field (or it holds a value), edited or left a grid cell, or tried to submit or
 * preview; a fresh document starts quiet again. Row problems show at once, as the grid paints them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { outerOutSpec, purchaseOrderSpec } from '../../../../src/shared/documents';
import type { Problem } from '../../../../src/shared/spec';
import { validateForScreen } from '../../../../src/renderer/features/documents/docModel';
import { listProblems } from '../../../../src/renderer/features/documents/problemIndex';
import {
  LINES_VISIT,
  shownProblems,
  type Visits,
} from '../../../../src/renderer/features/documents/problemVisibility';
import {
  ensureDoc,
  getDoc,
  markVisited,
  replaceDocContent,
  resetDoc,
  resetDocuments,
  restoreDoc,
  revealProblems,
  setHeaderValue,
  setLines,
} from '../../../../src/renderer/features/documents/documentStore';

const spec = outerOutSpec;
const method = spec.method;

/** What the 问题 panel lists for the document as the store holds it now. */
function panel(): string[] {
  const doc = getDoc(method);
  if (doc === undefined) throw new Error('no document');
  const checks = validateForScreen(spec, doc.header, doc.lines).problems;
  const visits: Visits = { visited: doc.visited, revealAll: doc.revealAll };
  return shownProblems(listProblems(spec, checks, [], doc.importIssues), doc.header, doc.header, visits).map(
    (problem) => `${problem.location}｜${problem.message}`,
  );
}

beforeEach(() => {
  resetDocuments();
  ensureDoc(spec);
  restoreDoc(spec, undefined);
});

describe('problems shown after a visit or a submit', () => {
  it('lists nothing for a fresh, untouched document, though it cannot be sent yet', () => {
    const doc = getDoc(method);
    expect(doc && validateForScreen(spec, doc.header, doc.lines).problems.length).toBeGreaterThan(1);
    expect(panel()).toEqual([]);
  });

  it('lists a required header field once it was left empty, and only that one', () => {
    markVisited(method, 'warehouse_no');
    expect(panel()).toEqual(['单据数据 · 仓库编号｜仓库编号 不能为空']);
  });

  it('lists the empty grid once a grid cell was left, and a typed row at once, as the grid paints it', () => {
    markVisited(method, LINES_VISIT);
    expect(panel()).toEqual([`${spec.linesLabel}｜${spec.linesLabel} 至少需要一行`]);
  });

  it('lists everything after a try to submit or preview', () => {
    setLines(method, [{ spec_no: 'A', num: '1.5' }]);
    expect(panel()).toEqual(['第1行 · 数量｜数量 必须是整数']);
    revealProblems(method);
    expect(panel()).toEqual([
      '单据数据 · 仓库编号｜仓库编号 不能为空',
      '单据数据 · 是否审核｜是否审核 不能为空',
      '第1行 · 数量｜数量 必须是整数',
    ]);
  });

  it('shows the problem of a value typed into a field not left yet', () => {
    setHeaderValue(method, 'warehouse_no', 'x'.repeat(200));
    expect(panel()).toHaveLength(1);
    expect(panel()[0]).toContain('仓库编号');
  });

  it('starts quiet again on a fresh document: after a success or 清空草稿, and on a copied document', () => {
    markVisited(method, 'warehouse_no');
    revealProblems(method);
    resetDoc(spec);
    expect(panel()).toEqual([]);

    revealProblems(method);
    replaceDocContent(spec, { warehouse_no: 'W1' }, [{ spec_no: 'A', num: '1' }]);
    expect(getDoc(method)).toMatchObject({ revealAll: false, visited: new Set() });
  });

  it('shows a restored draft’s problems of its values, and nothing for an empty restored draft', () => {
    revealProblems(method);
    restoreDoc(spec, { version: 1, header: {}, lines: [{}] });
    expect(panel()).toEqual([]);

    restoreDoc(spec, {
      version: 1,
      header: { warehouse_no: 'x'.repeat(200) },
      lines: [{ spec_no: 'A', num: 'abc' }],
    });
    const listed = panel();
    expect(listed.some((line) => line.startsWith('单据数据 · 仓库编号'))).toBe(true);
    expect(listed.some((line) => line.startsWith('第1行 · 数量'))).toBe(true);
    expect(listed.some((line) => line.includes('是否审核'))).toBe(false);
  });

  it('keeps the visited fields per document', () => {
    ensureDoc(purchaseOrderSpec);
    restoreDoc(purchaseOrderSpec, undefined);
    markVisited(purchaseOrderSpec.method, 'provider_no');
    revealProblems(purchaseOrderSpec.method);
    expect(getDoc(method)).toMatchObject({ revealAll: false, visited: new Set() });
  });
});

describe('shownProblems', () => {
  const header: Problem = { path: { area: 'header', field: 'remark' }, message: 'm', severity: 'error' };
  const quiet: Visits = { visited: new Set(), revealAll: false };
  it('keeps a header problem of a field holding a value, even one only spaces away from blank', () => {
    expect(shownProblems([header], { remark: 'a' }, { remark: 'a' }, quiet)).toEqual([header]);
    expect(shownProblems([header], { remark: '  ' }, { remark: '  ' }, quiet)).toEqual([]);
  });

  it('hides a header problem found in a value the field no longer holds, even after 提交', () => {
    const revealed: Visits = { visited: new Set(['remark']), revealAll: true };
    expect(shownProblems([header], { remark: 'new' }, { remark: '' }, revealed)).toEqual([]);
    expect(shownProblems([header], { remark: 'new' }, { remark: 'new' }, revealed)).toEqual([header]);
  });
});

describe('the next document after a success, with 保留表头', () => {
  it('shows none of the problems its empty fields had once the kept values are written in', () => {
    revealProblems(method);
    resetDoc(spec);
    const empty = getDoc(method)?.header ?? {};
    // The check of the fresh document ran before the kept values arrived: it found them empty.
    const stale = validateForScreen(spec, empty, getDoc(method)?.lines ?? []).problems;
    expect(stale.some((problem) => problem.path.field === 'warehouse_no')).toBe(true);
    setHeaderValue(method, 'warehouse_no', 'WH-SH01');
    setHeaderValue(method, 'is_check', 'no');
    const doc = getDoc(method);
    if (doc === undefined) throw new Error('no document');
    const visits: Visits = { visited: doc.visited, revealAll: doc.revealAll };
    const shown = shownProblems(stale, doc.header, empty, visits);
    expect(shown.filter((problem) => problem.path.area === 'header')).toEqual([]);
  });
});
