/**
 * The draft store's file format: names, the envelope of a base file, and reading its head cheaply. A base
 * file is {"v":1,"id":…,"savedAt":…,"generation":N,"data":…}; the head comes first so the generation can be
 * read without parsing a 20 MB draft.
 */
import type { FileLayer } from './files/fileLayer';
import { parseJsonOrUndefined } from '../shared/json';
import { DraftIdError } from './draftErrors';

export const FORMAT_VERSION = 1;
export const ID_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
export const EXTENSION = '.json';
export const TEMP_MARKER = '.tmp-';
/** Enough to hold the envelope's head: {"v":1,"id":<at most 128 chars>,"savedAt":"…","generation":N. */
export const HEAD_BYTES = 256;
export const HEAD_GENERATION = /^\{"v":\d+,"id":"[^"]*","savedAt":"[^"]*","generation":(\d{1,15}),"data":/;

/** Windows device names: `CON.json` or `nul.x.json` cannot be a file there, whatever follows the dot. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * Whether `id` can name a draft: the allowed characters, never a temp file's marker (leftover temp files
 * are removed at start, so such a draft would be deleted), never a Windows device name.
 */
export function isDraftId(id: string): boolean {
  return (
    ID_PATTERN.test(id) &&
    !id.toLowerCase().includes(TEMP_MARKER) &&
    !WINDOWS_RESERVED.test(id.split('.')[0] ?? '')
  );
}

export function checkId(id: string): void {
  if (typeof id !== 'string' || !isDraftId(id)) throw new DraftIdError(String(id));
}

export function idOf(fileName: string): string {
  return fileName.slice(0, -EXTENSION.length);
}

/** Everything of a base file before its data; the generation sits in the head so it is cheap to read. */
export function envelopeHead(id: string, savedAt: string, generation: number): string {
  return `{"v":${FORMAT_VERSION},"id":${JSON.stringify(id)},"savedAt":${JSON.stringify(savedAt)},"generation":${generation},"data":`;
}

/** The savedAt stamp and generation near the start of a base file, without reading the whole file. */
export async function readHead(
  fs: FileLayer,
  path: string,
): Promise<{ savedAt: string | undefined; generation: number }> {
  const handle = await fs.open(path, 'r');
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

export function parseDraft(
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

export function compactStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}
