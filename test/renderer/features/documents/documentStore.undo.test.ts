import { describe, expect, it, vi } from 'vitest';
import { outerOutSpec } from '../../../../src/shared/documents';
import { draftIdFor } from '../../../../src/shared/draftIds';
import {
  ensureDoc,
  getDoc,
  restoreDoc,
  setImportIssues,
  setHeaderValue,
  setLines,
  undoLines,
} from '../../../../src/renderer/features/documents/documentStore';
import { loadDocDraft } from '../../../../src/renderer/features/documents/documentDraftSync';
import { applyImport } from '../../../../src/renderer/features/documents/importApply';
import { insertRow } from '../../../../src/renderer/features/documents/gridOps';
import { mergeDocRows } from '../../../../src/renderer/features/documents/mergeAction';
import type { FakeDocBridge } from '../../support/docFakeBridge';
import { useDocumentScreens } from '../../support/documentScreens';

const spec = outerOutSpec;
const method = spec.method;
let fake: FakeDocBridge;

useDocumentScreens((bridge) => (fake = bridge));

describe('grid undo in the document store', () => {
  it('undoes an import with its row notes, leaves the header alone, and saves the draft after undo and redo', async () => {
    await loadDocDraft(spec);
    setHeaderValue(method, 'warehouse_no', 'W1');
    setLines(method, [{ spec_no: 'A001', num: '1' }]);
    const applied = applyImport(getDoc(method)?.lines ?? [], {
      mode: 'append',
      rows: [{ spec_no: 'B001', num: 'x' }],
      rowIssues: [{ index: 0, messages: ['数量不是数字'] }],
    });
    setLines(method, applied.lines, { importIssues: applied.issues });
    setHeaderValue(method, 'remark', '备注在导入之后');
    await vi.advanceTimersByTimeAsync(400);

    expect(undoLines(method)).toBe(1);
    expect(getDoc(method)?.lines).toEqual([{ spec_no: 'A001', num: '1' }]);
    expect(getDoc(method)?.importIssues).toEqual([]);
    expect(getDoc(method)?.header).toMatchObject({ warehouse_no: 'W1', remark: '备注在导入之后' });
    await vi.advanceTimersByTimeAsync(400);
    expect(fake.drafts.get(draftIdFor(method))).toMatchObject({ lines: [{ spec_no: 'A001', num: '1' }] });

    expect(undoLines(method, 'redo')).toBe(1);
    expect(getDoc(method)?.importIssues).toEqual([{ index: 1, messages: ['数量不是数字'] }]);
    await vi.advanceTimersByTimeAsync(400);
    expect(fake.drafts.get(draftIdFor(method))).toMatchObject({
      lines: [{ spec_no: 'A001' }, { spec_no: 'B001' }],
    });
  });

  it('takes no undo step for the empty row Enter opens, and still undoes what came before it', async () => {
    await loadDocDraft(spec);
    setLines(method, [{ spec_no: 'A001', num: '1' }]);
    const lines = getDoc(method)?.lines ?? [];
    setLines(method, insertRow(lines, lines.length), { undoable: false });
    expect(undoLines(method)).toBe(0);
    expect(getDoc(method)?.lines).toEqual([{}, {}]);
    expect(undoLines(method)).toBeUndefined();
  });

  it('forgets the history when the screen starts over or scan mode takes the lines', async () => {
    await loadDocDraft(spec);
    setLines(method, [{ spec_no: 'A001' }]);
    setLines(method, [{ spec_no: 'A001', sn_list: 'SN1' }], { keptElsewhere: true });
    expect(undoLines(method)).toBeUndefined();
    expect(getDoc(method)?.lines).toEqual([{ spec_no: 'A001', sn_list: 'SN1' }]);
  });
});

describe('undo of a merge (合并)', () => {
  it('brings back the merged rows and their import notes in one step', () => {
    ensureDoc(spec);
    restoreDoc(spec, {
      version: 1,
      header: { warehouse_no: 'W1', is_check: false },
      lines: [
        { spec_no: 'X', num: '2' },
        { spec_no: 'Y', num: '1' },
        { spec_no: 'X', num: '1' },
      ],
    });
    setImportIssues(method, [{ index: 2, messages: ['x'] }]);
    const before = getDoc(method)?.lines;
    expect(mergeDocRows(spec, [0, 2])).toBe(true);
    expect(getDoc(method)?.lines).toHaveLength(2);
    expect(undoLines(method)).toBe(0);
    expect(getDoc(method)?.lines).toEqual(before);
    expect(getDoc(method)?.importIssues).toEqual([{ index: 2, messages: ['x'] }]);
    expect(getDoc(method)?.header).toEqual({ warehouse_no: 'W1', is_check: false });
  });
});
