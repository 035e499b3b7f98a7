/**
 * A fake `window.wdt` for the document stores: drafts kept in memory, submissions answered from a script,
 * and every call recorded in order so tests can assert what reached main and when.
 */
import type { SubmitResponse, WdtBridge } from '../../../src/shared/ipc';
import type { JournalChange, JournalEntry } from '../../../src/shared/journal';
import { fail, ok, type Result } from '../../../src/shared/result';
import { FakeReconciler } from './reconcileFakeBridge';

type SubmitInput = Parameters<WdtBridge['submitDocument']>[0];

export function journalEntry(
  id: string,
  outcome: JournalEntry['outcome'],
  documentNo?: string,
): JournalEntry {
  return {
    id,
    time: '2026-03-15T02:30:00.000Z',
    operator: '张三',
    profileName: '练习',
    environment: '练习',
    method: 'wms.outer.OuterOut.createOrder',
    documentTitle: '外仓调整出库单创建',
    businessKey: 'order_no:WD1',
    outcome,
    ...(documentNo ? { documentNo } : {}),
  };
}

export class FakeDocBridge {
  readonly drafts = new Map<string, unknown>();
  readonly calls: string[] = [];
  readonly submits: SubmitInput[] = [];
  /** Answers for submitDocument, used in order. */
  answers: Result<SubmitResponse>[] = [];
  /** Held submissions resolve only when released (to test double clicks). */
  holdSubmits = false;
  private held: (() => void)[] = [];
  private readonly journalListeners = new Set<(change: JournalChange) => void>();
  /** main's 核对, for the result panel of an unknown outcome. */
  readonly reconciler = new FakeReconciler();

  /** What main sends as journalChanged (e.g. a 核对 recorded on an entry). */
  announce(change: JournalChange): void {
    for (const listener of this.journalListeners) listener(change);
  }

  release(): void {
    for (const resolve of this.held.splice(0)) resolve();
  }

  readonly bridge = {
    loadDraft: async ({ id }: { id: string }) => {
      this.calls.push(`load ${id}`);
      return ok(
        this.drafts.has(id)
          ? { found: true as const, savedAt: 'x', data: this.drafts.get(id) }
          : { found: false as const },
      );
    },
    saveDraft: async ({ id, data }: { id: string; data: unknown }) => {
      this.calls.push(`save ${id}`);
      this.drafts.set(id, JSON.parse(JSON.stringify(data)));
      return ok({ id, savedAt: 'x', bytes: 1 });
    },
    deleteDraft: async ({ id }: { id: string }) => {
      this.calls.push(`delete ${id}`);
      this.drafts.delete(id);
      return ok(null);
    },
    submitDocument: async (input: SubmitInput) => {
      this.calls.push('submit');
      this.submits.push(JSON.parse(JSON.stringify(input)) as SubmitInput);
      if (this.holdSubmits) await new Promise<void>((resolve) => this.held.push(resolve));
      return this.answers.shift() ?? fail('INTERNAL', 'no scripted answer');
    },
    reconcileEntry: (input: { id: string }) => this.reconciler.part.reconcileEntry(input),
    events: {
      submissionProgress: () => () => undefined,
      reconcileProgress: this.reconciler.part.reconcileProgress,
      journalChanged: (listener: (change: JournalChange) => void) => {
        this.journalListeners.add(listener);
        return () => this.journalListeners.delete(listener);
      },
    },
  };

  asWindow(): { wdt: WdtBridge } {
    // Only the calls the document stores make exist; any other call fails the test loudly.
    return { wdt: this.bridge as unknown as WdtBridge };
  }
}
