/**
 * Writes one draft as it changes, sending each change as patches against what was last saved (see
 * draftPatches.ts) and the whole draft only when it must: the first write, after a failed write, when the
 * change is too big to patch, or when main reports an unusually long patch log (main folds its log into a
 * new base by itself; this is only the fallback if that keeps failing).
 *
 * Calls must not overlap (the caller serializes them, e.g. through createLatestSaver), and the drafts
 * handed in must be immutable: the last one saved is kept and compared by reference with the next.
 */
import type { WdtBridge } from '../../shared/ipc';
import { diffForPatches } from './draftPatches';

type DraftJson = Parameters<WdtBridge['saveDraft']>[0]['data'];

/** Far past main's own compaction point (500 patches): a log this long means compaction is not working. */
export const FULL_SAVE_WHEN_PENDING_OVER = 2000;

export type DraftCalls = Pick<WdtBridge, 'saveDraft' | 'patchDraft' | 'deleteDraft'>;

export interface PatchedDraftWriter {
  /** Saves `data`, or deletes the draft for null. Rejects with the reason a write failed. */
  write(data: DraftJson | null): Promise<void>;
  /** How the last write went, for tests and measurements. */
  readonly lastWrite: 'full' | 'patch' | 'unchanged' | 'delete' | null;
}

/** `calls` is read at each write (the stores' `bridge`, or a test's stand-in). */
export function createPatchedDraftWriter(id: string, calls: () => DraftCalls): PatchedDraftWriter {
  /** What the draft on disk holds; undefined when unknown (start, after a failure or a delete). */
  let saved: DraftJson | undefined;
  let fullSaveDue = false;
  let lastWrite: PatchedDraftWriter['lastWrite'] = null;

  async function saveWhole(data: DraftJson): Promise<void> {
    const result = await calls().saveDraft({ id, data });
    if (!result.ok) throw new Error(result.error.message);
    saved = data;
    fullSaveDue = false;
    lastWrite = 'full';
  }

  /** True when the change went out as patches (or there was none). */
  async function savePatches(data: DraftJson, before: DraftJson): Promise<boolean> {
    const patches = diffForPatches(before, data);
    if (patches === 'replace') return false;
    if (patches.length === 0) {
      saved = data;
      lastWrite = 'unchanged';
      return true;
    }
    // The patch values are JSON by construction: they are parts of `data`.
    const result = await calls().patchDraft({
      id,
      patches: patches as Parameters<DraftCalls['patchDraft']>[0]['patches'],
    });
    if (!result.ok) {
      // The base is gone (deleted elsewhere): the whole draft makes a new one.
      if (result.error.code === 'NOT_FOUND') return false;
      throw new Error(result.error.message);
    }
    saved = data;
    if (result.value.pending > FULL_SAVE_WHEN_PENDING_OVER) fullSaveDue = true;
    lastWrite = 'patch';
    return true;
  }

  return {
    get lastWrite() {
      return lastWrite;
    },
    async write(data) {
      const before = saved;
      // Until this write is confirmed, what is on disk is unknown.
      saved = undefined;
      if (data === null) {
        const result = await calls().deleteDraft({ id });
        if (!result.ok && result.error.code !== 'NOT_FOUND') throw new Error(result.error.message);
        lastWrite = 'delete';
        return;
      }
      if (before !== undefined && !fullSaveDue && (await savePatches(data, before))) return;
      await saveWhole(data);
    },
  };
}
