/**
 * The words for "it worked", per method: most methods create a document (已创建); uploadSN only attaches
 * SNs to an existing stock-out, so it says SN已推送. Read from the spec (`response: 'ack'`: nothing is
 * created, the ERP only acknowledges), so a new spec gets the right word without a list here.
 */
import { getSpec } from './documents';
import { journalOutcomeLabels, type JournalOutcome } from './journal';

export function createsNothing(method: string): boolean {
  return getSpec(method)?.response === 'ack';
}

/** What the method did when the ERP accepted it, after the document's title or alone. */
export function acceptedWord(method: string): string {
  return createsNothing(method) ? 'SN已推送' : '已创建';
}

/** The outcome as the log and the export name it for this method. */
export function outcomeLabelFor(method: string, outcome: JournalOutcome): string {
  return outcome === 'accepted' ? acceptedWord(method) : journalOutcomeLabels[outcome];
}
