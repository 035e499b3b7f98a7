/**
 * Keeps each document screen's draft on disk: reads it when the screen first opens, saves it whenever the
 * store changes (debounced, in order; not for lines another draft keeps, see DocState.linesKeptElsewhere),
 * flushes when the window loses focus or closes, and deletes it only when asked (after a successful
 * submission or "清空草稿").
 */
import { draftIdFor } from '../../shared/draftIds';
import type { DocumentSpec } from '../../shared/spec';
import {
  DRAFT_VERSION,
  draftToJson,
  readDraftData,
  type DocDraftData,
  type DraftJson,
} from '../features/documents/docModel';
import { bridge } from '../stores/bridge';
import {
  documentStore,
  ensureDoc,
  getDoc,
  resetDoc,
  restoreDoc,
  type DocState,
} from '../features/documents/documentStore';
import { showNotice } from '../stores/noticeStore';
import { createDraftSaver, type DraftSaver } from './debouncedSaver';

export const DRAFT_SAVE_DELAY_MS = 300;

let saver: DraftSaver<DraftJson> | undefined;
let unsubscribe: (() => void) | undefined;

function snapshotOf(doc: DocState): DocDraftData {
  return { version: DRAFT_VERSION, header: doc.header, lines: doc.lines, activeCell: doc.activeCell };
}

let lastFailureNotice = 0;
function reportSaveFailure(message: string): void {
  // One notice per burst of failures: a full disk must not bury the screen in identical messages.
  if (Date.now() - lastFailureNotice < 10_000) return;
  lastFailureNotice = Date.now();
  showNotice('error', `草稿保存失败：${message}`);
}

/** Starts watching the store; returns a stop function (tests, hot reload). Safe to call twice. */
export function startDraftSync(delayMs = DRAFT_SAVE_DELAY_MS): () => void {
  if (unsubscribe !== undefined) return stopDraftSync;
  const activeSaver = createDraftSaver<DraftJson>({
    delayMs,
    save: async (id, data) => {
      const result = await bridge().saveDraft({ id, data });
      if (!result.ok) reportSaveFailure(result.error.message);
    },
    onError: (error) => reportSaveFailure(error instanceof Error ? error.message : String(error)),
  });
  saver = activeSaver;
  unsubscribe = documentStore.subscribe((state, previous) => {
    for (const [method, doc] of Object.entries(state.docs)) {
      const before = previous.docs[method];
      if (!doc.loaded || doc.pristine) continue;
      if (
        before &&
        before.header === doc.header &&
        before.activeCell === doc.activeCell &&
        // Scanned lines are in the scan draft already, as patches; writing the whole document again after
        // every pause in scanning (20,000 SNs are some 300 KB) would only compete with the next scan.
        (before.lines === doc.lines || doc.linesKeptElsewhere)
      ) {
        continue;
      }
      activeSaver.schedule(draftIdFor(method), () => {
        const latest = getDoc(method);
        return latest === undefined ? null : draftToJson(snapshotOf(latest));
      });
    }
  });
  return stopDraftSync;
}

export function stopDraftSync(): void {
  unsubscribe?.();
  unsubscribe = undefined;
  saver = undefined;
}

/** Saves everything pending now (blur, hidden, closing). */
export function flushDrafts(): Promise<void> {
  return saver?.flush() ?? Promise.resolve();
}

/** Opens a screen: reads its saved draft once. */
export async function loadDocDraft(spec: DocumentSpec): Promise<void> {
  ensureDoc(spec);
  if (getDoc(spec.method)?.loaded) return;
  const result = await bridge().loadDraft({ id: draftIdFor(spec.method) });
  if (getDoc(spec.method)?.loaded) return;
  if (!result.ok) {
    showNotice('error', `草稿读取失败：${result.error.message}。本次从空白单据开始。`);
    restoreDoc(spec, undefined);
    return;
  }
  const data = result.value.found ? readDraftData(result.value.data) : undefined;
  if (result.value.found && data === undefined)
    showNotice('warning', '保存的草稿无法识别，已从空白单据开始。');
  restoreDoc(spec, data);
}

/** Forgets the draft on disk (after any save already under way) and starts a fresh one on screen. */
export async function clearDocDraft(spec: DocumentSpec): Promise<boolean> {
  const id = draftIdFor(spec.method);
  resetDoc(spec);
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
