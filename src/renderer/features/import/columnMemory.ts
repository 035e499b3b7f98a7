/**
 * Remembers how the user mapped a file's columns, per document type and set of headers (the signature the
 * pipeline gives), so the next file from the same source imports at once. Kept in the renderer's own
 * storage (the profile folder in the app), behind a small interface so tests pass a Map-backed store. What
 * is read back is checked, since the storage may hold anything.
 */
import type { ColumnChoices } from '../../../shared/import';

export interface ChoiceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const PREFIX = 'wdt.importColumns:';
/** Enough for any real sheet; a stored value larger than this is not ours. */
const MAX_STORED_CHARS = 20_000;

function storageKey(method: string, signature: string): string {
  return `${PREFIX}${method}:${signature}`;
}

export function defaultChoiceStorage(): ChoiceStorage | undefined {
  try {
    // Typed by hand: this module is also compiled for Node (the tests), where the DOM's types are absent.
    return (globalThis as { localStorage?: ChoiceStorage }).localStorage;
  } catch {
    // A sandboxed page without storage access throws on the property itself.
    return undefined;
  }
}

export function recallChoices(
  storage: ChoiceStorage | undefined,
  method: string,
  signature: string,
): ColumnChoices | undefined {
  const text = storage?.getItem(storageKey(method, signature));
  if (text === null || text === undefined || text.length > MAX_STORED_CHARS) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const choices: Record<string, string | null> = {};
  for (const [header, key] of Object.entries(parsed)) {
    if (key !== null && typeof key !== 'string') return undefined;
    choices[header] = key;
  }
  return choices;
}

export function rememberChoices(
  storage: ChoiceStorage | undefined,
  method: string,
  signature: string,
  choices: ColumnChoices,
): void {
  try {
    storage?.setItem(storageKey(method, signature), JSON.stringify(choices));
  } catch {
    // Full or unavailable storage: the mapping is used now and asked again next time.
  }
}
