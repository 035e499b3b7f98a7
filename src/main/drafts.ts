/**
 * Autosaved drafts: one JSON file per draft (a document form, its grid, its scanned SNs), saved as the user
 * works so a crash or a power cut loses at most the last change.
 *
 * Each save rewrites the whole file atomically (temporary file, flush, rename, flush the folder), so the
 * file on disk is always a complete old or complete new draft. A full rewrite of a 20,000-SN draft
 * (~0.5 MB) costs a few milliseconds (bench/journal.bench.ts measures it), so no per-scan append log is
 * needed; saves that arrive while one is being written are coalesced, so a burst of scans costs at most
 * one write in flight and one queued.
 */
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from './journal/durable';

export const DEFAULT_DRAFT_LIMIT_BYTES = 20 * 1024 * 1024;
const FORMAT_VERSION = 1;
const ID_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const EXTENSION = '.json';
const TEMP_MARKER = '.tmp-';
/** Enough to hold the envelope's head: {"v":1,"id":<at most 128 chars>,"savedAt":"…". */
const HEAD_BYTES = 256;

export interface DraftStoreOptions {
  readonly folder: string;
  /** Largest serialized draft accepted; default 20 MB. */
  readonly maxBytes?: number;
  readonly now?: () => number;
}

export interface DraftSummary {
  readonly id: string;
  /** ISO 8601 time of the last save. */
  readonly savedAt: string;
  readonly bytes: number;
}

export type DraftLoad =
  | { readonly status: 'found'; readonly id: string; readonly savedAt: string; readonly data: unknown }
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
  content: { text: string; savedAt: string };
}

export class DraftStore {
  private readonly folder: string;
  private readonly maxBytes: number;
  private readonly now: () => number;
  /** Per draft: the last queued operation, so saves and deletes of one draft happen in call order. */
  private readonly chains = new Map<string, Promise<unknown>>();
  /** Per draft: a save waiting behind the one being written; newer saves replace its text. */
  private readonly queued = new Map<string, { save: QueuedSave; done: Promise<DraftSummary> }>();

  /** Use openDraftStore. */
  constructor(options: DraftStoreOptions) {
    this.folder = options.folder;
    this.maxBytes = options.maxBytes ?? DEFAULT_DRAFT_LIMIT_BYTES;
    this.now = options.now ?? Date.now;
  }

  /**
   * Saves `data` (any JSON value) as draft `id`. Resolves once it is on disk. The data is serialized at
   * the call, so the caller may keep changing its objects. Rejects with DraftTooLargeError over the limit.
   */
  saveDraft(id: string, data: unknown): Promise<DraftSummary> {
    const savedAt = new Date(this.now()).toISOString();
    let text: string;
    try {
      checkId(id);
      const serialized = JSON.stringify({ v: FORMAT_VERSION, id, savedAt, data }) as string | undefined;
      if (serialized === undefined || data === undefined) throw new TypeError('草稿内容不是有效的 JSON');
      text = serialized;
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new TypeError('草稿内容不是有效的 JSON'));
    }
    const bytes = Buffer.byteLength(text);
    if (bytes > this.maxBytes) return Promise.reject(new DraftTooLargeError(bytes, this.maxBytes));

    const waiting = this.queued.get(id);
    if (waiting) {
      waiting.save.content = { text, savedAt };
      return waiting.done;
    }
    const save: QueuedSave = { content: { text, savedAt } };
    const done = this.chain(id, async () => {
      // From here on, newer saves queue behind this write instead of changing it.
      if (this.queued.get(id)?.save === save) this.queued.delete(id);
      const { text: latest, savedAt: latestSavedAt } = save.content;
      await writeFileAtomically(this.pathOf(id), latest);
      return { id, savedAt: latestSavedAt, bytes: Buffer.byteLength(latest) };
    });
    this.queued.set(id, { save, done });
    return done;
  }

  async loadDraft(id: string): Promise<DraftLoad> {
    checkId(id);
    await this.chains.get(id)?.catch(() => undefined);
    const path = this.pathOf(id);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing', id };
      throw error;
    }
    const parsed = parseDraft(id, text);
    if (parsed) return { status: 'found', id, savedAt: parsed.savedAt, data: parsed.data };
    const setAsideAs = `${id}${EXTENSION}.${compactStamp(this.now())}.corrupt`;
    await rename(path, join(this.folder, setAsideAs));
    return {
      status: 'corrupt',
      id,
      setAsideAs,
      reason: '草稿文件已损坏，无法读取；已另存备查，不影响其他草稿。',
    };
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
        drafts.push({ id: idOf(name), savedAt: await readSavedAt(path, info.mtime), bytes: info.size });
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
      const path = this.pathOf(id);
      const existed = await stat(path).then(
        () => true,
        () => false,
      );
      await rm(path, { force: true });
      return existed;
    });
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

function checkId(id: string): void {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw new DraftIdError(String(id));
}

function idOf(fileName: string): string {
  return fileName.slice(0, -EXTENSION.length);
}

/** The savedAt stamp near the start of a draft file, without reading the whole file; mtime if absent. */
async function readSavedAt(path: string, mtime: Date): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    const match = /"savedAt":"([^"]{1,40})"/.exec(head.toString('utf8', 0, bytesRead));
    return match?.[1] ?? mtime.toISOString();
  } finally {
    await handle.close();
  }
}

function parseDraft(id: string, text: string): { savedAt: string; data: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { v, id: storedId, savedAt } = value as Record<string, unknown>;
  if (v !== FORMAT_VERSION || storedId !== id || typeof savedAt !== 'string' || !('data' in value))
    return undefined;
  return { savedAt, data: (value as { data: unknown }).data };
}

function compactStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}
