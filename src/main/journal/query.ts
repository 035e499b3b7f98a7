/**
 * The log screen's query: filters on the in-memory rows first (cheap), then, for free text, looks inside the
 * bodies on disk. Bodies are not kept in memory (see entry.ts), so a text search reads each month file that
 * holds a candidate once and searches the body's bytes in place (Buffer.indexOf, no decoding).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalQuery } from '../../shared/journal';
import type { IndexedEntry } from './entry';

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

interface QueryResult {
  readonly rows: readonly IndexedEntry[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

/** `entries` sorted by id (oldest first); `files` the journal's file names, which rows point into. */
export async function queryEntries(
  folder: string,
  files: readonly string[],
  entries: readonly IndexedEntry[],
  query: JournalQuery,
): Promise<QueryResult> {
  const offset = clampInteger(query.offset, 0, Number.MAX_SAFE_INTEGER, 0);
  const limit = clampInteger(query.limit, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
  let rows = filterInMemory(entries, query);
  const text = query.text?.trim() ?? '';
  if (text !== '') rows = await filterByText(folder, files, rows, text);
  return { rows: rows.slice(offset, offset + limit), total: rows.length, offset, limit };
}

/** Newest first. */
function filterInMemory(entries: readonly IndexedEntry[], query: JournalQuery): IndexedEntry[] {
  const from = query.from !== undefined ? Date.parse(query.from) : -Infinity;
  const to = query.to !== undefined ? Date.parse(query.to) : Infinity;
  const methods = query.methods && query.methods.length > 0 ? new Set(query.methods) : undefined;
  const outcomes = query.outcomes && query.outcomes.length > 0 ? new Set(query.outcomes) : undefined;
  const { operator, profileName } = query;
  const rows: IndexedEntry[] = [];
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i];
    if (
      entry === undefined ||
      !(entry.timeMs >= from && entry.timeMs < to) ||
      (methods !== undefined && !methods.has(entry.method)) ||
      (outcomes !== undefined && !outcomes.has(entry.outcome)) ||
      (operator !== undefined && operator !== '' && entry.operator !== operator) ||
      (profileName !== undefined && profileName !== '' && entry.profileName !== profileName)
    ) {
      continue;
    }
    rows.push(entry);
  }
  return rows;
}

async function filterByText(
  folder: string,
  files: readonly string[],
  rows: readonly IndexedEntry[],
  text: string,
): Promise<IndexedEntry[]> {
  const lowered = text.toLowerCase();
  const matched = rows.map(
    (entry) =>
      entry.businessKey.toLowerCase().includes(lowered) ||
      (entry.documentNo !== undefined && entry.documentNo.toLowerCase().includes(lowered)) ||
      // The number a 核对 found is the document's number as much as one the answer carried.
      (entry.reconciled?.documentNo?.toLowerCase().includes(lowered) ?? false),
  );
  // The body sits in the file as a JSON string literal, so the needle is escaped the same way
  // (JSON.stringify leaves non-ASCII as UTF-8, as the journal's serializer does).
  const needle = Buffer.from(JSON.stringify(text).slice(1, -1));
  const byFile = new Map<number, number[]>();
  rows.forEach((entry, index) => {
    if (matched[index]) return;
    const list = byFile.get(entry.bodyFile);
    if (list) list.push(index);
    else byFile.set(entry.bodyFile, [index]);
  });
  for (const [file, indexes] of byFile) {
    const name = files[file];
    if (name === undefined) continue;
    const buf = await readFile(join(folder, name));
    for (const index of indexes) {
      const entry = rows[index];
      if (entry === undefined) continue;
      const body = buf.subarray(entry.bodyOffset, entry.bodyOffset + entry.bodyLength);
      if (body.indexOf(needle) !== -1) matched[index] = true;
    }
  }
  return rows.filter((_, index) => matched[index]);
}

function clampInteger(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}
