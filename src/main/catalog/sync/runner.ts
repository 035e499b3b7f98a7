/**
 * The catalog sync (issue #14): reads the ERP's master data into a CatalogDb, source by source in
 * catalogSources order, window by window (≤30 days, from the plan's start to an end fixed when the run began),
 * page by page. Each page is applied as one batch as it arrives, so memory stays flat however large the
 * catalog, and progress is reported after each page.
 *
 * - Checkpoints: the cursor (sync/cursor.ts) is written into meta and the catalog made durable every
 *   `checkpointEveryMs` (longer when a checkpoint itself takes long) and at the end of each source; a crash
 *   resumes from the last one.
 * - Cancel (signal): what was read is kept and the cursor saved, so the next sync continues this run
 *   (progress.resumed) rather than starting over. A cancelled full sync is thus resumable.
 * - Warehouses and suppliers, whose pages make times optional: a full sync first asks for all of them without
 *   times (windows only find what was modified within them, so one untouched since before the start would be
 *   missed); if the ERP refuses that for want of times, their windows are read like the others'.
 * - Paging shift: a listing whose total changed between its pages, or that ran short early, is read again from
 *   its first page (MAX_REREADS times at most), so a record that moved up a page is not skipped.
 * - A refusal of the API account itself (signature, appkey, IP whitelist, clock): the run stops as 'failed'
 *   with one message, since every source would be refused alike.
 * - 权限不足 and other refusals: the source is recorded as a problem with the vendor's remedy naming the method,
 *   and the next source is read.
 * - Rate limits: wait (`rateLimitWaitMs`, cancellable) and ask the same page again, a bounded number of times.
 * - Unreachable, timeout, server error, broken answer: the run stops as 'failed' with the reason in Chinese;
 *   the cursor is kept for the next sync.
 * - At the end: syncedUpTo = the fixed end, origin 'erp', lastFullAt for a full run, this run's problems,
 *   no cursor, checkpoint.
 */
import {
  catalogSourceLabels,
  catalogSources,
  type CatalogSource,
  type CatalogSyncMode,
  type CatalogSyncProgress,
} from '../../../shared/catalog';
import { formatErpTime } from '../../wdt/erpTime';
import { queryMethodInfo, DEFAULT_MAX_WINDOW_MS } from '../../wdt/queryMethods';
import type { PageAnswer, WdtPageClient } from '../../wdt/queryTypes';
import type { CatalogDb, CatalogMeta } from '../types';
import { syncWindows, type CatalogCursor } from './cursor';
import { accountRefusalMessage, asksForTimes, isAccountRefusal, pageShifted } from './answers';
import { planSync } from './plan';
import { sourceInfo } from './sources';
import { ABORTED, abortableSleep, unlessAborted } from './wait';

const DEFAULT_CHECKPOINT_EVERY_MS = 10_000;
/** Records per page. The pages state no maximum for these methods; 100 is what every vendor example works with. */
const DEFAULT_CATALOG_PAGE_SIZE = 100;
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;
const DEFAULT_RATE_LIMIT_RETRIES = 5;
const CHECKPOINT_COST_RATIO = 10;
/** A window whose pages never run short and give no total is cut off here rather than read forever. */
const MAX_PAGES_PER_WINDOW = 100_000;
/** A listing that keeps moving while it is read is read again this many times, then taken as it came. */
const MAX_REREADS = 3;

export interface CatalogSyncOptions {
  readonly client: WdtPageClient;
  readonly db: CatalogDb;
  readonly mode: CatalogSyncMode;
  /** Epoch ms where a full sync starts; DEFAULT_FULL_SYNC_YEARS back when absent. */
  readonly since?: number;
  readonly now: () => number;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: CatalogSyncProgress) => void;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly checkpointEveryMs?: number;
  readonly pageSize?: number;
  readonly rateLimitWaitMs?: number;
  readonly rateLimitRetries?: number;
}

type SourceEnd =
  { readonly kind: 'read' } | { readonly kind: 'stopped'; readonly progress: CatalogSyncProgress };
/** How one listing ended: read, refused (recorded as a problem), refused for want of times, or stopped. */
type PagesEnd = SourceEnd | { readonly kind: 'refused' } | { readonly kind: 'timesRequired' };

export async function runCatalogSync(options: CatalogSyncOptions): Promise<CatalogSyncProgress> {
  const { client, db, now, signal } = options;
  const sleep = options.sleep ?? abortableSleep;
  const checkpointEveryMs = options.checkpointEveryMs ?? DEFAULT_CHECKPOINT_EVERY_MS;
  const pageSize = options.pageSize ?? DEFAULT_CATALOG_PAGE_SIZE;
  const rateLimitWaitMs = options.rateLimitWaitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
  const rateLimitRetries = options.rateLimitRetries ?? DEFAULT_RATE_LIMIT_RETRIES;

  const meta = await db.readMeta();
  const plan = planSync(meta, options.mode, options.since, now());
  let cursor: CatalogCursor = plan.cursor;
  const startedAt = new Date(cursor.startedAt).toISOString();
  let windowsTotal = 0;
  let lastCheckpoint = now();

  const progress = (state: CatalogSyncProgress['state'], message?: string): CatalogSyncProgress => ({
    mode: cursor.mode,
    state,
    source: catalogSources[Math.min(cursor.sourceIndex, catalogSources.length - 1)] ?? 'warehouses',
    windowsDone: Math.min(cursor.windowIndex, windowsTotal),
    windowsTotal,
    read: { ...cursor.read },
    startedAt,
    resumed: plan.resumed,
    ...(message !== undefined && { message }),
  });
  const report = (state: CatalogSyncProgress['state'], message?: string): CatalogSyncProgress => {
    const value = progress(state, message);
    options.onProgress(value);
    return value;
  };
  // A checkpoint writes the whole database (about 0.7 s at 200,000 specs): the timed ones are spaced to at
  // least CHECKPOINT_COST_RATIO times the last one's duration, so they never take more than a tenth of a sync.
  let checkpointGapMs = checkpointEveryMs;
  const save = async (): Promise<void> => {
    const started = now();
    await db.writeMeta({ cursor });
    await db.checkpoint();
    lastCheckpoint = now();
    checkpointGapMs = Math.max(checkpointEveryMs, (lastCheckpoint - started) * CHECKPOINT_COST_RATIO);
  };
  /** Stops the run here: the cursor is saved so the next sync continues from this page. */
  const stop = async (
    state: 'cancelled' | 'failed',
    message: string,
    refused = false,
  ): Promise<SourceEnd> => {
    await save();
    const value = progress(state, message);
    const stopped = refused ? { ...value, refused: true as const } : value;
    options.onProgress(stopped);
    return { kind: 'stopped', progress: stopped };
  };

  /** One page, waiting out rate limits; ABORTED when cancelled meanwhile. */
  async function askPage(
    method: string,
    params: Readonly<Record<string, unknown>>,
    pageNo: number,
  ): Promise<PageAnswer | typeof ABORTED> {
    for (let waits = 0; ; waits += 1) {
      const answer = await unlessAborted(client.page(method, params, pageNo, { pageSize }), signal);
      if (answer === ABORTED || answer.kind !== 'rate-limited' || waits >= rateLimitRetries) return answer;
      const seconds = Math.round(rateLimitWaitMs / 1000);
      report(
        'running',
        `${answer.reason} ${seconds} 秒后重试（第 ${waits + 1} 次，最多 ${rateLimitRetries} 次）。`,
      );
      await sleep(rateLimitWaitMs, signal);
      if (signal.aborted) return ABORTED;
    }
  }

  /**
   * Every page of one listing (a window, or a whole source without times) from cursor.pageNo. A listing
   * that moved while it was read (answers.ts, pageShifted) is read again from its first page, at most
   * MAX_REREADS times: the records of the pages already read are upserts of the same records.
   */
  async function readPages(
    source: CatalogSource,
    params: Readonly<Record<string, unknown>>,
    withoutTimes: boolean,
  ): Promise<PagesEnd> {
    const info = sourceInfo[source];
    const label = catalogSourceLabels[source];
    let expected: number | undefined;
    let rereads = 0;
    for (; cursor.pageNo < MAX_PAGES_PER_WINDOW;) {
      if (signal.aborted) return stop('cancelled', CANCELLED_MESSAGE);
      const answer = await askPage(info.method, params, cursor.pageNo);
      if (answer === ABORTED) return stop('cancelled', CANCELLED_MESSAGE);
      if (answer.kind === 'refused') {
        if (isAccountRefusal(answer.status, answer.message))
          return stop('failed', accountRefusalMessage(answer.status, answer.message), true);
        if (withoutTimes && cursor.pageNo === 0 && asksForTimes(answer.message))
          return { kind: 'timesRequired' };
        cursor = {
          ...cursor,
          problems: [
            ...cursor.problems.filter((problem) => problem.source !== source),
            { source, method: info.method, message: answer.remedy },
          ],
        };
        return { kind: 'refused' };
      }
      if (answer.kind !== 'page') {
        return stop(
          'failed',
          `读取${label}时失败：${answer.reason}已读取的内容已保存，下次同步会从中断处继续。`,
        );
      }
      const read = info.read(answer.records);
      await db.apply(read.batch);
      const pageNo = cursor.pageNo;
      const shifted =
        rereads < MAX_REREADS && pageShifted(pageNo, pageSize, answer.records.length, answer.total, expected);
      if (shifted) rereads += 1;
      cursor = {
        ...cursor,
        pageNo: shifted ? 0 : pageNo + 1,
        read: { ...cursor.read, [source]: (cursor.read[source] ?? 0) + read.records },
        skipped: cursor.skipped + read.skipped,
      };
      report('running');
      if (now() - lastCheckpoint >= checkpointGapMs) await save();
      if (shifted) {
        expected = undefined;
        continue;
      }
      if (pageNo === 0 || expected === undefined) expected = answer.total;
      const short = answer.records.length < pageSize;
      const allCounted = answer.total !== undefined && (pageNo + 1) * pageSize >= answer.total;
      if (short || allCounted) break;
    }
    return { kind: 'read' };
  }

  async function readSource(source: CatalogSource): Promise<SourceEnd> {
    const info = sourceInfo[source];
    // A full sync (or a source refused last time, read from the full start) asks a source whose times are
    // optional for everything at once: windows would miss what was last modified before the start.
    const wanted = cursor.mode === 'full' || meta.problems.some((problem) => problem.source === source);
    if (
      cursor.whole === undefined &&
      cursor.windowIndex === 0 &&
      cursor.pageNo === 0 &&
      info.timesOptional &&
      wanted
    )
      cursor = { ...cursor, whole: true };
    if (cursor.whole === true) {
      windowsTotal = 1;
      report('running');
      const end = await readPages(source, info.params, true);
      if (end.kind === 'stopped') return end;
      if (end.kind !== 'timesRequired') return { kind: 'read' };
      // This ERP wants times after all: the windows, as for every other source.
      cursor = { ...cursor, whole: false, windowIndex: 0, pageNo: 0 };
    }
    const maxWindowMs = queryMethodInfo(info.method)?.maxWindowMs ?? DEFAULT_MAX_WINDOW_MS;
    const windows = syncWindows(cursor.starts[cursor.sourceIndex] ?? cursor.endMs, cursor.endMs, maxWindowMs);
    windowsTotal = windows.length;
    report('running');
    for (
      ;
      cursor.windowIndex < windows.length;
      cursor = { ...cursor, windowIndex: cursor.windowIndex + 1, pageNo: 0 }
    ) {
      const window = windows[cursor.windowIndex];
      if (!window) break;
      // Written once per window, so every page of it asks the same question even if the offset moves.
      const offset = client.clockOffset.get();
      const params = {
        ...info.params,
        [info.fromKey]: formatErpTime(window.from, offset),
        [info.toKey]: formatErpTime(window.to, offset),
      };
      const end = await readPages(source, params, false);
      if (end.kind === 'stopped') return end;
      if (end.kind !== 'read') return { kind: 'read' };
    }
    return { kind: 'read' };
  }

  try {
    while (cursor.sourceIndex < catalogSources.length) {
      const source = catalogSources[cursor.sourceIndex];
      if (!source) break;
      const end = await readSource(source);
      if (end.kind === 'stopped') return end.progress;
      const { whole: _done, ...rest } = cursor;
      cursor = { ...rest, sourceIndex: cursor.sourceIndex + 1, windowIndex: 0, pageNo: 0 };
      await save();
    }
    await db.writeMeta(finalMeta(meta, cursor, now()));
    await db.checkpoint();
    return report('done', doneMessage(cursor));
  } catch (error) {
    // The database failed (disk full, file locked): what was checkpointed stays, the cursor with it.
    const detail = error instanceof Error ? error.message : String(error);
    return report('failed', `目录无法写入本机（${detail}），同步已停止。`);
  }
}

const CANCELLED_MESSAGE = '已取消。已读取的内容已保存，下次同步会从中断处继续。';

function finalMeta(meta: CatalogMeta, cursor: CatalogCursor, finishedAt: number): Partial<CatalogMeta> {
  // A catalog imported from a file stays 'file' when the ERP would not give its goods: nothing replaced it.
  const goodsRefused = cursor.problems.some((problem) => problem.source === 'goods');
  return {
    origin: meta.origin === 'file' && goodsRefused ? 'file' : 'erp',
    syncedUpTo: cursor.endMs,
    ...(cursor.mode === 'full' && { lastFullAt: finishedAt }),
    problems: cursor.problems,
    cursor: undefined,
  };
}

function doneMessage(cursor: CatalogCursor): string | undefined {
  const parts: string[] = [];
  if (cursor.problems.length > 0) {
    const names = cursor.problems.map((problem) => catalogSourceLabels[problem.source]).join('、');
    parts.push(`ERP 不允许读取：${names}（原因和解决办法见下方），其余已同步。`);
  }
  if (cursor.skipped > 0) parts.push(`有 ${cursor.skipped} 条记录格式无法识别，已跳过。`);
  return parts.length > 0 ? parts.join('') : undefined;
}
