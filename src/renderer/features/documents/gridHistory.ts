/**
 * Undo/redo for the detail grid, one entry per user operation (a cell edit, a paste, a row added or deleted,
 * an import, a merge, a barcode conversion). A document can hold 200,000 lines, so an entry never copies the
 * grid: it keeps only the run of rows that changed, found by reference (the grid's operations keep the row
 * objects they did not touch), before and after. Rows are immutable, so keeping references is safe and cheap.
 */
import type { GridRow } from './gridOps';

/** Rows [start, start + before.length) were replaced by `after`. */
interface LinesPatch {
  readonly start: number;
  readonly before: readonly GridRow[];
  readonly after: readonly GridRow[];
}

interface HistoryEntry<Extra> {
  readonly patch: LinesPatch;
  /** Typing into one cell is one entry: later keystrokes with the same key merge into it. */
  readonly coalesce: string | undefined;
  /** Anything else the operation changed beside the rows (the import's row notes), as before/after. */
  readonly extra: { readonly before: Extra; readonly after: Extra } | undefined;
}

export const MAX_ENTRIES = 200;
/** Row references kept over all entries; an import of 200,000 lines fits, a dozen of them do not. */
const MAX_ROWS_KEPT = 1_000_000;

/** The smallest run of rows that differs, compared by reference from both ends. */
export function diffLines(before: readonly GridRow[], after: readonly GridRow[]): LinesPatch | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start += 1;
  let tail = 0;
  while (tail < shorter - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) {
    tail += 1;
  }
  if (start === before.length && start === after.length) return undefined;
  return {
    start,
    before: before.slice(start, before.length - tail),
    after: after.slice(start, after.length - tail),
  };
}

function sameRun(lines: readonly GridRow[], start: number, run: readonly GridRow[]): boolean {
  if (start + run.length > lines.length) return false;
  return run.every((row, offset) => lines[start + offset] === row);
}

function replaceRun(
  lines: readonly GridRow[],
  start: number,
  removed: number,
  inserted: readonly GridRow[],
): GridRow[] {
  return [...lines.slice(0, start), ...inserted, ...lines.slice(start + removed)];
}

function sameValues(a: GridRow, b: GridRow): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const left = a[key] ?? '';
    const right = b[key] ?? '';
    if (JSON.stringify(left) !== JSON.stringify(right)) return false;
  }
  return true;
}

function isNoOp(patch: LinesPatch): boolean {
  return (
    patch.before.length === patch.after.length &&
    patch.before.every((row, index) => sameValues(row, patch.after[index] ?? {}))
  );
}

interface Applied<Extra> {
  readonly lines: GridRow[];
  /** The first changed row, where the cursor goes. */
  readonly row: number;
  readonly extra: Extra | undefined;
}

export class GridHistory<Extra = never> {
  private undoStack: HistoryEntry<Extra>[] = [];
  private redoStack: HistoryEntry<Extra>[] = [];

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }

  /** Records a change of the lines; a change that changes nothing is not recorded. */
  record(
    before: readonly GridRow[],
    after: readonly GridRow[],
    options: { coalesce?: string; extra?: { before: Extra; after: Extra } } = {},
  ): void {
    const patch = diffLines(before, after);
    if (patch === undefined && options.extra === undefined) return;
    const effective = patch ?? { start: 0, before: [], after: [] };
    this.redoStack = [];
    const last = this.undoStack[this.undoStack.length - 1];
    if (
      options.coalesce !== undefined &&
      last !== undefined &&
      last.coalesce === options.coalesce &&
      last.extra === undefined &&
      options.extra === undefined &&
      last.patch.start === effective.start &&
      last.patch.after.length === effective.before.length &&
      sameRun(effective.before, 0, last.patch.after)
    ) {
      const merged = { start: last.patch.start, before: last.patch.before, after: effective.after };
      this.undoStack.pop();
      // Typing a value and then taking it back (Escape) leaves nothing to undo.
      if (!isNoOp(merged))
        this.undoStack.push({ patch: merged, coalesce: options.coalesce, extra: undefined });
      return;
    }
    this.undoStack.push({ patch: effective, coalesce: options.coalesce, extra: options.extra });
    this.trim();
  }

  /** Ends the current cell edit: the next keystroke starts a new entry even in the same cell. */
  seal(): void {
    const last = this.undoStack[this.undoStack.length - 1];
    if (last?.coalesce !== undefined)
      this.undoStack[this.undoStack.length - 1] = { ...last, coalesce: undefined };
  }

  /**
   * Undoes the last entry against the current lines; undefined when there is nothing to undo or the lines
   * no longer hold what the entry left (changed by something not recorded), in which case history is dropped.
   */
  undo(lines: readonly GridRow[]): Applied<Extra> | undefined {
    return this.step(lines, this.undoStack, this.redoStack, 'undo');
  }

  redo(lines: readonly GridRow[]): Applied<Extra> | undefined {
    return this.step(lines, this.redoStack, this.undoStack, 'redo');
  }

  private step(
    lines: readonly GridRow[],
    from: HistoryEntry<Extra>[],
    to: HistoryEntry<Extra>[],
    direction: 'undo' | 'redo',
  ): Applied<Extra> | undefined {
    const entry = from.pop();
    if (entry === undefined) return undefined;
    const { start, before, after } = entry.patch;
    const present = direction === 'undo' ? after : before;
    const restored = direction === 'undo' ? before : after;
    if (!sameRun(lines, start, present)) {
      this.clear();
      return undefined;
    }
    to.push({ ...entry, coalesce: undefined });
    return {
      lines: replaceRun(lines, start, present.length, restored),
      row: start,
      extra:
        entry.extra === undefined ? undefined : direction === 'undo' ? entry.extra.before : entry.extra.after,
    };
  }

  private trim(): void {
    let kept = 0;
    let keepFrom = this.undoStack.length;
    while (keepFrom > 0) {
      const entry = this.undoStack[keepFrom - 1];
      if (entry === undefined) break;
      const size = entry.patch.before.length + entry.patch.after.length;
      if (this.undoStack.length - keepFrom >= MAX_ENTRIES || (kept + size > MAX_ROWS_KEPT && kept > 0)) break;
      kept += size;
      keepFrom -= 1;
    }
    if (keepFrom > 0) this.undoStack = this.undoStack.slice(keepFrom);
  }
}
