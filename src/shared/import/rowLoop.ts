/**
 * Walks the data rows in chunks, reporting progress between chunks and, when the caller can cancel,
 * giving its event loop a turn so that a cancel message is seen while a big sheet is being checked.
 */
import type { ImportProgress } from './types';

export interface RunControl {
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly signal?: AbortSignal;
}

const CHUNK_ROWS = 10_000;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Calls `visit` for every row index from `first` to the end of `rowCount`. */
export async function forEachRow(
  first: number,
  rowCount: number,
  control: RunControl,
  visit: (rowIndex: number) => void,
): Promise<void> {
  const total = Math.max(0, rowCount - first);
  for (let start = first; start < rowCount; start += CHUNK_ROWS) {
    const end = Math.min(rowCount, start + CHUNK_ROWS);
    for (let rowIndex = start; rowIndex < end; rowIndex++) visit(rowIndex);
    control.onProgress?.({ phase: 'checking', done: end - first, total });
    if (control.signal !== undefined) {
      await nextTurn();
      control.signal.throwIfAborted();
    }
  }
}
