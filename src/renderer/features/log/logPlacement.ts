/**
 * Where a changed journal entry goes in the loaded list. Pure, so the rules can be tested on their own:
 * rows stay newest first (ids sort by time), and `total` keeps counting what main would count, so paging
 * by `rows.length` keeps lining up with main's list.
 */
import type { JournalEntry } from '../../../shared/journal';

interface LoadedList {
  /** Newest first. */
  readonly rows: readonly JournalEntry[];
  readonly total: number;
}

/**
 * `belongs`: the entry matches the list's filters now. `wasCounted`: an earlier version of it already
 * matched them (and so is in `total`) even though it may not be loaded.
 */
export function placeEntry(
  list: LoadedList,
  entry: JournalEntry,
  belongs: boolean,
  wasCounted: boolean,
): LoadedList {
  const { rows, total } = list;
  const index = rows.findIndex((row) => row.id === entry.id);
  if (index !== -1) {
    if (belongs) return { rows: rows.with(index, entry), total };
    return { rows: rows.toSpliced(index, 1), total: Math.max(0, total - 1) };
  }
  const adjustedTotal = Math.max(0, total + (belongs ? 1 : 0) - (wasCounted ? 1 : 0));
  if (!belongs) return { rows, total: adjustedTotal };
  const before = rows.findIndex((row) => row.id < entry.id);
  const allLoaded = rows.length >= total;
  // Older than every loaded row while more pages exist: the next page brings it, inserting it now would
  // show it out of order and then twice.
  if (before === -1 && !allLoaded) return { rows, total: adjustedTotal };
  const at = before === -1 ? rows.length : before;
  return { rows: rows.toSpliced(at, 0, entry), total: adjustedTotal };
}
