import { describe, expect, it } from 'vitest';
import { diffLines, GridHistory, MAX_ENTRIES } from '../../../../src/renderer/features/documents/gridHistory';
import {
  insertRow,
  removeRow,
  setCell,
  type GridRow,
} from '../../../../src/renderer/features/documents/gridOps';

const rows = (count: number): GridRow[] =>
  Array.from({ length: count }, (_, index) => ({ spec_no: `A${index}` }));

describe('diffLines', () => {
  it('keeps only the changed run of rows, not the grid', () => {
    const before = rows(200_000);
    const after = setCell(before, 1234, 'num', '5');
    const patch = diffLines(before, after);
    expect(patch?.start).toBe(1234);
    expect(patch?.before).toHaveLength(1);
    expect(patch?.after).toHaveLength(1);
    const removed = diffLines(before, removeRow(before, 10));
    expect(removed).toMatchObject({ start: 10, after: [] });
    expect(removed?.before).toHaveLength(1);
  });
});

describe('GridHistory', () => {
  it('undoes and redoes a row delete and an insert in order', () => {
    const history = new GridHistory();
    const a = rows(5);
    const b = removeRow(a, 2);
    history.record(a, b);
    const c = insertRow(b, 0);
    history.record(b, c);
    const undone1 = history.undo(c);
    expect(undone1?.lines).toEqual(b);
    const undone2 = history.undo(undone1?.lines ?? []);
    expect(undone2?.lines).toEqual(a);
    expect(undone2?.row).toBe(2);
    expect(history.undo(undone2?.lines ?? [])).toBeUndefined();
    const redone = history.redo(undone2?.lines ?? []);
    expect(redone?.lines).toEqual(b);
  });

  it('makes the keystrokes of one cell edit one step, and a sealed edit a new one', () => {
    const history = new GridHistory();
    let lines: GridRow[] = rows(3);
    const start = lines;
    for (const text of ['1', '12', '123']) {
      const next = setCell(lines, 1, 'num', text);
      history.record(lines, next, { coalesce: '1:1:a' });
      lines = next;
    }
    history.seal();
    const afterFirst = lines;
    const next = setCell(lines, 1, 'num', '9');
    history.record(lines, next, { coalesce: '1:1:a' });
    lines = next;
    expect(history.undo(lines)?.lines).toEqual(afterFirst);
    expect(history.undo(afterFirst)?.lines).toEqual(start);
    expect(history.canUndo).toBe(false);
  });

  it('a new edit drops the redo steps', () => {
    const history = new GridHistory();
    const a = rows(2);
    const b = setCell(a, 0, 'num', '1');
    history.record(a, b);
    const back = history.undo(b)?.lines ?? [];
    history.record(back, setCell(back, 1, 'num', '2'));
    expect(history.canRedo).toBe(false);
  });

  it('refuses to undo over a change it did not record, and forgets its entries', () => {
    const history = new GridHistory();
    const a = rows(3);
    const b = setCell(a, 0, 'num', '1');
    history.record(a, b);
    const elsewhere = setCell(b, 0, 'num', '7');
    expect(history.undo(elsewhere)).toBeUndefined();
    expect(history.canUndo).toBe(false);
  });

  it('carries what changed beside the rows (import notes) both ways', () => {
    const history = new GridHistory<string>();
    const a = rows(1);
    const b = [...a, ...rows(2)];
    history.record(a, b, { extra: { before: 'old', after: 'new' } });
    const undone = history.undo(b);
    expect(undone?.extra).toBe('old');
    expect(history.redo(undone?.lines ?? [])?.extra).toBe('new');
  });

  it('is bounded', () => {
    const history = new GridHistory();
    let lines: GridRow[] = rows(1);
    for (let step = 0; step < MAX_ENTRIES + 50; step++) {
      const next = setCell(lines, 0, 'num', String(step));
      history.record(lines, next);
      lines = next;
    }
    let undone = 0;
    for (let result = history.undo(lines); result !== undefined; result = history.undo(lines)) {
      lines = result.lines;
      undone += 1;
    }
    expect(undone).toBe(MAX_ENTRIES);
  });
});
