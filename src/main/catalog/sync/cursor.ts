/**
 * The position of an unfinished sync, kept in CatalogMeta.cursor and written with the records at every
 * checkpoint, so a run a crash, a quit or a cancel interrupted continues from the last checkpoint: same mode,
 * same fixed end, same windows, the page after the last one applied. Pages read again after a crash are
 * upserts of the same records, so re-reading is harmless.
 *
 * The cursor comes back from a file: it is validated field by field, and anything unexpected (an older
 * version, a damaged file) is treated as no cursor: the next sync starts afresh.
 */
import {
  catalogSources,
  type CatalogSource,
  type CatalogSourceProblem,
  type CatalogSyncMode,
} from '../../../shared/catalog';

export const CURSOR_VERSION = 1;

export interface CatalogCursor {
  readonly version: typeof CURSOR_VERSION;
  readonly mode: CatalogSyncMode;
  /** Epoch ms (this PC's clock) when the run started. */
  readonly startedAt: number;
  /** Epoch ms (this PC's clock): the end of every window, fixed when the run started. */
  readonly endMs: number;
  /** Epoch ms per source, in catalogSources order: where its windows start. */
  readonly starts: readonly number[];
  /** The source being read (an index into catalogSources); catalogSources.length when all are read. */
  readonly sourceIndex: number;
  /** The window of that source being read. */
  readonly windowIndex: number;
  /** The next page to read in that window. */
  readonly pageNo: number;
  /**
   * For a source whose times are optional: true while it is read without times (every record at once;
   * pageNo is then its page), false once the ERP refused that and its windows are read; absent when not
   * decided yet (or for other sources).
   */
  readonly whole?: boolean;
  /** Records read per source so far (deleted ones included). */
  readonly read: Readonly<Partial<Record<CatalogSource, number>>>;
  /** Malformed entries left out so far. */
  readonly skipped: number;
  /** Sources refused so far in this run. */
  readonly problems: readonly CatalogSourceProblem[];
}

const MAX_WINDOWS = 10_000;

export function readCursor(value: unknown): CatalogCursor | undefined {
  if (!isObject(value) || value['version'] !== CURSOR_VERSION) return undefined;
  const { mode, startedAt, endMs, starts, sourceIndex, windowIndex, pageNo, read, skipped, problems, whole } =
    value;
  if (whole !== undefined && typeof whole !== 'boolean') return undefined;
  if (mode !== 'full' && mode !== 'incremental') return undefined;
  if (!isTime(startedAt) || !isTime(endMs)) return undefined;
  if (!Array.isArray(starts) || starts.length !== catalogSources.length) return undefined;
  if (!starts.every((start) => isTime(start) && start <= endMs)) return undefined;
  if (!isCount(sourceIndex) || sourceIndex > catalogSources.length) return undefined;
  if (!isCount(windowIndex) || windowIndex > MAX_WINDOWS || !isCount(pageNo) || !isCount(skipped))
    return undefined;
  const counts = readCounts(read);
  const refused = readProblems(problems);
  if (!counts || !refused) return undefined;
  return {
    version: CURSOR_VERSION,
    mode,
    startedAt,
    endMs,
    starts: starts as number[],
    sourceIndex,
    windowIndex,
    pageNo,
    ...(whole !== undefined && { whole }),
    read: counts,
    skipped,
    problems: refused,
  };
}

function readCounts(value: unknown): Partial<Record<CatalogSource, number>> | undefined {
  if (!isObject(value)) return undefined;
  const counts: Partial<Record<CatalogSource, number>> = {};
  for (const [key, count] of Object.entries(value)) {
    if (!isSource(key) || !isCount(count)) return undefined;
    counts[key] = count;
  }
  return counts;
}

function readProblems(value: unknown): CatalogSourceProblem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const problems: CatalogSourceProblem[] = [];
  for (const entry of value) {
    if (!isObject(entry)) return undefined;
    const { source, method, message } = entry;
    if (!isSource(source) || typeof method !== 'string' || typeof message !== 'string') return undefined;
    problems.push({ source, method, message });
  }
  return problems;
}

/** Windows of a source's span overlap by this much, so a clock offset that moves between windows leaves no gap. */
const WINDOW_OVERLAP_MS = 60_000;

/**
 * [startMs, endMs] in windows no longer than `maxMs`, oldest first, on whole seconds; each starts
 * WINDOW_OVERLAP_MS before the previous one ends (records there are read twice: upserts, harmless).
 */
export function syncWindows(startMs: number, endMs: number, maxMs: number): { from: number; to: number }[] {
  const start = Math.floor(startMs / 1000) * 1000;
  const end = Math.ceil(endMs / 1000) * 1000;
  const step = Math.floor(maxMs / 1000) * 1000;
  if (end <= start) return [{ from: start, to: end }];
  const windows: { from: number; to: number }[] = [];
  for (let from = start; ;) {
    const to = Math.min(from + step, end);
    windows.push({ from, to });
    if (to >= end || windows.length >= MAX_WINDOWS) break;
    from = Math.max(from + 1000, to - WINDOW_OVERLAP_MS);
  }
  return windows;
}

function isSource(value: unknown): value is CatalogSource {
  return typeof value === 'string' && (catalogSources as readonly string[]).includes(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
