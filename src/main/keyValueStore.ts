/**
 * The small persistent map the vault and the settings live in. The app backs it with electron-store in an
 * edge file; tests and the CLI use the in-memory or the JSON-file implementation below. Values are plain
 * JSON; each call is synchronous, like electron-store's.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { parseJsonOrUndefined } from '../shared/json';

export interface KeyValueStore {
  /** A copy of the stored value, or undefined when the key is absent. */
  get(key: string): unknown;
  /** Stores a JSON-serializable value; throws when it cannot be persisted (and then changes nothing). */
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

type Entries = Record<string, unknown>;

/** JSON round trip: rejects what cannot be persisted and keeps callers from mutating stored state. */
function jsonCopy(value: unknown): unknown {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('Value is not JSON-serializable.');
  return JSON.parse(text) as unknown;
}

/** A store whose every change goes through `persist` before it becomes visible. */
function storeOver(initial: Entries, persist: (next: Entries) => void): KeyValueStore {
  let entries = initial;
  const commit = (next: Entries): void => {
    persist(next);
    entries = next;
  };
  return {
    get: (key) => (Object.hasOwn(entries, key) ? jsonCopy(entries[key]) : undefined),
    set: (key, value) => commit({ ...entries, [key]: jsonCopy(value) }),
    delete: (key) => {
      if (!Object.hasOwn(entries, key)) return;
      const { [key]: _removed, ...rest } = entries;
      commit(rest);
    },
  };
}

export function createMemoryStore(initial: Entries = {}): KeyValueStore {
  return storeOver(jsonCopy(initial) as Entries, () => undefined);
}

function isEntries(value: unknown): value is Entries {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What happened when the file was opened, for logging by the caller (never contains values). */
export interface JsonFileStoreOpening {
  /** The main file existed but was not a JSON object; it was moved aside to this path and a fresh one used. */
  readonly corruptFileMovedTo?: string;
  /** A temp file left by an interrupted write was found and discarded. */
  readonly discardedTempFile: boolean;
}

export interface JsonFileStore extends KeyValueStore {
  readonly opening: JsonFileStoreOpening;
}

/**
 * A JSON file written atomically: the whole map goes to `<file>.tmp`, is fsynced, then renamed over the
 * file, so a crash or power cut leaves either the old or the new version, never a torn one. A leftover
 * temp file is an interrupted write and is ignored.
 */
export function openJsonFileStore(filePath: string, now: () => Date = () => new Date()): JsonFileStore {
  const tempPath = `${filePath}.tmp`;
  mkdirSync(dirname(filePath), { recursive: true });

  const discardedTempFile = existsSync(tempPath);
  if (discardedTempFile) rmSync(tempPath, { force: true });

  let initial: Entries = {};
  let corruptFileMovedTo: string | undefined;
  if (existsSync(filePath)) {
    const parsed = parseJsonOrUndefined(readFileSync(filePath, 'utf8'));
    if (isEntries(parsed)) {
      initial = parsed;
    } else {
      // Keep the unreadable file for inspection rather than overwrite it on the next write.
      corruptFileMovedTo = `${filePath}.corrupt-${now().getTime()}`;
      renameSync(filePath, corruptFileMovedTo);
    }
  }

  const store = storeOver(initial, (next) =>
    writeAtomically(filePath, tempPath, JSON.stringify(next, null, 2)),
  );
  return { ...store, opening: { discardedTempFile, ...(corruptFileMovedTo ? { corruptFileMovedTo } : {}) } };
}

function writeAtomically(filePath: string, tempPath: string, text: string): void {
  const fd = openSync(tempPath, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tempPath, filePath);
  syncDirectory(dirname(filePath));
}

/** Makes the rename itself durable on POSIX. Windows cannot open a directory; NTFS journals the rename. */
function syncDirectory(directory: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(directory, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported on this platform; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
