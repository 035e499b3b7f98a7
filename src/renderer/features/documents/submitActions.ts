/**
 * Sending a document: one send in flight per screen (double clicks and a held Enter are ignored here, and
 * main refuses a second one too), every answer shown as it is, and the draft cleared only once the ERP
 * created the document, keeping the header values that repeat (headerMemory.ts).
 */
import type { SubmitResponse } from '../../../shared/ipc';
import type { DocumentSpec } from '../../../shared/spec';
import { draftIdFor } from '../../../shared/draftIds';
import { toSubmitDraft, toWireDraft } from './docModel';
import { bridge } from '../../stores/bridge';
import { keptHeaderValues, isKeepHeaderOn } from './headerMemory';
import { forgetRecentValues } from './recentValues';
import { barcodeConversionsSettled } from './barcodeConvert';
import { getDoc, refreshSubmitEntry, setHeaderValue, setSubmitView, type SubmitView } from './documentStore';
import { flushDrafts } from '../../drafts/documentDrafts';
import { clearDocDraft } from './documentDraftSync';

const inFlight = new Set<string>();

const stepLabels: Readonly<Record<string, string>> = {
  checking: '正在检查…',
  journaling: '正在记录…',
  sending: '正在发送…',
  done: '正在完成…',
};

/**
 * Sends the screen's document. `confirmedPriorIds` are the earlier journal entries the user has seen in the
 * confirmation dialog and chosen to send again anyway.
 */
export async function submitDoc(spec: DocumentSpec, confirmedPriorIds?: readonly string[]): Promise<void> {
  const method = spec.method;
  if (getDoc(method) === undefined || inFlight.has(method)) return;
  inFlight.add(method);
  setSubmitView(method, { phase: 'sending' });
  try {
    await barcodeConversionsSettled(method);
    const doc = getDoc(method);
    if (doc === undefined) return;
    // The draft on disk must match what is sent, so a crash mid-send leaves the sent document restorable.
    await flushDrafts();
    const result = await bridge().submitDocument({
      method,
      draftId: draftIdFor(method),
      draft: toWireDraft(toSubmitDraft(doc.header, doc.lines)),
      ...(confirmedPriorIds && confirmedPriorIds.length > 0
        ? { confirmedPriorIds: [...confirmedPriorIds] }
        : {}),
    });
    if (!result.ok) {
      setSubmitView(method, { phase: 'error', error: result.error });
      return;
    }
    const view = viewOf(result.value);
    setSubmitView(method, view);
    if (
      view.phase === 'sent' &&
      (view.outcome.kind === 'accepted' || view.outcome.kind === 'approval-failed')
    ) {
      // The values that repeat stay for the next document (保留表头); the rest start afresh.
      const kept = isKeepHeaderOn() ? keptHeaderValues(spec, doc.header) : {};
      await clearDocDraft(spec);
      for (const [key, value] of Object.entries(kept)) setHeaderValue(method, key, value);
      forgetRecentValues(method);
    }
  } catch (error) {
    // A bridge that throws (it should not) must not leave the button stuck on "sending".
    setSubmitView(method, {
      phase: 'error',
      error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
    });
  } finally {
    inFlight.delete(method);
  }
}

function viewOf(response: SubmitResponse): SubmitView {
  switch (response.status) {
    case 'invalid':
      return { phase: 'invalid', problems: response.problems };
    case 'needs-confirmation':
      return { phase: 'confirm', prior: response.prior };
    case 'sent':
      return { phase: 'sent', entry: response.entry, outcome: response.outcome };
  }
}

export function dismissSubmitView(method: string): void {
  if (!inFlight.has(method)) setSubmitView(method, { phase: 'idle' });
}

/** Shows main's progress on the submit button; payloads name the draft, not the method. */
export function watchSubmissionProgress(methods: readonly string[]): () => void {
  const byDraft = new Map(methods.map((method) => [draftIdFor(method), method]));
  return bridge().events.submissionProgress((progress) => {
    const method = byDraft.get(progress.draftId);
    if (method === undefined || !inFlight.has(method)) return;
    setSubmitView(method, { phase: 'sending', step: stepLabels[progress.phase] ?? '正在发送…' });
  });
}

/** Keeps a result panel's entry current when main updates it (a 核对 after an unknown outcome). */
export function watchSubmittedEntries(): () => void {
  return bridge().events.journalChanged((change) => {
    if (change.type === 'updated') refreshSubmitEntry(change.entry);
  });
}
