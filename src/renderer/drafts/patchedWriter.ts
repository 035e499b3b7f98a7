/**
 * Writes one draft as it changes, each change sent to main at once, in the task that made it: as patches
 * against what was last sent (see patchDiff.ts), or the whole draft when it must be (the first write,
 * after a failure, when the change is too big to patch, or when main reports an unusually long patch log).
 * Writes are not waited for one by one: main's draft store applies one draft's calls in the order they
 * were made, so a kill while a write is in flight loses nothing that was sent before it.
 *
 * That is safe because main refuses a patch that follows a failed patch or save of the same draft until
 * the next full save (a later patch never lands on a base missing an earlier one). When a patch fails,
 * this writer sends the whole latest draft, which holds every change of the refused patches too. A call
 * that fails after a newer full save (or delete) was sent needs nothing: that newer call covers it.
 *
 * A delete waits for `beforeDelete` (the document draft must hold the lines first); writes made meanwhile
 * wait for the delete, and only the latest of them is sent, whole. The drafts handed in must be immutable:
 * the last one sent is kept and compared by reference with the next.
 */
import type { WdtBridge } from '../../shared/ipc';
import type { DraftJson } from './documentDraftFile';
import { diffForPatches } from './patchDiff';

/** Far past main's own compaction point (500 patches): a log this long means compaction is not working. */
const FULL_SAVE_WHEN_PENDING_OVER = 2000;

export type DraftCalls = Pick<WdtBridge, 'saveDraft' | 'patchDraft' | 'deleteDraft'>;

export interface PatchedDraftWriter {
  /**
   * Sends `data` now (or deletes the draft for null). Resolves once it is on disk, directly or through the
   * full save that repaired a failed patch; rejects with the reason when it could not be saved.
   */
  write(data: DraftJson | null): Promise<void>;
  /** Resolves when every write sent so far has been answered. */
  idle(): Promise<void>;
  /** How the last answered write went, for tests and measurements. */
  readonly lastWrite: 'full' | 'patch' | 'unchanged' | 'delete' | null;
}

interface PatchedDraftWriterOptions {
  /** Awaited before a delete is sent. */
  readonly beforeDelete?: () => Promise<void>;
}

/** `calls` is read at each write (the stores' `bridge`, or a test's stand-in). */
export function createPatchedDraftWriter(
  id: string,
  calls: () => DraftCalls,
  options: PatchedDraftWriterOptions = {},
): PatchedDraftWriter {
  /** What main holds once every call sent has landed; undefined when unknown (start, after a failure). */
  let sent: DraftJson | undefined;
  /** The data of the last write requested: what a repair saves. */
  let latest: DraftJson | null | undefined;
  /** Grows with every full save or delete sent; a failure of an older call is covered by the newer one. */
  let epoch = 0;
  let fullSaveDue = false;
  let deleting: Promise<void> | null = null;
  /** The last full save (or delete) sent: it holds, or retires, every change sent before it. */
  let lastWhole: Promise<void> = Promise.resolve();
  let lastWrite: PatchedDraftWriter['lastWrite'] = null;
  const inFlight = new Set<Promise<unknown>>();

  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    const forget = () => inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  };

  function saveWhole(data: DraftJson): Promise<void> {
    epoch += 1;
    const myEpoch = epoch;
    sent = data;
    fullSaveDue = false;
    const saving = calls()
      .saveDraft({ id, data })
      .then(
        (result) => {
          if (!result.ok) throw new Error(result.error.message);
          lastWrite = 'full';
        },
        (error: unknown) => {
          throw error instanceof Error ? error : new Error(String(error));
        },
      )
      .catch((error: unknown) => {
        // Unless a newer full save was sent, what main holds is unknown now: the next write goes whole.
        if (myEpoch === epoch) sent = undefined;
        throw error;
      });
    lastWhole = saving;
    return saving;
  }

  /**
   * A patch failed: the whole latest draft holds its change and every one sent after it. When a full save
   * or delete was sent since, that one holds (or retires) the change, and its outcome is this write's.
   */
  function repair(myEpoch: number): Promise<void> {
    if (myEpoch !== epoch) return lastWhole;
    if (latest === null || latest === undefined) return Promise.resolve();
    return saveWhole(latest);
  }

  function sendPatches(data: DraftJson, patches: Parameters<DraftCalls['patchDraft']>[0]['patches']) {
    const myEpoch = epoch;
    sent = data;
    return calls()
      .patchDraft({ id, patches })
      .then(
        (result) => {
          if (!result.ok) return repair(myEpoch);
          lastWrite = 'patch';
          if (result.value.pending > FULL_SAVE_WHEN_PENDING_OVER) fullSaveDue = true;
          return undefined;
        },
        () => repair(myEpoch),
      );
  }

  function deleteDraft(): Promise<void> {
    epoch += 1;
    sent = undefined;
    const run = async (): Promise<void> => {
      await options.beforeDelete?.();
      const result = await calls().deleteDraft({ id });
      if (!result.ok && result.error.code !== 'NOT_FOUND') throw new Error(result.error.message);
      lastWrite = 'delete';
    };
    const done: Promise<void> = run().finally(() => {
      if (deleting === done) deleting = null;
    });
    deleting = done;
    lastWhole = done.catch(() => undefined);
    return done;
  }

  function send(data: DraftJson | null): Promise<void> {
    try {
      return sendNow(data);
    } catch (error) {
      // The bridge threw before anything was sent: what main holds is unknown.
      sent = undefined;
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  function sendNow(data: DraftJson | null): Promise<void> {
    if (data === null) return deleteDraft();
    const base = fullSaveDue ? undefined : sent;
    if (base !== undefined) {
      const patches = diffForPatches(base, data);
      if (patches !== 'replace') {
        if (patches.length === 0) {
          lastWrite = 'unchanged';
          return Promise.resolve();
        }
        // The patch values are JSON by construction: they are parts of `data`.
        return sendPatches(data, patches as Parameters<DraftCalls['patchDraft']>[0]['patches']);
      }
    }
    return saveWhole(data);
  }

  return {
    get lastWrite() {
      return lastWrite;
    },
    write(data) {
      latest = data;
      const pendingDelete = deleting;
      if (pendingDelete === null) return track(send(data));
      // Behind the delete; a newer write made meanwhile replaces this one (it holds this one's changes).
      const after = () => (latest === data ? send(data) : Promise.resolve());
      return track(pendingDelete.then(after, after));
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
