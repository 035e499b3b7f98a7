/**
 * The catalog service's sync runs (service.ts): one at a time for the whole app, each run's last progress per
 * profile for status, cancel, and the automatic sync after a catalog opens (a run a crash or quit interrupted
 * is resumed; a catalog synced from the ERP before and not for a while gets an incremental sync; one never
 * synced is left alone, since a full sync is the user's choice).
 */
import { fail, ok, type Result } from '../../shared/result';
import type {
  CatalogCounts,
  CatalogStatus,
  CatalogSyncMode,
  CatalogSyncProgress,
} from '../../shared/catalog';
import type { Throttle } from './serviceStatus';
import type { CatalogDb, CatalogMeta } from './types';

/** A catalog synced longer ago than this gets an incremental sync when it opens. */
const AUTO_SYNC_AFTER_MS = 6 * 60 * 60_000;
/** How long cancel() waits for the sync to stop before it answers (the sync stops by itself later). */
const CANCEL_WAIT_MS = 3_000;

/** One run of the sync engine (sync/), with the client already made for the profile. */
interface CatalogSyncRun {
  readonly profileId: string;
  readonly db: CatalogDb;
  readonly mode: CatalogSyncMode;
  /** Epoch ms where a full sync starts reading; absent for an incremental sync. */
  readonly since?: number;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: CatalogSyncProgress) => void;
}

/** A failure is one the run could not start with (no client: a missing secret, a bad address). */
export type CatalogSyncRunner = (run: CatalogSyncRun) => Promise<Result<CatalogSyncProgress>>;

/** A profile's catalog as the service holds it while it opens and once it is open. */
export interface OpenCatalog {
  readonly profileId: string;
  opening: Promise<CatalogDb | null>;
  db: CatalogDb | null;
  failed: boolean;
  meta: CatalogMeta | null;
  counts: CatalogCounts;
}

interface RunningSync {
  readonly profileId: string;
  readonly controller: AbortController;
  done: Promise<void>;
}

interface SyncRunsOptions {
  readonly runSync: CatalogSyncRunner;
  readonly now: () => number;
  readonly logError: (context: string, error: unknown) => void;
  readonly autoSyncAfterMs?: number;
  readonly events: Throttle;
  /** Rereads the catalog's meta and counts for status. */
  readonly refresh: (catalog: OpenCatalog) => Promise<void>;
  readonly status: () => Promise<CatalogStatus>;
  readonly isClosed: () => boolean;
  /** Whether the catalog is still the active profile's and no file import is under way. */
  readonly mayAutoSync: (catalog: OpenCatalog) => boolean;
  /** A sync replaces whatever a file import had started. */
  readonly endImport: () => void;
}

interface SyncRuns {
  /** The run under way, if any. */
  running(): { readonly profileId: string; readonly done: Promise<void>; stop(): void } | null;
  lastRun(profileId: string): CatalogSyncProgress | undefined;
  /** Starts a run; resolves once it has started (its end is announced). */
  start(
    catalog: OpenCatalog,
    db: CatalogDb,
    mode: CatalogSyncMode,
    since: number | undefined,
  ): Promise<Result<CatalogStatus>>;
  /** Stops the profile's run and waits (a bounded time) for it to stop. */
  cancel(profileId: string | undefined): Promise<void>;
  autoSync(catalog: OpenCatalog): void;
}

export function createSyncRuns(options: SyncRunsOptions): SyncRuns {
  const { now, logError, events } = options;
  const lastRun = new Map<string, CatalogSyncProgress>();
  let running: RunningSync | null = null;

  const fresh = (mode: CatalogSyncMode, startedAt: number): CatalogSyncProgress => ({
    mode,
    state: 'running',
    source: 'warehouses',
    windowsDone: 0,
    windowsTotal: 0,
    read: {},
    startedAt: new Date(startedAt).toISOString(),
    resumed: false,
  });

  /** The run's last progress, marked failed with the reason. */
  const failedProgress = (
    profileId: string,
    mode: CatalogSyncMode,
    startedAt: number,
    message: string,
  ): CatalogSyncProgress => ({
    ...(lastRun.get(profileId) ?? fresh(mode, startedAt)),
    state: 'failed',
    message,
  });

  const start: SyncRuns['start'] = async (catalog, db, mode, since) => {
    if (running) return fail('BUSY', '商品目录正在同步，请等它结束或先取消。');
    options.endImport();
    const { profileId } = catalog;
    const startedAt = now();
    const controller = new AbortController();
    const sync: RunningSync = { profileId, controller, done: Promise.resolve() };
    running = sync;
    lastRun.set(profileId, fresh(mode, startedAt));
    sync.done = (async () => {
      try {
        const result = await options.runSync({
          profileId,
          db,
          mode,
          ...(since !== undefined && { since }),
          signal: controller.signal,
          onProgress: (progress) => {
            lastRun.set(profileId, progress);
            events.request();
          },
        });
        lastRun.set(
          profileId,
          result.ok ? result.value : failedProgress(profileId, mode, startedAt, result.error.message),
        );
      } catch (error) {
        logError('catalogSync', error);
        lastRun.set(
          profileId,
          failedProgress(profileId, mode, startedAt, '同步意外中断，已读到的内容已保留，可以再次同步。'),
        );
      } finally {
        running = null;
        await options.refresh(catalog).catch((error: unknown) => logError('catalogSync', error));
        if (!options.isClosed()) events.flush();
      }
    })();
    events.flush();
    return ok(await options.status());
  };

  return {
    running: () => {
      const sync = running;
      return sync && { profileId: sync.profileId, done: sync.done, stop: () => sync.controller.abort() };
    },
    lastRun: (profileId) => lastRun.get(profileId),
    start,
    async cancel(profileId) {
      const sync = running;
      if (!sync || sync.profileId !== profileId) return;
      sync.controller.abort();
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        sync.done,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, CANCEL_WAIT_MS))),
      ]);
      clearTimeout(timer);
    },
    autoSync(catalog) {
      if (options.isClosed() || running || !catalog.db || !options.mayAutoSync(catalog)) return;
      const meta = catalog.meta;
      if (!meta) return;
      if (meta.cursor !== undefined) {
        // The run a crash or quit interrupted: the engine continues it from the cursor in the file.
        void start(catalog, catalog.db, 'incremental', undefined);
        return;
      }
      if (meta.origin !== 'erp' || meta.syncedUpTo === undefined) return;
      if (now() - meta.syncedUpTo >= (options.autoSyncAfterMs ?? AUTO_SYNC_AFTER_MS))
        void start(catalog, catalog.db, 'incremental', undefined);
    },
  };
}
