/**
 * main's 核对 as the renderer sees it, in memory: `reconcileEntry` answers from a script, sending progress
 * events before it (as main does while it queries), and `emit` plays progress for checks main starts by
 * itself. Answers can be held back to look at the screen while a check runs.
 */
import type { WdtBridge } from '../../../src/shared/ipc';
import type { ReconcileFinding, ReconcileProgress } from '../../../src/shared/reconcile';
import { fail, type Result } from '../../../src/shared/result';

type ReconcilePart = Pick<WdtBridge, 'reconcileEntry'> & {
  readonly reconcileProgress: WdtBridge['events']['reconcileProgress'];
};

/** A finding checked at `checkedAt` (default 2026-03-15 10:40 Beijing time). */
export function makeFinding(
  state: ReconcileFinding['state'],
  overrides: Partial<ReconcileFinding> = {},
): ReconcileFinding {
  return {
    state,
    checkedAt: '2026-03-15T02:40:00.000Z',
    evidence: `按外部单号查询 wms.outer.OuterOut.queryWithDetail：${state === 'created' ? '找到 1 张' : '没有找到'}。`,
    queries: ['wms.outer.OuterOut.queryWithDetail'],
    ...(state === 'created' && { documentNo: 'CK202603150001' }),
    ...overrides,
  };
}

export class FakeReconciler {
  /** Entry ids reconcileEntry was called with, in order. */
  readonly calls: string[] = [];
  /** What main answers, by entry id; an id without one gets the placeholder main had before the engine. */
  readonly answers = new Map<string, Result<ReconcileFinding>>();
  /** Queries each call reports (one progress event each) before answering. */
  queriesPerCall = 2;
  /** Called with each finding before the answer goes back: where main records it in the journal. */
  onFinding: (id: string, finding: ReconcileFinding) => void = () => undefined;
  private holding = false;
  private held: (() => void)[] = [];
  private readonly listeners = new Set<(progress: ReconcileProgress) => void>();

  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const resume of this.held.splice(0)) resume();
  }

  /** A progress event from main, e.g. for a check it started by itself. */
  emit(progress: ReconcileProgress): void {
    for (const listener of this.listeners) listener(progress);
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  readonly part: ReconcilePart = {
    reconcileEntry: async ({ id }) => {
      this.calls.push(id);
      for (let queries = 1; queries <= this.queriesPerCall; queries += 1) {
        this.emit({ entryId: id, phase: 'querying', queries });
      }
      if (this.holding) await new Promise<void>((resume) => this.held.push(resume));
      const answer = this.answers.get(id) ?? fail('INTERNAL', '核对尚未实现');
      if (answer.ok) {
        this.onFinding(id, answer.value);
        this.emit({ entryId: id, phase: 'done', queries: this.queriesPerCall, finding: answer.value });
      } else {
        this.emit({
          entryId: id,
          phase: 'failed',
          queries: this.queriesPerCall,
          error: answer.error.message,
        });
      }
      return answer;
    },
    reconcileProgress: (listener) => {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    },
  };
}
