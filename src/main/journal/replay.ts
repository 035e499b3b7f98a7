/**
 * Opening the journal: read every month file once, in order, and rebuild the in-memory index. A line that
 * cannot be read is skipped and reported, never fatal. Only the small head of each sending record is
 * parsed; bodies are parsed only for the two SN-carrying methods, to rebuild the SN lookup.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SkippedJournalLine } from '../../shared/journal';
import type { IndexedEntry, Interner } from './entry';
import { applyResult, createIndexedEntry, isCreated } from './entry';
import type { ResultRecord } from './format';
import { parseLine } from './format';
import { extractSns, snCarryingMethods } from './sn';

const FILE_PATTERN = /^journal-\d{4}-\d{2}\.jsonl$/;
const NEWLINE = 0x0a;
const SN_LIST = Buffer.from('sn_list');

/** The month file a record written at `timeMs` goes to. Months are UTC so the name never depends on the PC's zone. */
export function monthFileName(timeMs: number): string {
  const date = new Date(timeMs);
  return `journal-${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}.jsonl`;
}

export interface ReplayState {
  /** File names in the data folder; an entry's file number indexes this list. */
  readonly files: string[];
  /** Sorted by id, i.e. by time. */
  readonly entries: IndexedEntry[];
  readonly byId: Map<string, IndexedEntry>;
  /** SN → the first created submission that sent it. */
  readonly createdSns: Map<string, IndexedEntry>;
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
  const files = (await readdir(folder)).filter((name) => FILE_PATTERN.test(name)).sort();
  const state: ReplayState = {
    files,
    entries: [],
    byId: new Map(),
    createdSns: new Map(),
    skipped: [],
    unterminated: [],
  };
  // SNs of submissions whose result has not been read yet; results can only follow their sending record
  // unless the clock went back across a month boundary, hence also the orphan results kept for later.
  const pendingSns = new Map<string, string[]>();
  const orphanResults = new Map<string, PendingResult>();

  const settle = (entry: IndexedEntry, result: PendingResult): void => {
    applyResult(entry, result.record.outcome, result.record.time, result.record.durationMs, result.file, {
      offset: result.offset,
      length: result.length,
    });
    const sns = pendingSns.get(entry.id);
    if (sns === undefined) return;
    pendingSns.delete(entry.id);
    if (isCreated(entry.outcome))
      for (const sn of sns) if (!state.createdSns.has(sn)) state.createdSns.set(sn, entry);
  };

  for (const [fileNumber, name] of files.entries()) {
    const buf = await readFile(join(folder, name));
    if (buf.length > 0 && buf[buf.length - 1] !== NEWLINE) state.unterminated.push(name);
    let start = 0;
    let lineNumber = 0;
    while (start < buf.length) {
      const newline = buf.indexOf(NEWLINE, start);
      const end = newline === -1 ? buf.length : newline;
      lineNumber += 1;
      if (end > start) {
        const parsed = parseLine(buf, start, end);
        const where = { file: name, line: lineNumber };
        if (parsed.type === 'invalid') {
          state.skipped.push({ ...where, reason: parsed.reason });
        } else if (parsed.type === 'sending') {
          if (state.byId.has(parsed.meta.id)) {
            state.skipped.push({ ...where, reason: '重复的发送记录编号' });
          } else {
            const entry = createIndexedEntry(parsed.meta, fileNumber, parsed.body, interner);
            state.entries.push(entry);
            state.byId.set(entry.id, entry);
            const bodyEnd = parsed.body.offset + parsed.body.length;
            // Parsing every body would dominate start-up; most bodies carry no SNs at all.
            if (snCarryingMethods.has(entry.method) && hasSnList(buf, parsed.body.offset, bodyEnd)) {
              const body = JSON.parse(buf.toString('utf8', parsed.body.offset, bodyEnd)) as string;
              pendingSns.set(entry.id, extractSns(entry.method, body));
            }
            const orphan = orphanResults.get(entry.id);
            if (orphan) {
              orphanResults.delete(entry.id);
              settle(entry, orphan);
            }
          }
        } else {
          const result = {
            record: parsed.record,
            file: fileNumber,
            offset: start,
            length: end - start,
            where,
          };
          const entry = state.byId.get(parsed.record.id);
          if (entry) settle(entry, result);
          else orphanResults.set(parsed.record.id, result);
        }
      }
      start = end + 1;
    }
  }
  for (const orphan of orphanResults.values()) {
    state.skipped.push({ ...orphan.where, reason: '结果记录没有对应的发送记录' });
  }
  if (!isSortedById(state.entries)) state.entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return state;
}

function isSortedById(entries: readonly IndexedEntry[]): boolean {
  for (let i = 1; i < entries.length; i += 1) {
    const previous = entries[i - 1];
    const current = entries[i];
    if (previous && current && previous.id > current.id) return false;
  }
  return true;
}

function hasSnList(buf: Buffer, start: number, end: number): boolean {
  return buf.subarray(start, end).indexOf(SN_LIST) !== -1;
}
