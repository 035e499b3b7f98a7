/**
 * What a key does in the detail grid, as a pure decision so it is tested without a browser. The grid works
 * like Excel: arrows move, Enter moves down (opening a new row below the last) and, after typing across a row,
 * back to the column where that row's entry began; Tab moves right (wrapping to the next row, leaving the
 * grid after the last cell), typing replaces the cell, F2 edits it, Escape undoes the edit, Delete clears,
 * Ctrl+Z / Ctrl+Y undo and redo whole grid operations. Ctrl+Enter is left to the screen (it submits).
 */
import type { CellAddress } from './gridOps';

export interface KeyInput {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

interface GridSize {
  readonly rows: number;
  readonly cols: number;
  /** Rows one PageUp/PageDown moves. */
  readonly pageRows: number;
}

type GridKeyAction =
  /** Go to a cell; `grow` adds an empty row first (Enter or Tab past the last row). */
  | { readonly kind: 'move'; readonly to: CellAddress; readonly grow: boolean }
  | { readonly kind: 'edit' }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'insertRow' }
  | { readonly kind: 'duplicateRow' }
  | { readonly kind: 'deleteRow' }
  | { readonly kind: 'undo' }
  | { readonly kind: 'redo' }
  /** Not the grid's business: let the input or the browser handle it. */
  | { readonly kind: 'pass' };

const PASS: GridKeyAction = { kind: 'pass' };

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

function moveTo(size: GridSize, row: number, col: number): GridKeyAction {
  const to = {
    row: clamp(row, 0, Math.max(0, size.rows - 1)),
    col: clamp(col, 0, Math.max(0, size.cols - 1)),
  };
  return { kind: 'move', to, grow: false };
}

export function gridKeyAction(
  input: KeyInput,
  at: CellAddress,
  size: GridSize,
  editing: boolean,
  /**
   * The column where entry on the active row began (the first cell typed into on it), if any: Enter returns
   * there on the next row, as Excel does after Tab-ing across a row.
   */
  rowStartCol?: number,
): GridKeyAction {
  const ctrl = input.ctrlKey || input.metaKey;
  if (input.altKey) return PASS;
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;

  if (ctrl) {
    const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
    if (key === 'z') return input.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
    if (key === 'y') return { kind: 'redo' };
    // Excel inserts with Ctrl++ (Ctrl+Shift+= on most keyboards); Ctrl+I is the one-hand alternative.
    if (key === 'i' || key === '+' || (key === '=' && input.shiftKey)) return { kind: 'insertRow' };
    if (input.key === 'd' || input.key === 'D') return { kind: 'duplicateRow' };
    if (input.key === 'Delete') return { kind: 'deleteRow' };
    if (!editing && input.key === 'Home') return moveTo(size, 0, 0);
    if (!editing && input.key === 'End') return moveTo(size, lastRow, lastCol);
    return PASS;
  }

  switch (input.key) {
    case 'Enter':
      if (input.shiftKey) return moveTo(size, at.row - 1, at.col);
      {
        const col = rowStartCol === undefined ? at.col : clamp(rowStartCol, 0, Math.max(0, lastCol));
        if (at.row >= lastRow) return { kind: 'move', to: { row: at.row + 1, col }, grow: true };
        return moveTo(size, at.row + 1, col);
      }
    case 'Tab':
      if (input.shiftKey) {
        if (at.col > 0) return moveTo(size, at.row, at.col - 1);
        // Shift+Tab from the first cell leaves the grid, so the keyboard is never trapped in it.
        return at.row > 0 ? moveTo(size, at.row - 1, lastCol) : PASS;
      }
      if (at.col < lastCol) return moveTo(size, at.row, at.col + 1);
      // Tab from the last cell leaves the grid (Enter opens a new row instead).
      if (at.row >= lastRow) return PASS;
      return moveTo(size, at.row + 1, 0);
    case 'ArrowUp':
      return moveTo(size, at.row - 1, at.col);
    case 'ArrowDown':
      return moveTo(size, at.row + 1, at.col);
    case 'Escape':
      return editing ? { kind: 'cancel' } : PASS;
  }

  // While editing, the remaining keys belong to the text box (caret movement, deleting characters).
  if (editing) return PASS;
  switch (input.key) {
    case 'ArrowLeft':
      return moveTo(size, at.row, at.col - 1);
    case 'ArrowRight':
      return moveTo(size, at.row, at.col + 1);
    case 'Home':
      return moveTo(size, at.row, 0);
    case 'End':
      return moveTo(size, at.row, lastCol);
    case 'PageUp':
      return moveTo(size, at.row - size.pageRows, at.col);
    case 'PageDown':
      return moveTo(size, at.row + size.pageRows, at.col);
    case 'F2':
      return { kind: 'edit' };
    case 'Delete':
    case 'Backspace':
      return { kind: 'clear' };
    default:
      return PASS;
  }
}
