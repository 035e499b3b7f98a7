/**
 * The small persistent map the vault and the settings live in: the checked JSON-file implementation below
 * in the app (platform/electronStore.ts), the harness and the CLI; the in-memory one in tests. Values are
 * plain JSON; each call is synchronous.
 */
import { dirname } from 'node:path';
import { parseJsonOrUndefined } from '../shared/json';
import { replaceFileSync } from './files/checkedWrite';
import { nodeFileLayer, type FileLayer } from './files/fileLayer';
import { recoverEntries, type RecoveredEntries } from './files/recoverStore';

export interface KeyValueStore {
  /** A copy of the stored value, or undefined when the key is absent. */
  get(key: string): unknown;
  /** Stores a JSON-serializable value; throws when it cannot be persisted (and then changes nothing). */
  set(key: string, value: unknown): void;
  delete(key: string): void;
  /** What opening a file-backed store found (a damaged file set aside); absent for other stores. */
  readonly opening?: JsonFileStoreOpening;
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

/** What happened when the file was opened, for the caller to log and tell the user (never contains values). */
export interface JsonFileStoreOpening {
  /** The store's file. */
  readonly file?: string;
  /** The main file existed but could not be read whole; it was moved aside to this path. */
  readonly corruptFileMovedTo?: string;
  /** What was recovered from the damaged file (absent when nothing was damaged). */
  readonly recovered?: Omit<RecoveredEntries, 'entries'>;
  /** The damaged file could not even be moved aside: nothing is written, so it is not overwritten. */
  readonly readOnly?: boolean;
  /** A temp file left by an interrupted write was found and discarded. */
  readonly discardedTempFile: boolean;
}

export interface JsonFileStore extends KeyValueStore {
  readonly opening: JsonFileStoreOpening;
}

interface JsonFileStoreOptions {
  readonly now?: () => Date;
  /** Node's file system unless a test injects faults. */
  readonly files?: FileLayer;
}

/** A name that sorts by date and says what it is: settings.json.damaged-20261201-093000. */
export function damagedName(filePath: string, at: Date, taken: (path: string) => boolean): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  let candidate = `${filePath}.damaged-${stamp}`;
  for (let n = 2; taken(candidate); n++) candidate = `${filePath}.damaged-${stamp}-${n}`;
  return candidate;
}

/**
 * A JSON file written atomically and checked: the whole map goes to `<file>.tmp` (every byte confirmed
 * stored, then flushed), is renamed over the file, and the folder is flushed, so a crash, a power cut or a
 * full disk leaves the old or the new version, never a torn one, and a failed write throws. A leftover
 * temp file is an interrupted write and is ignored. A damaged file is moved aside under a dated name and
 * what is still whole in it is recovered (see files/recoverStore.ts); the store never fails to open.
 */
export function openJsonFileStore(filePath: string, options: JsonFileStoreOptions = {}): JsonFileStore {
  const files = options.files ?? nodeFileLayer;
  const now = options.now ?? (() => new Date());
  const tempPath = `${filePath}.tmp`;
  let discardedTempFile = false;
  try {
    files.mkdirSync(dirname(filePath));
    discardedTempFile = files.existsSync(tempPath);
    if (discardedTempFile) files.rmSync(tempPath);
  } catch {
    // Any real problem with the folder shows at the first write, which then fails and says so.
  }

  let initial: Entries = {};
  let opening: JsonFileStoreOpening = { file: filePath, discardedTempFile };
  let text: string | undefined;
  let unreadable = false;
  try {
    text = files.readFileSync(filePath).toString('utf8');
  } catch (error) {
    unreadable = (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
  const parsed = text === undefined ? undefined : parseJsonOrUndefined(text);
  if (isEntries(parsed)) {
    initial = parsed;
  } else if (text !== undefined || unreadable) {
    const { entries, ...recovered } = recoverEntries(text ?? '');
    initial = entries;
    const movedTo = damagedName(filePath, now(), (path) => files.existsSync(path));
    try {
      // Kept for inspection and support rather than overwritten by the next write.
      files.renameSync(filePath, movedTo);
      opening = { file: filePath, discardedTempFile, corruptFileMovedTo: movedTo, recovered };
    } catch {
      opening = { file: filePath, discardedTempFile, recovered, readOnly: true };
    }
  }

  if (opening.corruptFileMovedTo !== undefined) {
    try {
      // What was recovered is the settings file from now on, even if nothing is changed before the next start.
      replaceFileSync(files, filePath, tempPath, JSON.stringify(initial, null, 2));
    } catch {
      // Kept in memory and written with the next change; the damaged copy stays aside either way.
    }
  }

  const persist = opening.readOnly
    ? () => {
        throw new Error('The damaged settings file could not be moved aside; not overwriting it.');
      }
    : (next: Entries) => {
        // The folder itself may have been removed while the app runs; everything in it is in memory.
        files.mkdirSync(dirname(filePath));
        replaceFileSync(files, filePath, tempPath, JSON.stringify(next, null, 2));
      };
  const store = storeOver(initial, persist);
  return { ...store, opening };
}
