/**
 * 核对: what the ERP's query methods say an unknown outcome did. A finding is recorded in the journal beside
 * the original request and outcome (which are never rewritten) and shown in the log; it never resends.
 * Pure types and labels; the queries and the matching live in src/main/reconcile.
 */

/** 'created': the ERP holds our document. 'not_created': it provably does not. 'uncertain': cannot tell. */
export type ReconcileState = 'created' | 'not_created' | 'uncertain';

export const reconcileStateLabels: Readonly<Record<ReconcileState, string>> = {
  created: '已创建',
  not_created: '未创建',
  uncertain: '无法确定',
};

/** A document the queries found that might be ours, for the user to look at when the answer is uncertain. */
export interface ReconcileCandidate {
  readonly documentNo: string;
  /** When the ERP says it was created (ISO 8601), if the answer said. */
  readonly createdAt?: string;
  /** One line for people, e.g. "3 行，备注：月底盘亏 #A1B2". */
  readonly summary: string;
}

/** A query method the API account may not call, with the vendor's remedy, when that is why we cannot tell. */
export interface MissingQueryPermission {
  readonly method: string;
  /** The ERP's words. */
  readonly message: string;
  /** What the seller must do, in plain Chinese. */
  readonly remedy: string;
}

export interface ReconcileFinding {
  readonly state: ReconcileState;
  /** The ERP's document number, for 'created'. */
  readonly documentNo?: string;
  /** When the check ran (ISO 8601, UTC). */
  readonly checkedAt: string;
  /** What was asked and found, for people: one or two sentences in Chinese. */
  readonly evidence: string;
  /** The query methods called, in order. */
  readonly queries: readonly string[];
  /** For 'uncertain': what was found that might be ours. */
  readonly candidates?: readonly ReconcileCandidate[];
  /** For 'uncertain' because a query was refused (权限不足, 无仓库访问权限, …). */
  readonly missingPermission?: MissingQueryPermission;
  /** For uploadSN: which of our SNs the ERP holds. All present is 'created', none 'not_created'. */
  readonly sns?: { readonly present: readonly string[]; readonly missing: readonly string[] };
}

/** Where a 核对 is, for a progress line in the UI. */
export interface ReconcileProgress {
  readonly entryId: string;
  readonly phase: 'querying' | 'done' | 'failed';
  /** Queries made so far (pages included). */
  readonly queries: number;
  /** The finding, with phase 'done'. */
  readonly finding?: ReconcileFinding;
  /** Why it could not run at all (ERP unreachable, profile gone), with phase 'failed'. */
  readonly error?: string;
}
