import { describe, expect, it } from 'vitest';
import { gridKeyAction, type KeyInput } from '../../../../src/renderer/features/documents/gridKeys';

const size = { rows: 3, cols: 4, pageRows: 10 };
const key = (name: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: name,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...extra,
});

describe('gridKeyAction', () => {
  it('moves with arrows and stops at the edges', () => {
    expect(gridKeyAction(key('ArrowDown'), { row: 0, col: 0 }, size, false)).toEqual({
      kind: 'move',
      to: { row: 1, col: 0 },
      grow: false,
    });
    expect(gridKeyAction(key('ArrowUp'), { row: 0, col: 2 }, size, false)).toMatchObject({
      to: { row: 0, col: 2 },
    });
    expect(gridKeyAction(key('ArrowRight'), { row: 0, col: 3 }, size, false)).toMatchObject({
      to: { row: 0, col: 3 },
    });
  });

  it('Enter moves down and opens a new row below the last one', () => {
    expect(gridKeyAction(key('Enter'), { row: 1, col: 2 }, size, true)).toMatchObject({
      to: { row: 2, col: 2 },
      grow: false,
    });
    expect(gridKeyAction(key('Enter'), { row: 2, col: 2 }, size, false)).toEqual({
      kind: 'move',
      to: { row: 3, col: 2 },
      grow: true,
    });
    expect(gridKeyAction(key('Enter', { shiftKey: true }), { row: 2, col: 2 }, size, false)).toMatchObject({
      to: { row: 1, col: 2 },
    });
  });

  it('Tab moves right and wraps to the next row; Shift+Tab goes back', () => {
    expect(gridKeyAction(key('Tab'), { row: 0, col: 3 }, size, false)).toMatchObject({
      to: { row: 1, col: 0 },
    });
    expect(gridKeyAction(key('Tab', { shiftKey: true }), { row: 1, col: 0 }, size, false)).toMatchObject({
      to: { row: 0, col: 3 },
    });
  });

  it('while editing, Left/Right/Delete belong to the text box; Escape cancels', () => {
    expect(gridKeyAction(key('ArrowLeft'), { row: 0, col: 1 }, size, true)).toEqual({ kind: 'pass' });
    expect(gridKeyAction(key('Delete'), { row: 0, col: 1 }, size, true)).toEqual({ kind: 'pass' });
    expect(gridKeyAction(key('Escape'), { row: 0, col: 1 }, size, true)).toEqual({ kind: 'cancel' });
    expect(gridKeyAction(key('Escape'), { row: 0, col: 1 }, size, false)).toEqual({ kind: 'pass' });
  });

  it('Tab past the last cell and Shift+Tab before the first leave the grid (no keyboard trap)', () => {
    expect(gridKeyAction(key('Tab'), { row: 2, col: 3 }, size, false)).toEqual({ kind: 'pass' });
    expect(gridKeyAction(key('Tab', { shiftKey: true }), { row: 0, col: 0 }, size, true)).toEqual({
      kind: 'pass',
    });
  });

  it('outside editing, Delete clears, F2 edits, letters go to the text box', () => {
    expect(gridKeyAction(key('Delete'), { row: 0, col: 1 }, size, false)).toEqual({ kind: 'clear' });
    expect(gridKeyAction(key('F2'), { row: 0, col: 1 }, size, false)).toEqual({ kind: 'edit' });
    expect(gridKeyAction(key('a'), { row: 0, col: 1 }, size, false)).toEqual({ kind: 'pass' });
  });

  it('row shortcuts work in both modes; Alt is left to the app navigation', () => {
    expect(gridKeyAction(key('d', { ctrlKey: true }), { row: 0, col: 0 }, size, true)).toEqual({
      kind: 'duplicateRow',
    });
    // Ctrl+Enter submits the document (the screen handles it); Ctrl+I / Ctrl++ insert a row.
    expect(gridKeyAction(key('Enter', { ctrlKey: true }), { row: 0, col: 0 }, size, false)).toEqual({
      kind: 'pass',
    });
    expect(gridKeyAction(key('i', { ctrlKey: true }), { row: 0, col: 0 }, size, true)).toEqual({
      kind: 'insertRow',
    });
    expect(
      gridKeyAction(key('+', { ctrlKey: true, shiftKey: true }), { row: 0, col: 0 }, size, false),
    ).toEqual({
      kind: 'insertRow',
    });
    expect(gridKeyAction(key('Delete', { ctrlKey: true }), { row: 0, col: 0 }, size, false)).toEqual({
      kind: 'deleteRow',
    });
    expect(gridKeyAction(key('1', { altKey: true }), { row: 0, col: 0 }, size, false)).toEqual({
      kind: 'pass',
    });
  });

  it('PageDown jumps a page, clamped to the last row', () => {
    expect(gridKeyAction(key('PageDown'), { row: 0, col: 0 }, size, false)).toMatchObject({
      to: { row: 2, col: 0 },
    });
  });

  it('Enter after typing across a row returns to the column where entry began, on the next row', () => {
    // Typed 商家编码 (col 0), Tab to col 2, Enter: next row, col 0.
    expect(gridKeyAction(key('Enter'), { row: 0, col: 2 }, size, true, 0)).toEqual({
      kind: 'move',
      to: { row: 1, col: 0 },
      grow: false,
    });
    // On the last row it opens a new one, still at the start column.
    expect(gridKeyAction(key('Enter'), { row: 2, col: 3 }, size, false, 0)).toEqual({
      kind: 'move',
      to: { row: 3, col: 0 },
      grow: true,
    });
    // Correcting one column down the rows (entry began in that column) keeps going down it.
    expect(gridKeyAction(key('Enter'), { row: 0, col: 2 }, size, true, 2)).toMatchObject({
      to: { row: 1, col: 2 },
    });
    // Shift+Enter still goes straight up.
    expect(gridKeyAction(key('Enter', { shiftKey: true }), { row: 2, col: 2 }, size, false, 0)).toMatchObject(
      {
        to: { row: 1, col: 2 },
      },
    );
  });

  it('Ctrl+Z undoes and Ctrl+Y / Ctrl+Shift+Z redo, also while typing in a cell', () => {
    expect(gridKeyAction(key('z', { ctrlKey: true }), { row: 0, col: 0 }, size, true)).toEqual({
      kind: 'undo',
    });
    expect(gridKeyAction(key('y', { ctrlKey: true }), { row: 0, col: 0 }, size, false)).toEqual({
      kind: 'redo',
    });
    expect(
      gridKeyAction(key('Z', { ctrlKey: true, shiftKey: true }), { row: 0, col: 0 }, size, false),
    ).toEqual({
      kind: 'redo',
    });
  });
});
