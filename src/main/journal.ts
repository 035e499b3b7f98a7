/**
 * The submission journal: an append-only, write-ahead log of every call to the ERP.
 *
 * Before a request leaves, `beginSubmission` appends a "sending" record and flushes it to disk; only then
 * does it return the entry's id, and only then may the caller send. After the call, `recordResult`
 * appends the outcome, flushed too. On open, a "sending" record with no result (the app died mid-call)
 * becomes 'unknown', and that is written down as a result record, so the files alone always tell the
 * truth. Together with `findPrior` this is what keeps submission at-most-once across crashes.
 *
 * Files: one per UTC month, `journal-YYYY-MM.jsonl`, in the folder given; format in journal/format.ts.
 * Memory: one small row per entry (journal/entry.ts); bodies and full responses stay on disk and are read
 * for the detail view and free-text search. One process only: the app holds a single-instance lock.
 */
import { mkdir, open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type {
  JournalChange,
  JournalEntry,
  JournalEntryDetail,
  JournalOpenReport,
  JournalPage,
  JournalQuery,
} from '../shared/journal';
import { priorBlockingOutcomes } from '../shared/journal';
import type { CallOutcome } from '../shared/outcome';
import type { IndexedEntry } from './journal/entry';
import { applyResult, createIndexedEntry, Interner, isCreated, toJournalEntry } from './journal/entry';
import { ensureTrailingNewline, fsyncDirectory } from './journal/durable';
import { containsForbidden, forbiddenForms, redact } from './journal/forbidden';
import type { ResultRecord, SendingMeta } from './journal/format';
import { parseLine, serializeResult, serializeSending } from './journal/format';
import { queryEntries } from './journal/query';
import type { ReplayState } from './journal/replay';
import { monthFileName, replayJournal } from './journal/replay';
import { extractSns } from './journal/sn';

export interface JournalOptions {
  /** The data folder; created if missing. */
  readonly folder: string;
  /** Milliseconds since the epoch; injected so tests can cross a month boundary. */
  readonly now?: () => number;
  /**
   * Texts that must never be written (the current profile's secret and salt), asked for at each write.
   * See journal/forbidden.ts for why the journal checks even though its API takes no credentials.
   */
  readonly forbidden?: () => readonly string[];
}

/** What the caller knows about a submission just before sending it. Deliberately no credential fields. */
export type SubmissionStart = Omit<SendingMeta, 'id' | 'time'> & {
  /** The exact body text that will be signed and sent. */
  readonly body: string;
};

/** A record would have contained a credential; nothing was written and the request must not be sent. */
export class JournalForbiddenTextError extends Error {
  readonly code = 'journal.forbidden-text';
  constructor() {
    super('单据内容中包含接口密钥或盐值。为保护密钥，已拒绝记录和发送，请检查备注等字段。');
    this.name = 'JournalForbiddenTextError';
  }
}

export class JournalUsageError extends Error {
  readonly code = 'journal.usage';
  constructor(message: string) {
    super(message);
    this.name = 'JournalUsageError';
  }
}

export const UNKNOWN_AFTER_CRASH_REASON = '程序在发送过程中退出，结果未知';
const UNKNOWN_AFTER_CRASH_EXPLANATION =
  '程序在等待 ERP 答复时退出（崩溃、断电或被强制结束），无法确定 ERP 是否已创建单据。请先在 ERP 中查询该单据，确认未创建后再重新提交。';

/** Opens (replays) the journal in `options.folder`, recording crashed submissions as 'unknown'. */
export async function openJournal(
  options: JournalOptions,
): Promise<{ journal: Journal; report: JournalOpenReport }> {
  await mkdir(options.folder, { recursive: true });
  const interner = new Interner();
  const state = await replayJournal(options.folder, interner);
  for (const name of state.unterminated) await repairUnterminated(join(options.folder, name));
  const journal = new Journal(options, state, interner);
  const recovered = await journal.recoverInterrupted();
  return {
    journal,
    report: {
      files: state.files.length,
      entries: state.entries.length,
      skippedLines: state.skipped,
      recoveredAsUnknown: recovered,
    },
  };
}

async function repairUnterminated(path: string): Promise<void> {
  const handle = await open(path, 'a+');
  try {
    await ensureTrailingNewline(handle);
  } finally {
    await handle.close();
  }
}

interface OpenFile {
  readonly name: string;
  readonly number: number;
  readonly handle: FileHandle;
  size: number;
}

export class Journal {
  private readonly folder: string;
  private readonly now: () => number;
  private readonly forbidden: () => readonly string[];
  private readonly files: string[];
  private readonly entries: IndexedEntry[];
  private readonly byId: Map<string, IndexedEntry>;
  private readonly createdSns: Map<string, IndexedEntry>;
  /** SNs of submissions in flight, moved to `createdSns` if the result says created. */
  private readonly inFlightSns = new Map<string, string[]>();
  private readonly listeners = new Set<(change: JournalChange) => void>();
  private current: OpenFile | undefined;
  /** Appends run one at a time, in call order, so lines never interleave and offsets are known. */
  private tail: Promise<unknown> = Promise.resolve();
  private lastIdMs = 0;
  private idSequence = 0;
  private closed = false;

  /** Use openJournal. */
  constructor(
    options: JournalOptions,
    state: ReplayState,
    private readonly interner: Interner,
  ) {
    this.folder = options.folder;
    this.now = options.now ?? Date.now;
    this.forbidden = options.forbidden ?? (() => []);
    this.files = state.files;
    this.entries = state.entries;
    this.byId = state.byId;
    this.createdSns = state.createdSns;
  }

  /** Number of entries. */
  get size(): number {
    return this.entries.length;
  }

  /**
   * Writes the "sending" record and flushes it; resolves with the entry id once it is on disk. Send the
   * request only after this resolves. Throws JournalForbiddenTextError (nothing written) if the record
   * would contain a forbidden string.
   */
  beginSubmission(start: SubmissionStart): Promise<string> {
    return this.serialized(async () => {
      const timeMs = this.now();
      const meta = {
        id: this.nextId(timeMs),
        time: new Date(timeMs).toISOString(),
        operator: start.operator,
        profileName: start.profileName,
        environment: start.environment,
        method: start.method,
        documentTitle: start.documentTitle,
        businessKey: start.businessKey,
        draftId: start.draftId,
      };
      const line = serializeSending(meta, start.body);
      if (containsForbidden(line, forbiddenForms(this.forbidden()))) throw new JournalForbiddenTextError();
      const bytes = Buffer.from(line);
      const parsed = parseLine(bytes, 0, bytes.length - 1);
      if (parsed.type !== 'sending') throw new JournalUsageError('日志记录格式错误');
      const { file, offset } = await this.appendDurably(bytes, timeMs);
      const entry = createIndexedEntry(
        meta,
        file,
        { offset: offset + parsed.body.offset, length: parsed.body.length },
        this.interner,
      );
      this.insert(entry);
      const sns = extractSns(entry.method, start.body);
      if (sns.length > 0) this.inFlightSns.set(entry.id, sns);
      this.emit({ type: 'added', entry: toJournalEntry(entry) });
      return entry.id;
    });
  }

  /**
   * Writes the outcome of submission `id` and flushes it. A forbidden string inside the outcome (say, the
   * ERP echoing a credential) is replaced rather than refused: the request has already gone, and losing
   * its result would turn a known outcome into an unknown one.
   */
  recordResult(id: string, outcome: CallOutcome, durationMs: number): Promise<JournalEntry> {
    return this.serialized(async () => {
      const entry = this.byId.get(id);
      if (!entry) throw new JournalUsageError(`日志中没有这条提交：${id}`);
      if (entry.outcome !== 'sending') throw new JournalUsageError(`这条提交已有结果：${id}`);
      const timeMs = this.now();
      await this.writeResult(
        entry,
        { id, time: new Date(timeMs).toISOString(), durationMs, outcome },
        timeMs,
      );
      const sns = this.inFlightSns.get(id);
      this.inFlightSns.delete(id);
      if (sns && isCreated(entry.outcome))
        for (const sn of sns) if (!this.createdSns.has(sn)) this.createdSns.set(sn, entry);
      const view = toJournalEntry(entry);
      this.emit({ type: 'updated', entry: view });
      return view;
    });
  }

  /** Called once by openJournal: every entry still 'sending' after replay died mid-call. */
  recoverInterrupted(): Promise<string[]> {
    return this.serialized(async () => {
      const recovered: string[] = [];
      for (const entry of this.entries) {
        if (entry.outcome !== 'sending') continue;
        const timeMs = this.now();
        const outcome: CallOutcome = {
          kind: 'unknown',
          reason: UNKNOWN_AFTER_CRASH_REASON,
          explanation: UNKNOWN_AFTER_CRASH_EXPLANATION,
        };
        await this.writeResult(
          entry,
          { id: entry.id, time: new Date(timeMs).toISOString(), outcome },
          timeMs,
        );
        recovered.push(entry.id);
      }
      return recovered;
    });
  }

  get(id: string): JournalEntry | undefined {
    const entry = this.byId.get(id);
    return entry && toJournalEntry(entry);
  }

  /** One entry in full: the body sent and the whole outcome, read from disk. */
  async getDetail(id: string): Promise<JournalEntryDetail | undefined> {
    const entry = this.byId.get(id);
    if (!entry) return undefined;
    const literal = await this.readRange(entry.bodyFile, entry.bodyOffset, entry.bodyLength);
    const body = JSON.parse(literal.toString('utf8')) as string;
    let result: ResultRecord | undefined;
    if (entry.resultFile >= 0) {
      const line = await this.readRange(entry.resultFile, entry.resultOffset, entry.resultLength);
      const parsed = parseLine(line, 0, line.length);
      if (parsed.type === 'result') result = parsed.record;
    }
    return {
      ...toJournalEntry(entry),
      body,
      ...(result && { result: result.outcome }),
      ...(result?.redacted && { redacted: true }),
    };
  }

  /** The log screen's query: newest first, paged, with the total count. */
  async query(query: JournalQuery): Promise<JournalPage> {
    const result = await queryEntries(this.folder, this.files, this.entries, query);
    return { ...result, entries: result.rows.map(toJournalEntry) };
  }

  /**
   * Earlier submissions of the same document (method and business key) that make sending it again
   * dangerous: created, maybe created, or still in flight. Newest first; empty means no warning needed.
   */
  findPrior(method: string, businessKey: string): JournalEntry[] {
    const prior: JournalEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0; i -= 1) {
      const entry = this.entries[i];
      if (
        entry &&
        entry.businessKey === businessKey &&
        entry.method === method &&
        priorBlockingOutcomes.includes(entry.outcome)
      ) {
        prior.push(toJournalEntry(entry));
      }
    }
    return prior;
  }

  /**
   * The submission (uploadSN or OuterOut.createOrder) that already sent `sn` and whose document the ERP
   * created (accepted, or approval-failed which also creates it); undefined if none.
   */
  findSnSubmission(sn: string): JournalEntry | undefined {
    const entry = this.createdSns.get(sn.trim());
    return entry && toJournalEntry(entry);
  }

  hasAcceptedSn(sn: string): boolean {
    return this.createdSns.has(sn.trim());
  }

  /**
   * The SNs accepted submissions sent, in the order they were learnt, from the `from`-th on. The set only
   * grows, so a reader that has seen `acceptedSnCount` of them asks for the rest with that number.
   */
  *acceptedSns(from = 0): Generator<string> {
    let index = 0;
    for (const sn of this.createdSns.keys()) if (index++ >= from) yield sn;
  }

  get acceptedSnCount(): number {
    return this.createdSns.size;
  }

  /** Subscribes to added and updated entries; returns the unsubscribe function. */
  onChange(listener: (change: JournalChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Waits for pending writes and closes the file. Later writes are refused. */
  async close(): Promise<void> {
    await this.serialized(async () => {
      this.closed = true;
      await this.current?.handle.close();
      this.current = undefined;
    });
  }

  private async writeResult(entry: IndexedEntry, record: ResultRecord, timeMs: number): Promise<void> {
    const forbidden = this.forbidden();
    const forms = forbiddenForms(forbidden);
    let line = serializeResult(record);
    if (containsForbidden(line, forms)) {
      line = serializeResult({ ...record, outcome: redact(record.outcome, forbidden), redacted: true });
      if (containsForbidden(line, forms)) throw new JournalForbiddenTextError();
    }
    const bytes = Buffer.from(line);
    const { file, offset } = await this.appendDurably(bytes, timeMs);
    applyResult(entry, record.outcome, record.time, record.durationMs, file, {
      offset,
      length: bytes.length - 1,
    });
  }

  /** Appends one line to the month file for `timeMs` and flushes it; returns where it landed. */
  private async appendDurably(bytes: Buffer, timeMs: number): Promise<{ file: number; offset: number }> {
    if (this.closed) throw new JournalUsageError('日志已关闭');
    const target = await this.fileFor(timeMs);
    const offset = target.size;
    try {
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await target.handle.write(bytes, written, bytes.length - written);
        written += bytesWritten;
      }
      await target.handle.datasync();
    } catch (error) {
      // The file may now end in a partial line; reopening checks and repairs the ending before the next append.
      this.current = undefined;
      await target.handle.close().catch(() => undefined);
      throw error;
    }
    target.size += bytes.length;
    return { file: target.number, offset };
  }

  private async fileFor(timeMs: number): Promise<OpenFile> {
    const name = monthFileName(timeMs);
    if (this.current?.name === name) return this.current;
    await this.current?.handle.close();
    this.current = undefined;
    let number = this.files.indexOf(name);
    const handle = await open(join(this.folder, name), 'a+');
    try {
      if (number === -1) {
        await fsyncDirectory(this.folder);
        number = this.files.push(name) - 1;
      } else {
        await ensureTrailingNewline(handle);
      }
      const { size } = await handle.stat();
      this.current = { name, number, handle, size };
      return this.current;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Sortable by time, unique across processes: "20261103T101502123Z-00a3f9". */
  private nextId(timeMs: number): string {
    const ms = Math.max(timeMs, this.lastIdMs);
    this.idSequence = ms === this.lastIdMs ? this.idSequence + 1 : 0;
    this.lastIdMs = ms;
    const stamp = new Date(ms).toISOString().replace(/[-:.]/g, '');
    return `${stamp}-${this.idSequence.toString(36).padStart(2, '0')}${randomBytes(2).toString('hex')}`;
  }

  /** Keeps `entries` sorted by id; a new id is normally the largest, so this is a push. */
  private insert(entry: IndexedEntry): void {
    let index = this.entries.length;
    while (index > 0) {
      const previous = this.entries[index - 1];
      if (previous === undefined || previous.id < entry.id) break;
      index -= 1;
    }
    this.entries.splice(index, 0, entry);
    this.byId.set(entry.id, entry);
  }

  private async readRange(file: number, offset: number, length: number): Promise<Buffer> {
    const name = this.files[file];
    if (name === undefined) throw new JournalUsageError('日志文件缺失');
    const handle = await open(join(this.folder, name), 'r');
    try {
      const buf = Buffer.alloc(length);
      await handle.read(buf, 0, length, offset);
      return buf;
    } finally {
      await handle.close();
    }
  }

  private emit(change: JournalChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A failing listener (say, a closed window) must not break journaling.
      }
    }
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
