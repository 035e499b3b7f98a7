import { describe, expect, it } from 'vitest';
import { parseExpectedList } from '../../../../../src/renderer/features/scan/model/expectedList';
import type { ScanState } from '../../../../../src/renderer/features/scan/model/scanData';
import type { ScanContext } from '../../../../../src/renderer/features/scan/model/scanContext';
import {
  applyScan,
  bulkAddSns,
  createScanState,
  deleteSn,
  undoLastScan,
} from '../../../../../src/renderer/features/scan/model/scanState';
import {
  addLine,
  findSn,
  isTypedSn,
  missingExpected,
  removeLine,
  setExpectedList,
  setLineRequired,
} from '../../../../../src/renderer/features/scan/model/scanLineEdits';
import { totalSnCount } from '../../../support/scanCounts';
import { flattenChunks, SN_CHUNK_SIZE } from '../../../../../src/renderer/features/scan/model/snChunks';

function sns(state: ScanState, line = 0): string[] {
  return flattenChunks(state.lines[line]?.sns ?? []);
}

function scanAll(state: ScanState, values: readonly string[], ctx: ScanContext = {}): ScanState {
  let current = state;
  for (const value of values) current = applyScan(current, value, 'scanner', ctx).state;
  return current;
}

describe('lines and spec_no scans', () => {
  it('selects an existing line by its spec_no and routes following SNs to it', () => {
    let state = createScanState([
      { specNo: 'A', required: null },
      { specNo: 'B', required: null },
    ]);
    const selected = applyScan(state, 'B', 'scanner');
    expect(selected.result).toMatchObject({ kind: 'line-selected', line: 1, added: false, tone: 'success' });
    state = scanAll(selected.state, ['SN1', 'SN2']);
    expect(sns(state, 1)).toEqual(['SN1', 'SN2']);
    expect(sns(state, 0)).toEqual([]);
  });

  it('adds a line for an unknown spec_no only when the screen expects one or the caller recognises it', () => {
    const state = createScanState();
    const plain = applyScan(state, 'NEWSPEC', 'scanner');
    expect(plain.result).toMatchObject({ kind: 'no-active-line', tone: 'error' });
    expect(plain.state).toBe(state);

    const expecting = applyScan(state, 'NEWSPEC', 'scanner', { expectingSpecNo: true, requiredFor: () => 3 });
    expect(expecting.result).toMatchObject({
      kind: 'line-selected',
      added: true,
      line: 0,
      specNo: 'NEWSPEC',
    });
    expect(expecting.state.lines[0]).toMatchObject({ specNo: 'NEWSPEC', required: 3, count: 0 });

    const catalog = applyScan(state, 'CAT-1', 'scanner', { isSpecNo: (v) => v.startsWith('CAT-') });
    expect(catalog.result).toMatchObject({ kind: 'line-selected', added: true });
  });

  it('refuses an SN beyond the line count, and the refused SN stays out', () => {
    let state = createScanState([{ specNo: 'A', required: 2 }]);
    state = scanAll(state, ['S1', 'S2']);
    const over = applyScan(state, 'S3', 'scanner');
    expect(over.result).toMatchObject({ kind: 'over-count', required: 2, line: 0, tone: 'error' });
    expect(over.result.message).toBe('第1行 A 已扫满 2 个，不能再加');
    expect(over.state).toBe(state);
    expect(findSn(over.state, 'S3')).toBeNull();
    const raised = setLineRequired(state, 0, 3);
    expect(applyScan(raised, 'S3', 'scanner').result.kind).toBe('accepted');
  });

  it('prefers a line of the same spec_no that still has room', () => {
    let state = createScanState([
      { specNo: 'A', required: 1 },
      { specNo: 'A', required: 5 },
    ]);
    state = scanAll(state, ['A', 'X1', 'A', 'X2']);
    expect(sns(state, 0)).toEqual(['X1']);
    expect(sns(state, 1)).toEqual(['X2']);
  });

  it('refuses malformed SNs with a reason', () => {
    const state = createScanState([{ specNo: 'A', required: null }]);
    expect(applyScan(state, 'SN 1', 'typed').result).toMatchObject({
      kind: 'invalid',
      problem: 'whitespace',
    });
    expect(applyScan(state, 'SN，1', 'typed').result).toMatchObject({ kind: 'invalid', problem: 'comma' });
    const custom = applyScan(state, 'x1', 'typed', {
      validateSn: (sn) => (/^[A-Z]/.test(sn) ? null : '须以大写字母开头'),
    });
    expect(custom.result).toMatchObject({ kind: 'invalid', problem: 'custom', message: '须以大写字母开头' });
    expect(applyScan(state, '\u200B\u3000', 'scanner').result.kind).toBe('empty-ignored');
  });
});

describe('expected-list mode', () => {
  it('accepts only listed SNs and routes each to the line its list entry names', () => {
    const parsed = parseExpectedList('E1\tA\nE2,B\nE3\n\nE1\tA\nbad one\n');
    expect(parsed.entries).toEqual([
      { sn: 'E1', specNo: 'A' },
      { sn: 'E2', specNo: 'B' },
      { sn: 'E3', specNo: null },
    ]);
    expect(parsed.duplicates).toEqual(['E1']);
    expect(parsed.invalid).toEqual([{ lineNo: 6, value: 'bad one', problem: 'whitespace' }]);

    let state = setExpectedList(createScanState([{ specNo: 'A', required: null }]), parsed.entries);
    const stranger = applyScan(state, 'X9', 'scanner');
    expect(stranger.result).toMatchObject({ kind: 'not-expected', tone: 'error' });
    state = scanAll(state, ['E2', 'E1', 'E3']);
    expect(state.lines.map((l) => l.specNo)).toEqual(['A', 'B']);
    expect(sns(state, 1)).toEqual(['E2']);
    // E1 routed back to A, which became active; E3 has no spec_no and follows the active line.
    expect(sns(state, 0)).toEqual(['E1', 'E3']);
    expect(missingExpected(state)).toEqual([]);
    expect(missingExpected(scanAll(setExpectedList(createScanState(), parsed.entries), []))).toHaveLength(3);
  });
});

describe('undo, delete, bulk paste', () => {
  it('undoes the last scans in reverse order, skipping ones already deleted', () => {
    let state = scanAll(createScanState([{ specNo: 'A', required: null }]), ['U1', 'U2', 'U3']);
    state = deleteSn(state, 'U3').state;
    const first = undoLastScan(state);
    expect(first.undone).toEqual({ sn: 'U2', line: 0, position: 1 });
    const second = undoLastScan(first.state);
    expect(second.undone?.sn).toBe('U1');
    expect(sns(second.state)).toEqual([]);
    expect(undoLastScan(second.state).undone).toBeNull();
    // The undone SN can be scanned again: the index forgot it.
    expect(applyScan(second.state, 'U1', 'scanner').result.kind).toBe('accepted');
  });

  it('deletes any SN, including across chunk boundaries, and keeps positions right', () => {
    const codes = Array.from({ length: SN_CHUNK_SIZE * 2 + 10 }, (_, i) => `D${i}`);
    let state = scanAll(createScanState([{ specNo: 'A', required: null }]), codes);
    const middle = `D${SN_CHUNK_SIZE + 3}`;
    const removed = deleteSn(state, middle);
    expect(removed.removed).toEqual({ line: 0, position: SN_CHUNK_SIZE + 3 });
    state = removed.state;
    expect(sns(state)).toEqual(codes.filter((c) => c !== middle));
    expect(state.lines[0]?.count).toBe(codes.length - 1);
    expect(findSn(state, `D${SN_CHUNK_SIZE + 4}`)).toEqual({ line: 0, position: SN_CHUNK_SIZE + 3 });
    expect(deleteSn(state, 'NOPE').removed).toBeNull();
    expect(applyScan(state, middle, 'scanner').result.kind).toBe('accepted');
  });

  it('adds a pasted list in one change and reports each line', () => {
    let state = createScanState([{ specNo: 'A', required: 5 }]);
    state = scanAll(state, ['P1']);
    const pasted = 'P2\r\nP3\n\nP1\nP3\nbad sn\nP4\nP5\nP6\n';
    const { state: next, summary } = bulkAddSns(state, pasted, { isAlreadySent: (sn) => sn === 'P4' });
    expect(summary.items.map((r) => [r.value, r.kind])).toEqual([
      ['P2', 'accepted'],
      ['P3', 'accepted'],
      ['P1', 'duplicate-in-document'],
      ['P3', 'duplicate-in-document'],
      ['bad sn', 'invalid'],
      ['P4', 'already-sent'],
      ['P5', 'accepted'],
      ['P6', 'accepted'],
    ]);
    expect(summary).toMatchObject({ added: 4, duplicates: 3, invalid: 1, refused: 0 });
    expect(sns(next)).toEqual(['P1', 'P2', 'P3', 'P5', 'P6']);
    expect(isTypedSn(next, 'P2')).toBe(true);
    expect(isTypedSn(next, 'P1')).toBe(false);
    const full = bulkAddSns(next, 'P7\nP8');
    expect(full.summary).toMatchObject({ added: 0, refused: 2 });
    expect(full.summary.message).toBe('已添加 0 个，重复 0 个，无效 0 个，其他未添加 2 个');
  });

  it('removes a line with its SNs and keeps the other lines findable', () => {
    let state = createScanState([
      { specNo: 'A', required: null },
      { specNo: 'B', required: null },
    ]);
    state = scanAll(state, ['A1', 'B', 'B1']);
    state = addLine(state, 'C', null).state;
    state = scanAll(state, ['C1']);
    state = removeLine(state, 0);
    expect(state.lines.map((l) => l.specNo)).toEqual(['B', 'C']);
    expect(state.activeLine).toBe(1);
    expect(findSn(state, 'C1')).toEqual({ line: 1, position: 0 });
    expect(findSn(state, 'A1')).toBeNull();
    expect(totalSnCount(state)).toBe(2);
  });
});

describe('immutability', () => {
  it('never changes an earlier state, and an earlier state used again still answers correctly', () => {
    const before = scanAll(createScanState([{ specNo: 'A', required: null }]), ['I1']);
    const snapshot = JSON.stringify(before);
    const after = scanAll(before, ['I2', 'I3']);
    expect(JSON.stringify(before)).toBe(snapshot);
    // Branching from the old state: I2 is not in it, so it is accepted there; the newer state is untouched.
    const branch = applyScan(before, 'I2', 'scanner');
    expect(branch.result.kind).toBe('accepted');
    expect(applyScan(after, 'I3', 'scanner').result.kind).toBe('duplicate-in-document');
    expect(sns(after)).toEqual(['I1', 'I2', 'I3']);
  });
});

describe('line numbers as the screen shows them', () => {
  it('names the grid row in every message when the scan lines are a subset of the document rows', () => {
    // The line dialog scans only the document's SN rows: scan line 0 is grid row 3 here.
    const ctx: ScanContext = { lineNumber: (line) => [3, 5][line] ?? line + 1 };
    const state = createScanState([
      { specNo: 'A', required: 1 },
      { specNo: 'B', required: null },
    ]);
    const first = applyScan(state, 'SN0001', 'scanner', ctx);
    expect(first.result.message).toContain('第3行 第1个');
    expect(applyScan(first.state, 'SN0002', 'scanner', ctx).result.message).toContain('第3行 A 已扫满');
    expect(applyScan(first.state, 'SN0001', 'scanner', ctx).result.message).toBe('SN 重复：已在第3行 第1个');
    expect(applyScan(first.state, 'B', 'scanner', ctx).result.message).toContain('已切换到第5行：B');
  });
});
