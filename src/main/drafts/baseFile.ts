/**
 * A draft's base file, `<id>.json`: {"v":1,"id":…,"savedAt":…,"generation":N,"data":…}. Everything before
 * the data is the header, written first and always in this order, so the header alone is a JSON object
 * once closed: its generation and time are read from the file's first bytes without parsing a 20 MB draft.
 */
import { DRAFT_TEMP_MARKER, isDraftId } from '../../shared/draftIds';
import { parseJsonOrUndefined } from '../../shared/json';
import type { FileLayer } from '../files/fileLayer';
import { DraftIdError } from './errors';

const FORMAT_VERSION = 1;
const BASE_EXTENSION = '.json';
/** What follows the header; the id and the time before it cannot contain it (see draftIds.ts). */
const DATA_KEY = ',"data":';
/** Holds the longest header: {"v":1,"id":<120 chars>,"savedAt":"<24 chars>","generation":<15 digits>,"data": */
const HEADER_BYTES = 256;

interface BaseHeader {
  readonly savedAt: string;
  /** Grows with every full save; a patch log belongs to one generation. */
  readonly generation: number;
}

export function checkId(id: string): void {
  if (!isDraftId(id)) throw new DraftIdError(String(id));
}

export function baseFileName(id: string): string {
  return `${id}${BASE_EXTENSION}`;
}

/** The draft a file in the drafts folder is the base of, or null for any other file. */
export function idOfBaseFile(fileName: string): string | null {
  if (!fileName.endsWith(BASE_EXTENSION) || fileName.includes(DRAFT_TEMP_MARKER)) return null;
  const id = fileName.slice(0, -BASE_EXTENSION.length);
  return isDraftId(id) ? id : null;
}

/** Everything of a base file but its data, ready to be followed by the data's JSON and a closing brace. */
export function serializeHeader(id: string, savedAt: string, generation: number): string {
  const header = JSON.stringify({ v: FORMAT_VERSION, id, savedAt, generation });
  return `${header.slice(0, -1)}${DATA_KEY}`;
}

export function serializeBase(id: string, savedAt: string, generation: number, dataText: string): string {
  return `${serializeHeader(id, savedAt, generation)}${dataText}}`;
}

/** The header's fields when `value` is the header (or the whole file) of draft `id`'s base. */
function headerOf(value: unknown, id: string): BaseHeader | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { v, id: storedId, savedAt, generation } = value as Record<string, unknown>;
  if (v !== FORMAT_VERSION || storedId !== id || typeof savedAt !== 'string') return undefined;
  if (typeof generation !== 'number' || !Number.isSafeInteger(generation) || generation < 0) return undefined;
  return { savedAt, generation };
}

/** The header of draft `id`'s base file at `path`, read from its first bytes; undefined when unreadable. */
export async function readHeader(fs: FileLayer, path: string, id: string): Promise<BaseHeader | undefined> {
  const handle = await fs.open(path, 'r');
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEADER_BYTES, 0);
    const text = head.toString('utf8', 0, bytesRead);
    // The first DATA_KEY ends the header: the data, where the same text may appear, comes after it.
    const end = text.indexOf(DATA_KEY);
    return end < 0 ? undefined : headerOf(parseJsonOrUndefined(`${text.slice(0, end)}}`), id);
  } finally {
    await handle.close();
  }
}

/** A whole base file of draft `id`, or undefined when it is not one (damaged, or another draft's). */
export function parseBase(id: string, text: string): (BaseHeader & { data: unknown }) | undefined {
  const value = parseJsonOrUndefined(text);
  const header = headerOf(value, id);
  if (header === undefined || !('data' in (value as object))) return undefined;
  return { ...header, data: (value as { data: unknown }).data };
}

export function compactStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}
