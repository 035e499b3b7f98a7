/**
 * One 核对: ask the ERP what a create call did, from what was sent and when. Shared by the app (runner.ts)
 * and the CLI. It only queries: nothing here can send a document.
 *
 * A query the ERP refused is an answer ('uncertain', naming the permission). A query that failed (not
 * reachable, broken answer, call budget spent) ends the check without a finding: it says nothing about the
 * document, the entry is still plainly unknown, and recording "uncertain because the network was down"
 * would bury the findings that matter; the check can simply run again.
 */
import type { ReconcileFinding } from '../../shared/reconcile';
import type { WdtQueryClient } from '../wdt/queryTypes';
import type { EvidenceInput, Verdict } from './context';
import { EvidenceContext, ReconcileQueryFailed } from './context';
import { outerOutEvidence } from './outerOut';
import { outerTransferEvidence } from './outerTransfer';
import { purchaseOrderEvidence } from './purchaseOrder';
import { purchaseReturnEvidence } from './purchaseReturn';
import { uploadSnEvidence } from './uploadSn';

export type { EvidenceInput } from './context';

/** HTTP calls one check may make, pages included: enough for a month of a busy warehouse's documents. */
export const DEFAULT_RECONCILE_MAX_CALLS = 30;

const evidenceByMethod: Readonly<Record<string, (context: EvidenceContext) => Promise<Verdict>>> = {
  'wms.outer.OuterOut.createOrder': outerOutEvidence,
  'purchase.PurchaseOrder.createOrder': purchaseOrderEvidence,
  'wms.stockout.PurchaseReturn.createOrder': purchaseReturnEvidence,
  'wms.stockout.Base.uploadSN': uploadSnEvidence,
  'wms.outer.OuterTransfer.createByApi': outerTransferEvidence,
};

export function canReconcile(method: string): boolean {
  return method in evidenceByMethod;
}

interface ReconcileOptions {
  readonly now: () => number;
  readonly maxCalls?: number;
  /** Called after each query with the HTTP calls made so far. */
  readonly onCalls?: (calls: number) => void;
}

type ReconcileRun =
  | { readonly ok: true; readonly finding: ReconcileFinding; readonly calls: number }
  | { readonly ok: false; readonly reason: string; readonly calls: number };

/** The client's learnt clock offset, when it has one (the real client does; a fake need not). */
type ClientWithClock = WdtQueryClient & { readonly clockOffset?: { get(): number } };

export async function reconcile(
  input: EvidenceInput,
  client: ClientWithClock,
  options: ReconcileOptions,
): Promise<ReconcileRun> {
  const evidence = evidenceByMethod[input.method];
  if (!evidence) return { ok: false, reason: `不支持核对这种单据：${input.method}`, calls: 0 };
  const context = new EvidenceContext(input, client, {
    now: options.now,
    maxCalls: options.maxCalls ?? DEFAULT_RECONCILE_MAX_CALLS,
    clockOffsetMs: () => client.clockOffset?.get() ?? 0,
    onCalls: options.onCalls,
  });
  try {
    const verdict = await evidence(context);
    return {
      ok: true,
      finding: {
        ...verdict,
        checkedAt: new Date(options.now()).toISOString(),
        queries: [...context.queries],
      },
      calls: context.callsMade,
    };
  } catch (error) {
    if (error instanceof ReconcileQueryFailed)
      return { ok: false, reason: `无法向 ERP 查询：${error.reason}`, calls: context.callsMade };
    throw error;
  }
}
