/**
 * Autosaved drafts: one JSON file per draft (a document form, its grid, its scanned SNs), saved as the user
 * works so a crash or a power cut loses at most the last change.
 *
 * A full save rewrites the draft's base file atomically (temporary file, flush, rename, flush the folder),
 * so the base on disk is always a complete old or complete new draft. Saves that arrive while one is being
 * written are coalesced, so a burst costs at most one write in flight and one queued.
 *
 * A patch (patchDraft) is the cheap way to save a small change to a big draft, e.g. one scan into a
 * 20,000-SN draft: the change is appended as one flushed line to the draft's patch log
 * (src/main/draftPatchLog.ts), and loading applies the log to the base. Each base carries a generation
 * number and a log belongs to one generation: a full save writes generation + 1 and then removes the old
 * log, so a crash between the two leaves a log that is simply ignored (and removed) from then on. Once a
 * log grows long, the store folds it into a new base by itself, off the caller's path.
 */
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DraftPatch } from '../shared/draftPatch';
import type { DraftPatchSummary, DraftSummary } from '../shared/ipc';
import type { OpenPatchLog, SkippedPatch } from './draftPatchLog';
import {
  applyPatchLog,
  openPatchLogForAppend,
  patchLogGeneration,
  patchLogName,
  serializePatchLine,
} from './draftPatchLog';
import { fsyncDirectory, writeFileAtomically } from './journal/durable';
import { parseJsonOrUndefined } from '../shared/json';

export type { DraftPatchSummary, DraftSummary };

export type { SkippedPatch } from './draftPatchLog';

export const DEFAULT_DRAFT_LIMIT_BYTES = 20 * 1024 * 1024;
/** A log of this many patch calls is folded into a new base (a full rewrite every few hundred scans). */
export const COMPACT_AFTER_PATCHES = 500;
/** …or once the log is this much larger than its base (or 1 MB for a small base), whichever comes first. */
const COMPACT_LOG_TO_BASE_RATIO = 2;
const COMPACT_LOG_MIN_BYTES = 1024 * 1024;
const FORMAT_VERSION = 1;
const ID_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const EXTENSION = '.json';
const TEMP_MARKER = '.tmp-';
/** Enough to hold the envelope's head: {"v":1,"id":<at most 128 chars>,"savedAt":"…","generation":N. */
const HEAD_BYTES = 256;
const HEAD_GENERATION = /^\{"v":\d+,"id":"[^"]*","savedAt":"[^"]*","generation":(\d{1,15}),"data":/;

export interface DraftStoreOptions {
  readonly folder: string;
  /** Largest draft accepted (base and patch log together); default 20 MB. */
  readonly maxBytes?: number;
  readonly now?: () => number;
}

export type DraftLoad =
  | {
      readonly status: 'found';
      readonly id: string;
      readonly savedAt: string;
      readonly data: unknown;
      /** Present when part of the patch log could not be applied; the rest of the draft loaded. */
      readonly skipped?: readonly SkippedPatch[];
    }
  | { readonly status: 'missing'; readonly id: string }
  /** The file could not be read as a draft; it was renamed to `setAsideAs` (in the drafts folder). */
  | { readonly status: 'corrupt'; readonly id: string; readonly setAsideAs: string; readonly reason: string };

export class DraftTooLargeError extends Error {
  readonly code = 'draft.too-large';
  constructor(bytes: number, limit: number) {
    super(
      `草稿过大（${formatMegabytes(bytes)}），超过 ${formatMegabytes(limit)} 的上限，未能保存。请把单据拆分后再录入。`,
    );
    this.name = 'DraftTooLargeError';
  }
}

export class DraftIdError extends Error {
  readonly code = 'draft.bad-id';
  constructor(id: string) {
    super(`草稿编号无效：${JSON.stringify(id).slice(0, 60)}`);
    this.name = 'DraftIdError';
  }
}

/** A patch for a draft that has no saved base to apply it to: the caller must save the whole draft. */
export class DraftMissingError extends Error {
  readonly code = 'draft.missing';
  constructor(id: string) {
    super(`草稿不存在，无法只保存更改：${id}`);
    this.name = 'DraftMissingError';
  }
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export interface DraftStoreOpenReport {
  /** Temporary files left by a save that was cut short; the drafts they were replacing are intact. */
  readonly removedTempFiles: readonly string[];
}

/** Opens the drafts folder, creating it if missing and removing temporary files left by a crash. */
export async function openDraftStore(
  options: DraftStoreOptions,
): Promise<{ store: DraftStore; report: DraftStoreOpenReport }> {
  await mkdir(options.folder, { recursive: true });
  const leftovers = (await readdir(options.folder)).filter((name) => name.includes(TEMP_MARKER));
  for (const name of leftovers) await rm(join(options.folder, name), { force: true });
  return { store: new DraftStore(options), report: { removedTempFiles: leftovers } };
}

interface QueuedSave {
  /** Replaced by newer saves until the write starts. */
  content: { dataText: string; savedAt: string };
}

/** What this store knows of one draft's files; read from disk on the draft's first use. */
interface DraftFiles {
  /** The base file's generation; 0 when there is none or it predates generations. */
  generation: number;
  baseExists: boolean;
  baseBytes: number;
  /** A log of the current generation is on disk. */
  logExists: boolean;
  /** That log, open for appending, once this store has written to it. */
  log: OpenPatchLog | null;
  compactionQueued: boolean;
}

export class DraftStore {
  private readonly folder: string;
  private readonly maxBytes: number;
  private readonly now: () => number;
  /** Per draft: the last queued operation, so saves, patches, loads and deletes happen in call order. */
  private readonly chains = new Map<string, Promise<unknown>>();
  /** Per draft: a save waiting behind the one being written; newer saves replace its text. */
  private readonly queued = new Map<string, { save: QueuedSave; done: Promise<DraftSummary> }>();
  /** Touched only inside a draft's chain. */
  private readonly files = new Map<string, DraftFiles>();

  /** Use openDraftStore. */
  constructor(options: DraftStoreOptions) {
    this.folder = options.folder;
    this.maxBytes = options.maxBytes ?? DEFAULT_DRAFT_LIMIT_BYTES;
    this.now = options.now ?? Date.now;
  }

  /**
   * Saves `data` (any JSON value) as draft `id`, replacing it and any patches saved since. Resolves once
   * it is on disk. The data is serialized at the call, so the caller may keep changing its objects.
   * Rejects with DraftTooLargeError over the limit.
   */
  saveDraft(id: string, data: unknown): Promise<DraftSummary> {
    const savedAt = new Date(this.now()).toISOString();
    let dataText: string;
    try {
      checkId(id);
      const serialized = JSON.stringify(data) as string | undefined;
      if (serialized === undefined) throw new TypeError('草稿内容不是有效的 JSON');
      dataText = serialized;
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new TypeError('草稿内容不是有效的 JSON'));
    }
    const bytes = Buffer.byteLength(envelopeHead(id, savedAt, 0)) + Buffer.byteLength(dataText) + 1;
    if (bytes > this.maxBytes) return Promise.reject(new DraftTooLargeError(bytes, this.maxBytes));

    const waiting = this.queued.get(id);
    if (waiting) {
      waiting.save.content = { dataText, savedAt };
      return waiting.done;
    }
    const save: QueuedSave = { content: { dataText, savedAt } };
    const done = this.chain(id, async () => {
      // From here on, newer saves queue behind this write instead of changing it.
      if (this.queued.get(id)?.save === save) this.queued.delete(id);
      const { dataText: latest, savedAt: latestSavedAt } = save.content;
      const written = await this.writeBase(id, latestSavedAt, latest);
      return { id, savedAt: latestSavedAt, bytes: written };
    });
    this.queued.set(id, { save, done });
    return done;
  }

  /**
   * Saves a change to draft `id` as patches (each sets a value at a path; see src/shared/draftPatch.ts),
   * appended to its log in one flushed line, so the cost follows the size of the change, not of the
   * draft. Applied on load in call order with saveDraft. Rejects with DraftMissingError when the draft
   * has no saved base, and DraftTooLargeError when base and log together would pass the limit.
   */
  patchDraft(id: string, patches: readonly DraftPatch[]): Promise<DraftPatchSummary> {
    const savedAt = new Date(this.now()).toISOString();
    let line: string;
    try {
      checkId(id);
      if (patches.length === 0 || patches.some((patch) => patch.value === undefined))
        throw new TypeError('草稿更改不是有效的 JSON');
      line = serializePatchLine(savedAt, patches);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new TypeError('草稿更改不是有效的 JSON'));
    }
    // A full save requested after this patch must not be merged into one queued before it.
    this.queued.delete(id);
    return this.chain(id, async () => {
      const files = await this.filesOf(id);
      if (!files.baseExists) throw new DraftMissingError(id);
      const log = await this.openLog(id, files);
      const lineBytes = Buffer.byteLength(line);
      const total = files.baseBytes + log.bytes + lineBytes;
      if (total > this.maxBytes) throw new DraftTooLargeError(total, this.maxBytes);
      try {
        await log.handle.write(line);
        await log.handle.datasync();
      } catch (error) {
        // Leave no partial line for the next one to be glued to.
        await log.handle.truncate(log.bytes).catch(() => undefined);
        throw error;
      }
      log.bytes += lineBytes;
      log.lines += 1;
      if (this.compactionDue(files, log)) this.queueCompaction(id, files);
      return { savedAt, pending: log.lines };
    });
  }

  async loadDraft(id: string): Promise<DraftLoad> {
    checkId(id);
    // A save requested after this load must not be merged into one queued before it.
    this.queued.delete(id);
    return this.chain(id, () => this.readDraft(id));
  }

  /** Every saved draft, most recently saved first. */
  async listDrafts(): Promise<DraftSummary[]> {
    const names = (await readdir(this.folder)).filter(
      (name) => name.endsWith(EXTENSION) && !name.includes(TEMP_MARKER) && ID_PATTERN.test(idOf(name)),
    );
    const drafts: DraftSummary[] = [];
    for (const name of names) {
      try {
        const path = join(this.folder, name);
        const info = await stat(path);
        const head = await readHead(path);
        drafts.push({ id: idOf(name), savedAt: head.savedAt ?? info.mtime.toISOString(), bytes: info.size });
      } catch {
        // Deleted between readdir and stat.
      }
    }
    return drafts.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  }

  /** Deletes draft `id` after any save already requested; resolves true if a file was removed. */
  deleteDraft(id: string): Promise<boolean> {
    try {
      checkId(id);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    // A save requested after this delete must not be merged into one queued before it.
    this.queued.delete(id);
    return this.chain(id, async () => {
      const files = await this.filesOf(id);
      // The base goes first: a log without its base is an orphan, removed on the draft's next use.
      await rm(this.pathOf(id), { force: true });
      await this.dropLog(id, files);
      const existed = files.baseExists;
      this.files.set(id, emptyFiles());
      return existed;
    });
  }

  /** Waits for every write under way and closes the open logs. */
  async close(): Promise<void> {
    while (this.chains.size > 0) await Promise.all(this.chains.values());
    for (const files of this.files.values()) {
      await files.log?.handle.close().catch(() => undefined);
      files.log = null;
    }
  }

  private async readDraft(id: string): Promise<DraftLoad> {
    const files = await this.filesOf(id);
    const path = this.pathOf(id);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing', id };
      throw error;
    }
    const parsed = parseDraft(id, text);
    if (parsed) {
      const merged =
        parsed.generation === files.generation
          ? await this.mergeLog(id, files, parsed.data)
          : { data: parsed.data, savedAt: null, skipped: [] };
      const savedAt = merged.savedAt ?? parsed.savedAt;
      return merged.skipped.length > 0
        ? { status: 'found', id, savedAt, data: merged.data, skipped: merged.skipped }
        : { status: 'found', id, savedAt, data: merged.data };
    }
    const setAsideAs = `${id}${EXTENSION}.${compactStamp(this.now())}.corrupt`;
    await rename(path, join(this.folder, setAsideAs));
    // Patches of a base that is gone mean nothing on their own.
    await this.dropLog(id, files);
    this.files.set(id, emptyFiles());
    return {
      status: 'corrupt',
      id,
      setAsideAs,
      reason: '草稿文件已损坏，无法读取；已另存备查，不影响其他草稿。',
    };
  }

  private async mergeLog(
    id: string,
    files: DraftFiles,
    data: unknown,
  ): Promise<{ data: unknown; savedAt: string | null; skipped: SkippedPatch[] }> {
    if (!files.logExists) return { data, savedAt: null, skipped: [] };
    let text: string;
    try {
      text = await readFile(join(this.folder, patchLogName(id, files.generation)), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { data, savedAt: null, skipped: [] };
      throw error;
    }
    return applyPatchLog(data, text);
  }

  /** Writes a new base (generation + 1), then removes the log it supersedes; returns the bytes written. */
  private async writeBase(id: string, savedAt: string, dataText: string): Promise<number> {
    const files = await this.filesOf(id);
    const generation = files.generation + 1;
    const text = `${envelopeHead(id, savedAt, generation)}${dataText}}`;
    await writeFileAtomically(this.pathOf(id), text);
    const bytes = Buffer.byteLength(text);
    // A crash here leaves the old log behind; its generation is now below the base's, so it is ignored.
    await this.dropLog(id, files);
    Object.assign(files, { generation, baseExists: true, baseBytes: bytes });
    return bytes;
  }

  private compactionDue(files: DraftFiles, log: OpenPatchLog): boolean {
    return (
      log.lines >= COMPACT_AFTER_PATCHES ||
      log.bytes > Math.max(files.baseBytes * COMPACT_LOG_TO_BASE_RATIO, COMPACT_LOG_MIN_BYTES)
    );
  }

  /** Folds the log into a new base after the operations already queued, without the caller waiting. */
  private queueCompaction(id: string, files: DraftFiles): void {
    if (files.compactionQueued) return;
    files.compactionQueued = true;
    const compaction = this.chain(id, async () => {
      files.compactionQueued = false;
      // The draft may have been saved in full or deleted meanwhile.
      if (this.files.get(id) !== files || !files.baseExists || !files.logExists) return;
      const text = await readFile(this.pathOf(id), 'utf8');
      const parsed = parseDraft(id, text);
      if (!parsed) return;
      const merged = await this.mergeLog(id, files, parsed.data);
      await this.writeBase(id, merged.savedAt ?? parsed.savedAt, JSON.stringify(merged.data));
    });
    // A failed compaction leaves a valid base and log; the next patch tries again.
    compaction.catch(() => undefined);
  }

  private async openLog(id: string, files: DraftFiles): Promise<OpenPatchLog> {
    if (files.log) return files.log;
    const { log, created } = await openPatchLogForAppend(
      join(this.folder, patchLogName(id, files.generation)),
    );
    // The new file's name must survive a power cut as well as its lines.
    if (created) await fsyncDirectory(this.folder);
    files.log = log;
    files.logExists = true;
    return log;
  }

  private async dropLog(id: string, files: DraftFiles): Promise<void> {
    const log = files.log;
    files.log = null;
    await log?.handle.close().catch(() => undefined);
    if (files.logExists) await rm(join(this.folder, patchLogName(id, files.generation)), { force: true });
    files.logExists = false;
  }

  /**
   * What is on disk for `id`, read on first use: the base's generation and size, and its log. Logs of
   * other generations (left by a crash during a full save or a delete) are removed here.
   */
  private async filesOf(id: string): Promise<DraftFiles> {
    const known = this.files.get(id);
    if (known) return known;
    const files = emptyFiles();
    try {
      const path = this.pathOf(id);
      const info = await stat(path);
      files.baseExists = true;
      files.baseBytes = info.size;
      files.generation = (await readHead(path)).generation;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const name of await readdir(this.folder)) {
      const generation = patchLogGeneration(id, name);
      if (generation === null) continue;
      if (files.baseExists && generation === files.generation) files.logExists = true;
      else await rm(join(this.folder, name), { force: true });
    }
    this.files.set(id, files);
    return files;
  }

  private chain<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(id) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.catch(() => undefined);
    this.chains.set(id, settled);
    void settled.then(() => {
      if (this.chains.get(id) === settled) this.chains.delete(id);
    });
    return run;
  }

  private pathOf(id: string): string {
    return join(this.folder, `${id}${EXTENSION}`);
  }
}

function emptyFiles(): DraftFiles {
  return {
    generation: 0,
    baseExists: false,
    baseBytes: 0,
    logExists: false,
    log: null,
    compactionQueued: false,
  };
}

function checkId(id: string): void {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw new DraftIdError(String(id));
}

function idOf(fileName: string): string {
  return fileName.slice(0, -EXTENSION.length);
}

/** Everything of a base file before its data; the generation sits in the head so it is cheap to read. */
function envelopeHead(id: string, savedAt: string, generation: number): string {
  return `{"v":${FORMAT_VERSION},"id":${JSON.stringify(id)},"savedAt":${JSON.stringify(savedAt)},"generation":${generation},"data":`;
}

/** The savedAt stamp and generation near the start of a base file, without reading the whole file. */
async function readHead(path: string): Promise<{ savedAt: string | undefined; generation: number }> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    const text = head.toString('utf8', 0, bytesRead);
    // Anchored to the head as writeBase writes it, so nothing inside the data can pass for it.
    const generation = HEAD_GENERATION.exec(text)?.[1];
    return {
      savedAt: /"savedAt":"([^"]{1,40})"/.exec(text)?.[1],
      generation: generation === undefined ? 0 : Number(generation),
    };
  } finally {
    await handle.close();
  }
}

function parseDraft(
  id: string,
  text: string,
): { savedAt: string; generation: number; data: unknown } | undefined {
  const value = parseJsonOrUndefined(text);
  if (typeof value !== 'object' || value === null) return undefined;
  const { v, id: storedId, savedAt, generation } = value as Record<string, unknown>;
  if (v !== FORMAT_VERSION || storedId !== id || typeof savedAt !== 'string' || !('data' in value))
    return undefined;
  // Files written before generations existed have none: generation 0.
  if (generation !== undefined && !(Number.isSafeInteger(generation) && (generation as number) >= 0))
    return undefined;
  return {
    savedAt,
    generation: (generation as number | undefined) ?? 0,
    data: (value as { data: unknown }).data,
  };
}

function compactStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}
