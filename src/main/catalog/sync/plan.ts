/**
 * Where a sync starts: the unfinished run in the catalog's cursor, or a new run planned from the catalog's
 * meta. Decisions where the issue is silent:
 * - An unfinished run is continued when it covers what was asked: an unfinished full run also serves a request
 *   for an incremental one; a full request with a different start (`since`) than the unfinished run's starts
 *   afresh, as does a full request over an unfinished incremental run.
 * - An incremental sync of a catalog never synced from the ERP (no syncedUpTo) is a full sync.
 * - In an incremental sync, a source the ERP refused last time (meta.problems) is read from the full start:
 *   once its permission is granted, its whole history comes in, not only the latest changes.
 */
import { catalogSources, DEFAULT_FULL_SYNC_YEARS, type CatalogSyncMode } from '../../../shared/catalog';
import type { CatalogMeta } from '../types';
import { CURSOR_VERSION, readCursor, type CatalogCursor } from './cursor';

/** An incremental sync starts this long before the last one's end: changes written late are not missed. */
const INCREMENTAL_OVERLAP_MS = 10 * 60_000;

interface SyncPlan {
  readonly cursor: CatalogCursor;
  readonly resumed: boolean;
}

export function planSync(
  meta: CatalogMeta,
  mode: CatalogSyncMode,
  since: number | undefined,
  now: number,
): SyncPlan {
  const saved = readCursor(meta.cursor);
  if (saved && covers(saved, mode, since)) return { cursor: saved, resumed: true };
  const fullStart = since ?? yearsBefore(now, DEFAULT_FULL_SYNC_YEARS);
  const syncedUpTo = meta.syncedUpTo;
  const effective: CatalogSyncMode = mode === 'incremental' && syncedUpTo === undefined ? 'full' : mode;
  const refused = new Set(meta.problems.map((problem) => problem.source));
  const starts = catalogSources.map((source) =>
    effective === 'full' || syncedUpTo === undefined || refused.has(source)
      ? fullStart
      : Math.max(0, Math.min(syncedUpTo, now) - INCREMENTAL_OVERLAP_MS),
  );
  return {
    resumed: false,
    cursor: {
      version: CURSOR_VERSION,
      mode: effective,
      startedAt: now,
      endMs: now,
      starts: starts.map((start) => Math.min(start, now)),
      sourceIndex: 0,
      windowIndex: 0,
      pageNo: 0,
      read: {},
      skipped: 0,
      problems: [],
    },
  };
}

function covers(saved: CatalogCursor, mode: CatalogSyncMode, since: number | undefined): boolean {
  if (mode === 'incremental') return true;
  if (saved.mode !== 'full') return false;
  return since === undefined || saved.starts.every((start) => start === since);
}

/** The same calendar moment `years` earlier (29 February becomes 1 March). */
function yearsBefore(ms: number, years: number): number {
  const date = new Date(ms);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date.getTime();
}
