/**
 * Opening the journal: read every month file once, in order, and rebuild the in-memory index. A line that
 * cannot be read is skipped and counted, never fatal: nothing in a journal file can make opening throw.
 * Only the small head of each sending record is parsed; bodies are parsed only where they may hold SNs
 * (sn.ts), to rebuild the SN index.
 *
 * Damage costs as little as possible. A result record repeats its submission's method and business key, so
 * when the sending line is lost the result alone still makes an entry (without its body) and keeps the
 * duplicate guard. When a damaged newline glues two records together, the record behind is still read.
 * 核对 records are applied once every file is read, so one read before its entry (the clock went back
 * across a month boundary) still counts; an entry's latest finding wins.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SkippedJournalLine } from '../../shared/journal';
import type { IndexedEntry, Interner } from './entry';
import { acceptsReconcile, applyResult, createIndexedEntry, NO_BODY } from './entry';
import type { ReconcileRecord } from './reconcileRecord';
import type { ParsedLine, ResultRecord } from './format';
import { parseLine, RECORD_START } from './format';
import { parseJson } from './lines';
import { listMonthFiles, type FileIdentity } from './monthFiles';
import { extractSns, mayHoldSns } from './sn';
import { SnIndex } from './snIndex';

const NEWLINE = 0x0a;

export interface ReplayState {
  /** File names in the data folder; an entry's file number indexes this list. */
  readonly files: string[];
  /** Parallel to `files`: the file each name referred to when it was replayed. */
  readonly identities: (FileIdentity | undefined)[];
  /** Sorted by id, i.e. by time. */
  readonly entries: IndexedEntry[];
  readonly byId: Map<string, IndexedEntry>;
  /** The SNs created submissions sent. */
  readonly sns: SnIndex;
  readonly skipped: SkippedJournalLine[];
  /** Files whose last byte is not a newline (a write was cut short): repaired before the next append. */
  readonly unterminated: string[];
}

interface PendingResult {
  readonly record: ResultRecord;
  readonly file: number;
  readonly offset: number;
  readonly length: number;
  readonly where: { readonly file: string; readonly line: number };
}

export async function replayJournal(folder: string, interner: Interner): Promise<ReplayState> {
  const files = await listMonthFiles(folder);
  const replay = new Replay(files, interner);
  for (const [fileNumber, name] of files.entries()) {
    const path = join(folder, name);
    let buf: Buffer;
    try {
      buf = await readFile(path);
      const { dev, ino } = await stat(path);
      replay.state.identities[fileNumber] = { dev, ino };
    } catch (error) {
      // A file the disk cannot read (bad sector, no permission) costs its own entries, not the journal.
      const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '未知';
      replay.state.skipped.push({ file: name, line: 0, reason: `整个文件无法读取（${code}）` });
      continue;
    }
    replay.readFile(buf, fileNumber, name);
  }
  return replay.finish();
}

class Replay {
  readonly state: ReplayState;
  /**
   * Results read before their sending record (the clock went back across a month boundary) or without one
   * (its line was lost); settled at the end.
   */
  private readonly orphanResults = new Map<string, PendingResult>();
  /** SNs of entries whose outcome is unknown: a 核对 that finds them created adds them to the index. */
  private readonly unknownSns = new Map<string, readonly string[]>();
  /** The latest 核对 record per entry id, applied in finish(). */
  private readonly findings = new Map<
    string,
    { readonly record: ReconcileRecord; readonly where: PendingResult['where'] }
  >();

  constructor(
    files: string[],
    private readonly interner: Interner,
  ) {
    this.state = {
      files,
      identities: [],
      entries: [],
      byId: new Map(),
      sns: new SnIndex(),
      skipped: [],
      unterminated: [],
    };
  }

  readFile(buf: Buffer, fileNumber: number, name: string): void {
    if (buf.length > 0 && buf[buf.length - 1] !== NEWLINE) this.state.unterminated.push(name);
    let start = 0;
    let lineNumber = 0;
    while (start < buf.length) {
      const newline = buf.indexOf(NEWLINE, start);
      const end = newline === -1 ? buf.length : newline;
      lineNumber += 1;
      if (end > start) this.readLine(buf, start, end, fileNumber, { file: name, line: lineNumber });
      start = end + 1;
    }
  }

  private readLine(
    buf: Buffer,
    start: number,
    end: number,
    fileNumber: number,
    where: PendingResult['where'],
  ): void {
    const parsed = parseLine(buf, start, end);
    if (parsed.type !== 'invalid') {
      this.accept(parsed, buf, start, end, fileNumber, where);
      return;
    }
    this.state.skipped.push({ ...where, reason: parsed.reason });
    // A damaged newline joins two lines: the record behind it is intact and still counts. Only a sealed
    // record is trusted there: a false start (say, inside an ERP answer) fails its checksum.
    let from = start + 1;
    for (;;) {
      const found = buf.indexOf(RECORD_START, from);
      if (found === -1 || found >= end) return;
      const glued = parseLine(buf, found, end);
      if (glued.type !== 'invalid') {
        this.accept(glued, buf, found, end, fileNumber, where);
        return;
      }
      from = found + 1;
    }
  }

  private accept(
    parsed: Exclude<ParsedLine, { type: 'invalid' }>,
    buf: Buffer,
    start: number,
    end: number,
    fileNumber: number,
    where: PendingResult['where'],
  ): void {
    const { state } = this;
    if (parsed.type === 'reconcile') {
      // Files are read oldest month first and lines in the order written: the last one read is the latest.
      this.findings.set(parsed.record.id, { record: parsed.record, where });
      return;
    }
    if (parsed.type === 'result') {
      const result = { record: parsed.record, file: fileNumber, offset: start, length: end - start, where };
      const entry = state.byId.get(parsed.record.id);
      if (entry) this.settle(entry, result);
      else if (!this.orphanResults.has(parsed.record.id)) this.orphanResults.set(parsed.record.id, result);
      return;
    }
    if (state.byId.has(parsed.meta.id)) {
      state.skipped.push({ ...where, reason: '重复的发送记录编号' });
      return;
    }
    const entry = createIndexedEntry(parsed.meta, fileNumber, parsed.body, this.interner);
    state.entries.push(entry);
    state.byId.set(entry.id, entry);
    const bodyEnd = parsed.body.offset + parsed.body.length;
    if (mayHoldSns(entry.method, buf.subarray(parsed.body.offset, bodyEnd))) {
      const body = parseJson(buf.toString('utf8', parsed.body.offset, bodyEnd));
      if (typeof body === 'string') state.sns.wait(entry.id, extractSns(entry.method, body));
    }
    const orphan = this.orphanResults.get(entry.id);
    if (orphan) {
      this.orphanResults.delete(entry.id);
      this.settle(entry, orphan);
    }
  }

  /**
   * The first result read for an entry is its outcome. A later one can only be an 'unknown' that an older
   * version wrote after misreading the first (see legacy.ts), so it never replaces a known outcome.
   */
  private settle(entry: IndexedEntry, result: PendingResult): void {
    if (entry.resultFile !== -1) return;
    const { record } = result;
    applyResult(entry, record.outcome, record.time, record.durationMs, result.file, {
      offset: result.offset,
      length: result.length,
    });
    const sns = this.state.sns.settle(entry);
    if (sns !== undefined && entry.outcome === 'unknown') this.unknownSns.set(entry.id, sns);
  }

  private applyFindings(): void {
    const { state } = this;
    for (const [id, { record, where }] of this.findings) {
      const entry = state.byId.get(id);
      if (!entry || !acceptsReconcile(entry)) {
        state.skipped.push({ ...where, reason: '核对记录没有对应的结果未知的提交' });
        continue;
      }
      entry.reconciled = record.finding;
      const sns = this.unknownSns.get(id);
      if (sns && record.finding.state === 'created') state.sns.addCreated(entry, sns);
    }
  }

  finish(): ReplayState {
    const { state } = this;
    for (const orphan of this.orphanResults.values()) {
      const { submission, id } = orphan.record;
      if (submission === undefined) {
        state.skipped.push({ ...orphan.where, reason: '结果记录没有对应的发送记录' });
        continue;
      }
      // Its sending line was lost: the entry lives on from the result, without the body that was sent.
      const entry = createIndexedEntry(
        { id, ...submission },
        NO_BODY,
        { offset: 0, length: 0 },
        this.interner,
      );
      state.entries.push(entry);
      state.byId.set(id, entry);
      this.settle(entry, orphan);
    }
    this.applyFindings();
    // Entries still sending are recorded unknown as the journal opens; a 核对 that finds one created reads
    // its SNs from the body again.
    state.sns.forget();
    if (!isSortedById(state.entries)) state.entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return state;
  }
}

function isSortedById(entries: readonly IndexedEntry[]): boolean {
  for (let i = 1; i < entries.length; i += 1) {
    const previous = entries[i - 1];
    const current = entries[i];
    if (previous && current && previous.id > current.id) return false;
  }
  return true;
}
