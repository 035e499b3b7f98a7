/**
 * Small parts of the catalog service (service.ts): the status it answers, the catalog file's name, the start of
 * a full sync, and the throttle that keeps a sync's progress from flooding the window with events.
 */
import { join } from 'node:path';
import {
  DEFAULT_FULL_SYNC_YEARS,
  type CatalogCounts,
  type CatalogStatus,
  type CatalogSyncProgress,
} from '../../shared/catalog';
import type { CatalogMeta } from './types';

export const emptyCounts: CatalogCounts = {
  specs: 0,
  suites: 0,
  barcodes: 0,
  warehouses: 0,
  providers: 0,
  employees: 0,
  purchasers: 0,
};

/** What status() reports of one profile's catalog. */
interface CatalogView {
  readonly profileId: string | null;
  readonly counts: CatalogCounts;
  readonly meta: CatalogMeta | null;
  readonly sync: CatalogSyncProgress | undefined;
  readonly loading: boolean;
}

export function statusOf(view: CatalogView): CatalogStatus {
  const { meta } = view;
  return {
    profileId: view.profileId,
    counts: view.counts,
    origin: meta?.origin ?? 'empty',
    ...(meta?.syncedUpTo !== undefined && { syncedUpTo: new Date(meta.syncedUpTo).toISOString() }),
    ...(meta?.lastFullAt !== undefined && { lastFullAt: new Date(meta.lastFullAt).toISOString() }),
    ...(view.sync && { sync: view.sync }),
    problems: meta?.problems ?? [],
    loading: view.loading,
  };
}

/**
 * `<folder>/<profileId>.sqlite`. Profile ids are app-made (uuid-like, 'practice'); anything outside a plain
 * file-name alphabet is hex-escaped so no id can name a path outside the folder.
 */
export function catalogFile(folder: string, profileId: string): string {
  const safe = profileId.replace(/[^A-Za-z0-9_-]/g, (c) => `.${c.charCodeAt(0).toString(16)}.`);
  return join(folder, `${safe}.sqlite`);
}

const BEIJING_OFFSET_MS = 8 * 60 * 60_000;

/**
 * Where a full sync starts, epoch ms: the given date's midnight on the ERP's clock (Beijing time), or
 * DEFAULT_FULL_SYNC_YEARS years before today. Null when the date is not a real one or lies in the future.
 */
export function fullSyncStart(since: string | undefined, now: number): number | null {
  if (since === undefined) {
    const today = new Date(now + BEIJING_OFFSET_MS);
    today.setUTCFullYear(today.getUTCFullYear() - DEFAULT_FULL_SYNC_YEARS);
    today.setUTCHours(0, 0, 0, 0);
    return today.getTime() - BEIJING_OFFSET_MS;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(since);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  const start = utc - BEIJING_OFFSET_MS;
  return start > now ? null : start;
}

/**
 * Runs `task` at most once per `intervalMs`: the first call at once, later ones folded into one trailing
 * run, so the last state is always sent. `flush` runs it now (the end of a sync must not wait).
 */
export interface Throttle {
  request(): void;
  flush(): void;
  stop(): void;
}

export function createThrottle(intervalMs: number, task: () => void, now: () => number = Date.now): Throttle {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    last = now();
    task();
  };
  return {
    request() {
      if (timer !== undefined) return;
      const wait = last + intervalMs - now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    flush: run,
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
