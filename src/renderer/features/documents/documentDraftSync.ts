/**
 * Keeps each document screen's draft on disk (drafts/documentDrafts.ts writes it): reads it when the screen
 * first opens, saves it whenever the store changes (not for lines another draft keeps, see
 * DocState.linesKeptElsewhere), and starts a fresh one when asked.
 */
import type { DocumentSpec } from '../../../shared/spec';
import { DRAFT_VERSION, type DocDraftData } from '../../drafts/documentDraftFile';
import {
  deleteDocDraft,
  loadDocDraftInto,
  scheduleDocDraft,
  startDraftSaving,
  stopDraftSaving,
} from '../../drafts/documentDrafts';
import { documentStore, ensureDoc, getDoc, resetDoc, restoreDoc, type DocState } from './documentStore';

let unsubscribe: (() => void) | undefined;

function snapshotOf(doc: DocState): DocDraftData {
  return { version: DRAFT_VERSION, header: doc.header, lines: doc.lines, activeCell: doc.activeCell };
}

/** Starts watching the store; returns a stop function (tests, hot reload). Safe to call twice. */
export function startDraftSync(delayMs?: number): () => void {
  if (unsubscribe !== undefined) return stopDraftSync;
  startDraftSaving(delayMs);
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
      scheduleDocDraft(method, () => {
        const latest = getDoc(method);
        return latest === undefined ? null : snapshotOf(latest);
      });
    }
  });
  return stopDraftSync;
}

export function stopDraftSync(): void {
  unsubscribe?.();
  unsubscribe = undefined;
  stopDraftSaving();
}

/** Opens a screen: reads its saved draft once. */
export async function loadDocDraft(spec: DocumentSpec): Promise<void> {
  ensureDoc(spec);
  if (getDoc(spec.method)?.loaded) return;
  await loadDocDraftInto(spec.method, {
    loaded: () => getDoc(spec.method)?.loaded === true,
    restore: (data) => restoreDoc(spec, data),
  });
}

/** Forgets the draft on disk (after any save already under way) and starts a fresh one on screen. */
export async function clearDocDraft(spec: DocumentSpec): Promise<boolean> {
  resetDoc(spec);
  return deleteDocDraft(spec.method);
}
