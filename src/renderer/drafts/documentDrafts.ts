/**
 * Document drafts on disk, by method: saves them (debounced, in order), flushes when the window loses focus
 * or closes, reads one back, and deletes one only when asked (after a successful submission or "清空草稿").
 * Which screen state goes into a draft, and when, is decided by the screens' store
 * (features/documents/documentDraftSync.ts).
 */
import { draftIdFor } from '../../shared/draftIds';
import { bridge } from '../stores/bridge';
import { showNotice } from '../stores/noticeStore';
import { createDraftSaver, type DraftSaver } from './debouncedSaver';
import { draftToJson, readDraftData, type DocDraftData, type DraftJson } from './documentDraftFile';

const DRAFT_SAVE_DELAY_MS = 300;

let saver: DraftSaver<DraftJson> | undefined;

let lastFailureNotice = 0;
function reportSaveFailure(message: string): void {
  // One notice per burst of failures: a full disk must not bury the screen in identical messages.
  if (Date.now() - lastFailureNotice < 10_000) return;
  lastFailureNotice = Date.now();
  showNotice('error', `草稿保存失败：${message}`);
}

/** Saving starts: from now on scheduled drafts are written. */
export function startDraftSaving(delayMs = DRAFT_SAVE_DELAY_MS): void {
  saver = createDraftSaver<DraftJson>({
    delayMs,
    save: async (id, data) => {
      const result = await bridge().saveDraft({ id, data });
      if (!result.ok) reportSaveFailure(result.error.message);
    },
    onError: (error) => reportSaveFailure(error instanceof Error ? error.message : String(error)),
  });
}

export function stopDraftSaving(): void {
  saver = undefined;
}

/** Saves the method's draft after the pause; `snapshot` is read then (null: nothing to save). */
export function scheduleDocDraft(method: string, snapshot: () => DocDraftData | null): void {
  saver?.schedule(draftIdFor(method), () => {
    const data = snapshot();
    return data === null ? null : draftToJson(data);
  });
}

/** Saves everything pending now (blur, hidden, closing). */
export function flushDrafts(): Promise<void> {
  return saver?.flush() ?? Promise.resolve();
}

/** Where a draft read from disk goes, asked again once the read is back. */
interface DraftTarget {
  /** Already filled meanwhile (a second open of the same screen): the read is dropped. */
  readonly loaded: () => boolean;
  /** The saved draft, or undefined to start from a fresh one. */
  readonly restore: (data: DocDraftData | undefined) => void;
}

/** Reads the method's saved draft into `target`, telling the user when it cannot be used. */
export async function loadDocDraftInto(method: string, target: DraftTarget): Promise<void> {
  const result = await bridge().loadDraft({ id: draftIdFor(method) });
  if (target.loaded()) return;
  if (!result.ok) {
    showNotice('error', `草稿读取失败：${result.error.message}。本次从空白单据开始。`);
    target.restore(undefined);
    return;
  }
  const data = result.value.found ? readDraftData(result.value.data) : undefined;
  if (result.value.found && data === undefined)
    showNotice('warning', '保存的草稿无法识别，已从空白单据开始。');
  target.restore(data);
}

/** Forgets the method's draft on disk, after any save already under way. */
export async function deleteDocDraft(method: string): Promise<boolean> {
  const id = draftIdFor(method);
  let ok = true;
  const remove = async (): Promise<void> => {
    const result = await bridge().deleteDraft({ id });
    if (!result.ok && result.error.code !== 'NOT_FOUND') {
      ok = false;
      showNotice('error', `草稿删除失败：${result.error.message}`);
    }
  };
  if (saver) await saver.cancelThen(id, remove);
  else await remove();
  return ok;
}
