/**
 * The submission journal: an append-only, write-ahead log of every call to the ERP.
 *
 * Before a request leaves, `beginSubmission` appends a "sending" record and flushes it to disk; only then
 * does it return the entry's id, and only then may the caller send. After the call, `recordResult`
 * appends the outcome, flushed too. On open, a "sending" record with no result (the app died mid-call)
 * becomes 'unknown', and that is written down as a result record, so the files alone always tell the
 * truth. Together with `findPrior` this is what keeps submission at-most-once across crashes.
 *
 * Files: one per UTC month (monthFiles.ts), in the folder given; the record format is in format.ts.
 * A 核对 of an unknown outcome appends a finding (`recordReconcile`) beside the records it never rewrites.
 * Damage never stops the journal from opening: damaged lines are skipped and counted (replay.ts).
 * A file that vanishes while the app runs stops all writing (appender.ts). The SNs created submissions sent
 * are indexed for the scanner (snIndex.ts); changes are announced to subscribers (events.ts).
 * Memory: one small row per entry (entry.ts); bodies and full responses stay on disk and are read
 * for the detail view and free-text search. One process only: the app holds a single-instance lock.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  JournalChange,
  JournalEntry,
  JournalEntryDetail,
  JournalOpenReport,
  JournalPage,
  JournalQuery,
} from '../../shared/journal';
import { blocksResend } from '../../shared/journal';
import { matchingKey } from '../../shared/documents/contentKey';
import type { ReconcileFinding } from '../../shared/reconcile';
import type { CallOutcome } from '../../shared/outcome';
import { createSerialQueue } from '../../shared/serialQueue';
import { JournalAppender } from './appender';
import {
  acceptsReconcile,
  applyResult,
  createIndexedEntry,
  Interner,
  insertSorted,
  type IndexedEntry,
  submissionOf,
  toJournalEntry,
} from './entry';
import { serializeReconcile } from './reconcileRecord';
import { repairUnterminated } from './durable';
import { containsForbidden, forbiddenForms } from './forbidden';
import type { ResultRecord, SendingMeta } from './format';
import { parseLine, serializeSending } from './format';
import { readDetail } from './detail';
import { queryEntries } from './query';
import { replayJournal, type ReplayState } from './replay';
import { extractSns } from './sn';
import type { SnIndex } from './snIndex';
import { JournalEvents } from './events';
import { JournalForbiddenTextError, JournalUsageError, UNKNOWN_AFTER_CRASH } from './errors';
import { resultLine } from './resultLine';
import { IdMaker } from './ids';

interface JournalOptions {
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

/** A body that carries something derived from the entry's id (an outer transfer's 核对 reference). */
type IdBoundSubmissionStart = Omit<SubmissionStart, 'body'> & {
  /** Called once, with the new entry's id; returns the exact body text that will be signed and sent. */
  readonly body: (id: string) => string;
};

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

export class Journal {
  private readonly folder: string;
  private readonly now: () => number;
  private readonly forbidden: () => readonly string[];
  private readonly files: string[];
  private readonly entries: IndexedEntry[];
  private readonly byId: Map<string, IndexedEntry>;
  private readonly sns: SnIndex;
  /** Unknown outcomes not yet on disk (markUnrecorded). */
  private readonly unrecorded = new Map<string, CallOutcome>();
  private readonly events = new JournalEvents();
  private readonly appender: JournalAppender;
  /** Lines skipped as damaged when the journal was opened; the log screen says so. */
  private readonly skippedLines: number;
  /** Appends run one at a time, in call order, so lines never interleave and offsets are known. */
  private readonly writes = createSerialQueue();
  private readonly ids = new IdMaker();
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
    this.sns = state.sns;
    this.skippedLines = state.skipped.length;
    this.appender = new JournalAppender(this.folder, state.files, state.identities);
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Writes the "sending" record and flushes it; resolves with the entry id once it is on disk. Send the
   * request only after this resolves. Throws JournalForbiddenTextError (nothing written) if the record
   * would contain a forbidden string.
   */
  beginSubmission(start: SubmissionStart | IdBoundSubmissionStart): Promise<string> {
    return this.writes.run(async () => {
      const timeMs = this.now();
      const meta = {
        id: this.ids.next(timeMs),
        time: new Date(timeMs).toISOString(),
        operator: start.operator,
        profileName: start.profileName,
        environment: start.environment,
        method: start.method,
        documentTitle: start.documentTitle,
        businessKey: start.businessKey,
        draftId: start.draftId,
      };
      const body = typeof start.body === 'string' ? start.body : start.body(meta.id);
      const line = serializeSending(meta, body);
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
      this.sns.wait(entry.id, extractSns(entry.method, body));
      this.events.emit({ type: 'added', entry: toJournalEntry(entry) });
      return entry.id;
    });
  }

  /**
   * Writes the outcome of submission `id` and flushes it. A forbidden string inside the outcome (say, the
   * ERP echoing a credential) is replaced rather than refused: the request has already gone, and losing
   * its result would turn a known outcome into an unknown one.
   */
  recordResult(id: string, outcome: CallOutcome, durationMs: number): Promise<JournalEntry> {
    return this.writes.run(async () => {
      const entry = this.byId.get(id);
      if (!entry) throw new JournalUsageError(`日志中没有这条提交：${id}`);
      if (entry.outcome !== 'sending') throw new JournalUsageError(`这条提交已有结果：${id}`);
      const timeMs = this.now();
      await this.writeResult(
        entry,
        { id, time: new Date(timeMs).toISOString(), durationMs, outcome },
        timeMs,
      );
      this.sns.settle(entry);
      const view = toJournalEntry(entry);
      this.events.emit({ type: 'updated', entry: view });
      return view;
    });
  }

  /**
   * The result of `id` could not be written after its request went out (recordResult threw, say on a full
   * disk). From now on the entry reads as unknown, so it keeps blocking a resend and 核对 can check it; the
   * outcome is written to disk just before the first 核对 finding (at a restart it becomes a crash unknown).
   */
  markUnrecorded(id: string, outcome: Extract<CallOutcome, { kind: 'unknown' }>): JournalEntry | undefined {
    const entry = this.byId.get(id);
    if (!entry || entry.outcome !== 'sending') return entry && toJournalEntry(entry);
    applyResult(entry, outcome, new Date(this.now()).toISOString(), undefined, -1, { offset: 0, length: 0 });
    this.unrecorded.set(id, outcome);
    this.sns.forget(id);
    const view = toJournalEntry(entry);
    this.events.emit({ type: 'updated', entry: view });
    return view;
  }

  /**
   * Appends a 核对 finding for the unknown entry `id` and flushes it; the entry's sending and result records
   * stay as they were. A 'created' finding makes the entry count as created for the duplicate guard and
   * for the SN lookup; 'not_created' lifts its block on a resend.
   */
  recordReconcile(id: string, finding: ReconcileFinding): Promise<JournalEntry> {
    return this.writes.run(async () => {
      const entry = this.byId.get(id);
      if (!entry || !acceptsReconcile(entry)) throw new JournalUsageError(`这条提交不是结果未知：${id}`);
      const timeMs = this.now();
      const unrecorded = this.unrecorded.get(id);
      if (unrecorded) {
        // A finding needs a result before it on disk: replay applies findings to unknown entries only.
        await this.writeResult(
          entry,
          { id, time: new Date(timeMs).toISOString(), outcome: unrecorded },
          timeMs,
        );
        this.unrecorded.delete(id);
      }
      const line = serializeReconcile({ id, time: new Date(timeMs).toISOString(), finding });
      if (containsForbidden(line, forbiddenForms(this.forbidden()))) throw new JournalForbiddenTextError();
      await this.appendDurably(Buffer.from(line), timeMs);
      entry.reconciled = finding;
      if (finding.state === 'created') {
        const { body } = await readDetail(this.folder, this.files, entry);
        this.sns.addCreated(entry, extractSns(entry.method, body));
      }
      const view = toJournalEntry(entry);
      this.events.emit({ type: 'updated', entry: view });
      return view;
    });
  }

  /** Called once by openJournal: every entry still 'sending' after replay died mid-call. */
  recoverInterrupted(): Promise<string[]> {
    return this.writes.run(async () => {
      const recovered: string[] = [];
      for (const entry of this.entries) {
        if (entry.outcome !== 'sending') continue;
        const timeMs = this.now();
        const time = new Date(timeMs).toISOString();
        try {
          await this.writeResult(entry, { id: entry.id, time, outcome: UNKNOWN_AFTER_CRASH }, timeMs);
        } catch {
          // Say, a full disk. The rest stay 'sending', which blocks a resend just the same, and are
          // recorded at the next start; opening must not fail because of it.
          break;
        }
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
    return readDetail(this.folder, this.files, entry);
  }

  /** The log screen's query: newest first, paged, with the total count. */
  async query(query: JournalQuery): Promise<JournalPage> {
    const result = await queryEntries(this.folder, this.files, this.entries, query);
    return { ...result, entries: result.rows.map(toJournalEntry), skippedLines: this.skippedLines };
  }

  /**
   * Earlier submissions of the same document (method and business key) that make sending it again
   * dangerous: created, maybe created, or still in flight. Newest first; empty means no warning needed.
   * An unknown outcome that 核对 found not created no longer counts (shared/journal.ts blocksResend).
   */
  findPrior(method: string, businessKey: string): JournalEntry[] {
    const prior: JournalEntry[] = [];
    const key = matchingKey(businessKey); // line-order independent, like every entry's (contentKey.ts)
    for (let i = this.entries.length - 1; i >= 0; i -= 1) {
      const entry = this.entries[i];
      if (entry && entry.matchKey === key && entry.method === method && blocksResend(entry)) {
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
    const entry = this.sns.find(sn);
    return entry && toJournalEntry(entry);
  }

  hasAcceptedSn(sn: string): boolean {
    return this.sns.has(sn);
  }

  /**
   * The SNs accepted submissions sent, in the order they were learnt, from the `from`-th on. The set only
   * grows, so a reader that has seen `acceptedSnCount` of them asks for the rest with that number.
   */
  acceptedSns(from = 0): Generator<string> {
    return this.sns.from(from);
  }

  get acceptedSnCount(): number {
    return this.sns.size;
  }

  /** Subscribes to added and updated entries; returns the unsubscribe function. */
  onChange(listener: (change: JournalChange) => void): () => void {
    return this.events.subscribe(listener);
  }

  /** Waits for pending writes and closes the file. Later writes are refused. */
  async close(): Promise<void> {
    await this.writes.run(async () => {
      this.closed = true;
      await this.appender.close();
    });
  }

  private async writeResult(entry: IndexedEntry, record: ResultRecord, timeMs: number): Promise<void> {
    const bytes = resultLine(record, submissionOf(entry), this.forbidden());
    const { file, offset } = await this.appendDurably(bytes, timeMs);
    applyResult(entry, record.outcome, record.time, record.durationMs, file, {
      offset,
      length: bytes.length - 1,
    });
  }

  /** Appends one line to the month file for `timeMs` and flushes it; returns where it landed. */
  private async appendDurably(bytes: Buffer, timeMs: number): Promise<{ file: number; offset: number }> {
    if (this.closed) throw new JournalUsageError('日志已关闭');
    return this.appender.append(bytes, timeMs);
  }

  private insert(entry: IndexedEntry): void {
    insertSorted(this.entries, entry);
    this.byId.set(entry.id, entry);
  }
}
