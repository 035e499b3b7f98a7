/**
 * The catalog service: the active profile's catalog (one file per profile, `<folder>/<profileId>.sqlite`),
 * its sync and its file import, as the IPC handlers use them.
 *
 * - The catalog is opened in the background: the first screen never waits for it. Until it is open, lookups
 *   answer "not found", suggestions are empty and status says loading, as the contract allows (the catalog
 *   informs and never blocks).
 * - It follows the active profile: on a change the old catalog is closed (its sync stopped) and the new one
 *   opened.
 * - Syncs (serviceSync.ts): one at a time for the whole app; a few seconds after the catalog opens, an
 *   interrupted sync is resumed and a stale one refreshed.
 * - Status changes go to listeners at most every `throttleMs` during a sync, and at once at its end.
 */
import { mkdir } from 'node:fs/promises';
import { fail, ok, type Result } from '../../shared/result';
import {
  catalogLimits,
  type CatalogKind,
  type CatalogMatch,
  type CatalogStatus,
  type CatalogSuggestion,
} from '../../shared/catalog';
import { buildSnFilter, type SnFilterData } from '../../shared/snFilter';
import type { CatalogDb } from './types';
import { CatalogClosedError } from './session';
import type { CatalogImportBatch, CatalogService, CatalogSyncRequest } from './serviceTypes';
import { createImportGrouper, type ImportGrouper } from './serviceImport';
import { catalogFile, createThrottle, emptyCounts, fullSyncStart, statusOf } from './serviceStatus';
import { createSyncRuns, type CatalogSyncRunner, type OpenCatalog } from './serviceSync';

/** After the catalog opens: let the window come up (and the practice ERP start) before a sync reads. */
const AUTO_SYNC_DELAY_MS = 5_000;
const EVENT_INTERVAL_MS = 250;
/** The catalog starts opening this long after the app core: the window's first calls are answered first. */
const OPEN_DELAY_MS = 300;

export interface CatalogServiceOptions {
  /** `<dataFolder>/catalog`. */
  readonly folder: string;
  /** The active profile now; read at each call, so a change is followed even without `profileChanged`. */
  readonly activeProfileId: () => string | null;
  readonly openDb: (file: string) => Promise<CatalogDb>;
  readonly runSync: CatalogSyncRunner;
  readonly now: () => number;
  readonly logError: (context: string, error: unknown) => void;
  /** After creation, before the active profile's catalog starts opening: the first screen goes first. */
  readonly openDelayMs?: number;
  readonly autoSyncDelayMs?: number;
  readonly autoSyncAfterMs?: number;
  readonly throttleMs?: number;
}

export function createCatalogService(options: CatalogServiceOptions): CatalogService {
  const { now, logError } = options;
  const listeners = new Set<(status: CatalogStatus) => void>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let current: OpenCatalog | null = null;
  let importing: { readonly profileId: string; readonly grouper: ImportGrouper } | null = null;
  let importChain: Promise<unknown> = Promise.resolve();
  let closing: Promise<void> = Promise.resolve();
  let closed = false;

  const announce = (): void => {
    if (closed) return;
    const catalog = current;
    void (async () => {
      // During a sync the counts are read here, at most once per interval, not after every page it writes.
      if (catalog?.db && syncs.running()?.profileId === catalog.profileId) await refresh(catalog);
      const value = await status();
      for (const listener of listeners) listener(value);
    })().catch((error: unknown) => {
      // A catalog switched away from meanwhile may be closing: its counts no longer matter.
      if (catalog === current) logError('catalogStatus', error);
    });
  };
  /**
   * A read the catalog cannot answer (closed by a profile switch or shutdown meanwhile, a worker that died)
   * answers as an empty catalog would: the catalog informs and never blocks. Only the unexpected is logged.
   */
  const readOr = async <T>(context: string, read: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof CatalogClosedError)) logError(context, error);
      return fallback;
    }
  };
  const events = createThrottle(options.throttleMs ?? EVENT_INTERVAL_MS, announce);

  const later = (ms: number, task: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      task();
    }, ms);
    timers.add(timer);
  };

  /** Reads what status shows from an open catalog. */
  const refresh = async (catalog: OpenCatalog, db = catalog.db): Promise<void> => {
    if (!db) return;
    const [meta, counts] = await Promise.all([db.readMeta(), db.counts()]);
    catalog.meta = meta;
    catalog.counts = counts;
  };

  const syncs = createSyncRuns({
    runSync: options.runSync,
    now,
    logError,
    ...(options.autoSyncAfterMs !== undefined && { autoSyncAfterMs: options.autoSyncAfterMs }),
    events,
    refresh: (catalog) => refresh(catalog),
    status: () => status(),
    isClosed: () => closed,
    mayAutoSync: (catalog) => current === catalog && !importing,
    endImport: () => (importing = null),
  });

  /** Opens a catalog's file in the background; null when it could not be opened or is no longer wanted. */
  const load = async (catalog: OpenCatalog): Promise<CatalogDb | null> => {
    let db: CatalogDb | undefined;
    // Switched away (or quit) while it opened: nobody will use it.
    const gone = (): boolean => current !== catalog || closed;
    try {
      await mkdir(options.folder, { recursive: true });
      db = await options.openDb(catalogFile(options.folder, catalog.profileId));
      // Ready only once its counts are known: "loading" never turns into an empty catalog for a moment.
      if (!gone()) await refresh(catalog, db);
    } catch (error) {
      logError('openCatalog', error);
      await db?.close().catch(() => undefined);
      catalog.failed = true;
      if (!gone()) events.flush();
      return null;
    }
    if (gone()) {
      await db.close();
      return null;
    }
    catalog.db = db;
    events.flush();
    later(options.autoSyncDelayMs ?? AUTO_SYNC_DELAY_MS, () => syncs.autoSync(catalog));
    return db;
  };

  const open = (profileId: string): OpenCatalog => {
    const catalog: OpenCatalog = {
      profileId,
      opening: Promise.resolve(null),
      db: null,
      failed: false,
      meta: null,
      counts: emptyCounts,
    };
    catalog.opening = load(catalog);
    return catalog;
  };

  /** The active profile's catalog, switching to it first when the active profile changed. */
  const follow = (): OpenCatalog | null => {
    const wanted = closed ? null : options.activeProfileId();
    if ((current?.profileId ?? null) === wanted) return current;
    const previous = current;
    current = wanted === null ? null : open(wanted);
    importing = null;
    const run = syncs.running();
    const stopping = run?.profileId === previous?.profileId ? run : null;
    stopping?.stop();
    // Chained, so a close that failed never keeps a later one from running.
    closing = closing
      .then(async () => {
        await stopping?.done;
        const db = await previous?.opening;
        await db?.close();
      })
      .catch((error: unknown) => logError('closeCatalog', error));
    events.flush();
    return current;
  };

  async function status(): Promise<CatalogStatus> {
    const catalog = follow();
    return statusOf({
      profileId: catalog?.profileId ?? null,
      counts: catalog?.counts ?? emptyCounts,
      meta: catalog?.meta ?? null,
      sync: catalog ? syncs.lastRun(catalog.profileId) : undefined,
      loading: catalog !== null && catalog.db === null && !catalog.failed,
    });
  }

  /** The open catalog, or null while it opens or when it could not be opened. */
  const ready = (): CatalogDb | null => follow()?.db ?? null;

  const importBatch = async (batch: CatalogImportBatch): Promise<Result<CatalogStatus>> => {
    const catalog = follow();
    if (!catalog) return fail('NOT_FOUND', '没有选定的配置，无法导入商品目录。');
    const db = await catalog.opening;
    if (!db || current !== catalog) return fail('STORE_FAILED', '商品目录文件无法打开，导入未进行。');
    if (syncs.running()) return fail('BUSY', '商品目录正在同步，请等同步结束或取消后再导入。');
    if (batch.first) {
      importing = { profileId: catalog.profileId, grouper: createImportGrouper() };
      await db.clearProducts();
    } else if (importing?.profileId !== catalog.profileId) {
      return fail('INVALID_ARGUMENT', '导入中断了（程序重启或切换了配置），请重新导入文件。');
    }
    const products = importing.grouper.add(batch.rows);
    if (products.length > 0) await db.apply({ products });
    if (batch.last) {
      importing = null;
      await db.writeMeta({ origin: 'file', lastFullAt: now(), problems: [] });
      await db.checkpoint();
    }
    await refresh(catalog);
    if (batch.last) events.flush();
    else events.request();
    return ok(await status());
  };

  later(options.openDelayMs ?? OPEN_DELAY_MS, () => void follow());

  return {
    status,
    async sync(request: CatalogSyncRequest) {
      const catalog = follow();
      if (!catalog) return fail('NOT_FOUND', '没有选定的配置，无法同步商品目录。');
      let since: number | undefined;
      if (request.mode === 'full') {
        const from = fullSyncStart(request.since, now());
        if (from === null) return fail('VALIDATION', '起始日期无效或晚于今天。', { field: 'since' });
        since = from;
      }
      const db = await catalog.opening;
      if (!db || current !== catalog) return fail('STORE_FAILED', '商品目录文件无法打开，无法同步。');
      return syncs.start(catalog, db, request.mode, since);
    },
    async cancel() {
      await syncs.cancel(follow()?.profileId);
      return status();
    },
    async suggest(kind: CatalogKind, text: string, limit?: number): Promise<readonly CatalogSuggestion[]> {
      const db = ready();
      if (!db || text.trim() === '') return [];
      const max = Math.min(limit ?? catalogLimits.suggestMax, catalogLimits.suggestMax);
      return readOr('suggestFromCatalog', () => db.suggest(kind, text, max), []);
    },
    async lookup(kind: CatalogKind, codes: readonly string[]): Promise<readonly CatalogMatch[]> {
      const notFound = codes.map(() => ({ found: false as const }));
      const db = ready();
      return db ? readOr('lookupInCatalog', () => db.lookup(kind, codes), notFound) : notFound;
    },
    async codeFilter(): Promise<SnFilterData> {
      const db = ready();
      const empty = buildSnFilter([]);
      return db ? readOr('catalogCodeFilter', () => db.codeFilter(), empty) : empty;
    },
    importRows(batch) {
      // Batches apply one after another even if the window sends the next before the last one answered.
      const result = importChain.then(() => importBatch(batch));
      importChain = result.catch(() => undefined);
      return result;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    profileChanged() {
      follow();
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      events.stop();
      listeners.clear();
      follow();
      await closing;
    },
  };
}
