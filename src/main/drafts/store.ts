/**
 * Autosaved drafts: one JSON file per draft (a document form, its grid, its scanned SNs), saved as the user
 * works so a crash or a power cut loses at most the last change. This store ties the parts together: the
 * base file (baseFile.ts), the patch log (patchLog.ts), what is on disk per draft (fileState.ts) and the
 * order of each draft's operations (queue.ts).
 *
 * A full save rewrites the draft's base file atomically (temporary file, flush, rename, flush the folder),
 * so the base on disk is always a complete old or complete new draft. Saves that arrive while one is being
 * written are coalesced, so a burst costs at most one write in flight and one queued.
 *
 * A patch (patchDraft) is the cheap way to save a small change to a big draft, e.g. one scan into a
 * 20,000-SN draft: the change is appended as one flushed line to the draft's patch log, and loading applies
 * the log to the base. Each base carries a generation number and a log belongs to one generation: a full
 * save writes generation + 1 and then removes the old log, so a crash between the two leaves a log that is
 * simply ignored (and removed) from then on. Once a log grows long, the store folds it into a new base by
 * itself, off the caller's path.
 *
 * Every write is checked (src/main/files/checkedWrite.ts): a write the disk cut short is a failure, never a
 * save, and a failed patch leaves no torn line behind. The renderer sends patches without waiting for the
 * one before, so after a patch or save of a draft fails, its later patches are refused
 * (DraftPatchRefusedError) until a full save succeeds: a patch never lands on a base that lacks an earlier
 * change.
 */
import { join } from 'node:path';
import type { DraftPatch } from '../../shared/draftPatch';
import { DRAFT_TEMP_MARKER } from '../../shared/draftIds';
import type { DraftPatchSummary, DraftSummary } from '../../shared/ipc';
import { replaceFile, writeAll } from '../files/checkedWrite';
import { nodeFileLayer, type FileLayer } from '../files/fileLayer';
import {
  baseFileName,
  checkId,
  compactStamp,
  idOfBaseFile,
  parseBase,
  readHeader,
  serializeBase,
  serializeHeader,
} from './baseFile';
import { DraftMissingError, DraftPatchRefusedError, DraftTooLargeError, asDraftWriteError } from './errors';
import { DraftFileTracker, type DraftFiles } from './fileState';
import {
  applyPatchLog,
  compactionDue,
  patchLogName,
  serializePatchLine,
  type SkippedPatch,
} from './patchLog';
import { DraftQueue } from './queue';

const DEFAULT_DRAFT_LIMIT_BYTES = 20 * 1024 * 1024;

interface DraftStoreOptions {
  readonly folder: string;
  /** Largest draft accepted (base and patch log together); default 20 MB. */
  readonly maxBytes?: number;
  readonly now?: () => number;
  /** Node's file system unless a test injects faults. */
  readonly files?: FileLayer;
}

type DraftLoad =
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

interface DraftStoreOpenReport {
  /** Temporary files left by a save that was cut short; the drafts they were replacing are intact. */
  readonly removedTempFiles: readonly string[];
}

/** Opens the drafts folder, creating it if missing and removing temporary files left by a crash. */
export async function openDraftStore(
  options: DraftStoreOptions,
): Promise<{ store: DraftStore; report: DraftStoreOpenReport }> {
  const files = options.files ?? nodeFileLayer;
  await files.mkdir(options.folder).catch(() => undefined);
  const leftovers: string[] = [];
  try {
    leftovers.push(
      ...(await files.readdir(options.folder)).filter((name) => name.includes(DRAFT_TEMP_MARKER)),
    );
    for (const name of leftovers) await files.rm(join(options.folder, name));
  } catch {
    // Leftovers are ignored by every read; a folder that cannot be listed fails each draft call instead of
    // stopping the app from starting.
  }
  return { store: new DraftStore(options), report: { removedTempFiles: leftovers } };
}

/** A full save's content, taken at the call: newer saves replace it until the write starts. */
interface SaveContent {
  readonly dataText: string;
  readonly savedAt: string;
}

export class DraftStore {
  private readonly folder: string;
  private readonly maxBytes: number;
  private readonly now: () => number;
  private readonly fs: FileLayer;
  private readonly queue = new DraftQueue<SaveContent, DraftSummary>((id, content) =>
    this.writeSave(id, content),
  );
  /** What is on disk per draft; touched only inside the draft's queue. */
  private readonly tracked: DraftFileTracker;
  /** Drafts whose last patch or save failed: patches are refused until a full save succeeds. */
  private readonly needsFullSave = new Set<string>();

  /** Use openDraftStore. */
  constructor(options: DraftStoreOptions) {
    this.folder = options.folder;
    this.maxBytes = options.maxBytes ?? DEFAULT_DRAFT_LIMIT_BYTES;
    this.now = options.now ?? Date.now;
    this.fs = options.files ?? nodeFileLayer;
    this.tracked = new DraftFileTracker(this.folder, this.fs);
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
    const bytes = Buffer.byteLength(serializeHeader(id, savedAt, 0)) + Buffer.byteLength(dataText) + 1;
    if (bytes > this.maxBytes) {
      // Patches sent after this save were made against it: they must not land on the older base.
      void this.queue.run(id, () => Promise.resolve(this.needsFullSave.add(id)));
      return Promise.reject(new DraftTooLargeError(bytes, this.maxBytes));
    }
    return this.queue.save(id, { dataText, savedAt });
  }

  private async writeSave(id: string, { dataText, savedAt }: SaveContent): Promise<DraftSummary> {
    try {
      const written = await this.writeBase(id, savedAt, dataText);
      this.needsFullSave.delete(id);
      return { id, savedAt, bytes: written };
    } catch (error) {
      this.needsFullSave.add(id);
      throw asDraftWriteError(error);
    }
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
    this.queue.endMerging(id);
    return this.queue.run(id, async () => {
      if (this.needsFullSave.has(id)) throw new DraftPatchRefusedError(id);
      try {
        return await this.appendPatch(id, line, savedAt);
      } catch (error) {
        // The sender's next patches assume this one landed: refuse them until a full save.
        this.needsFullSave.add(id);
        throw asDraftWriteError(error);
      }
    });
  }

  private async appendPatch(id: string, line: string, savedAt: string): Promise<DraftPatchSummary> {
    const files = await this.tracked.filesOf(id);
    if (!files.baseExists || !(await this.tracked.stillOnDisk(id, files))) throw new DraftMissingError(id);
    const log = await this.tracked.openLog(id, files);
    const lineBytes = Buffer.byteLength(line);
    const total = files.baseBytes + log.bytes + lineBytes;
    if (total > this.maxBytes) throw new DraftTooLargeError(total, this.maxBytes);
    try {
      // Every byte confirmed: a line cut short by a full disk is an error, never a saved patch.
      await writeAll(log.handle, Buffer.from(line, 'utf8'));
      await log.handle.datasync();
    } catch (error) {
      // Leave no partial line for the next one to be glued to.
      await log.handle.truncate(log.bytes).catch(() => undefined);
      throw error;
    }
    log.bytes += lineBytes;
    log.lines += 1;
    if (compactionDue(files.baseBytes, log)) this.queueCompaction(id, files);
    return { savedAt, pending: log.lines };
  }

  async loadDraft(id: string): Promise<DraftLoad> {
    checkId(id);
    // A save requested after this load must not be merged into one queued before it.
    this.queue.endMerging(id);
    return this.queue.run(id, () => this.readDraft(id));
  }

  /** Every saved draft, most recently saved first. */
  async listDrafts(): Promise<DraftSummary[]> {
    const drafts: DraftSummary[] = [];
    for (const name of await this.fs.readdir(this.folder)) {
      const id = idOfBaseFile(name);
      if (id === null) continue;
      try {
        const path = join(this.folder, name);
        const info = await this.fs.stat(path);
        const header = await readHeader(this.fs, path, id);
        drafts.push({ id, savedAt: header?.savedAt ?? info.mtime.toISOString(), bytes: info.size });
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
    this.queue.endMerging(id);
    return this.queue.run(id, async () => {
      const files = await this.tracked.filesOf(id);
      // The base goes first: a log without its base is an orphan, removed on the draft's next use.
      await this.fs.rm(this.pathOf(id));
      await this.tracked.dropLog(id, files).catch(() => undefined);
      const existed = files.baseExists;
      this.tracked.reset(id);
      this.needsFullSave.delete(id);
      return existed;
    });
  }

  /** Waits for every write under way and closes the open logs. */
  async close(): Promise<void> {
    await this.queue.idle();
    await this.tracked.closeAll();
  }

  private async readDraft(id: string): Promise<DraftLoad> {
    const files = await this.tracked.filesOf(id);
    const path = this.pathOf(id);
    let text: string;
    try {
      text = (await this.fs.readFile(path)).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing', id };
      throw error;
    }
    const parsed = parseBase(id, text);
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
    const setAsideAs = `${baseFileName(id)}.${compactStamp(this.now())}.corrupt`;
    await this.fs.rename(path, join(this.folder, setAsideAs));
    // Patches of a base that is gone mean nothing on their own.
    await this.tracked.dropLog(id, files);
    this.tracked.reset(id);
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
      text = (await this.fs.readFile(join(this.folder, patchLogName(id, files.generation)))).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { data, savedAt: null, skipped: [] };
      throw error;
    }
    return applyPatchLog(data, text);
  }

  /** Writes a new base (generation + 1), then removes the log it supersedes; returns the bytes written. */
  private async writeBase(id: string, savedAt: string, dataText: string): Promise<number> {
    const files = await this.tracked.filesOf(id);
    const generation = files.generation + 1;
    const text = serializeBase(id, savedAt, generation, dataText);
    await replaceFile(this.fs, this.pathOf(id), text);
    const bytes = Buffer.byteLength(text);
    // A crash here leaves the old log behind; its generation is now below the base's, so it is ignored.
    // So is a failure to remove it: the new base is saved, and the stale log goes at the draft's next open.
    await this.tracked.dropLog(id, files).catch(() => undefined);
    Object.assign(files, { generation, baseExists: true, baseBytes: bytes, log: null, logExists: false });
    return bytes;
  }

  /** Folds the log into a new base after the operations already queued, without the caller waiting. */
  private queueCompaction(id: string, files: DraftFiles): void {
    if (files.compactionQueued) return;
    files.compactionQueued = true;
    const compaction = this.queue.run(id, async () => {
      files.compactionQueued = false;
      // The draft may have been saved in full or deleted meanwhile.
      if (this.tracked.current(id) !== files || !files.baseExists || !files.logExists) return;
      const text = (await this.fs.readFile(this.pathOf(id))).toString('utf8');
      const parsed = parseBase(id, text);
      if (!parsed) return;
      const merged = await this.mergeLog(id, files, parsed.data);
      await this.writeBase(id, merged.savedAt ?? parsed.savedAt, JSON.stringify(merged.data));
    });
    // A failed compaction leaves a valid base and log; the next patch tries again.
    compaction.catch(() => undefined);
  }

  private pathOf(id: string): string {
    return this.tracked.basePath(id);
  }
}
