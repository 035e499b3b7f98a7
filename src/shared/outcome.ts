/**
 * What became of one call to the ERP. Every call ends in exactly one of these, and each says plainly
 * whether sending the same document again is safe; that is what keeps submission at-most-once.
 */

/** The envelope the ERP answers with, as received (validated where it enters). */
export interface ErpResponse {
  readonly status: number;
  readonly code?: string;
  readonly message?: string;
  readonly data?: unknown;
}

/** Every way a call can end: the one list the journal, the log's filter and the contract derive theirs from. */
export const outcomeKinds = ['accepted', 'approval-failed', 'refused', 'not-sent', 'unknown'] as const;

export type OutcomeKind = (typeof outcomeKinds)[number];

export type CallOutcome =
  /** Created. `documentNo` is the ERP's number where the response carries one (uploadSN carries none). */
  | { readonly kind: 'accepted'; readonly documentNo?: string; readonly response: ErpResponse }
  /** Created, but its approval (审核) failed: `data.status` 20. Never to be resubmitted. */
  | { readonly kind: 'approval-failed'; readonly reason: string; readonly response: ErpResponse }
  /**
   * The ERP refused it and created nothing: a status that proves it (1, 2, 3, 6, 7, 8, 100). `resendable` is
   * true only for a rate limit, where the same request may succeed later unchanged; auth, permission and
   * business refusals need a fix first.
   */
  | {
      readonly kind: 'refused';
      readonly status: number;
      readonly code?: string;
      readonly message: string;
      readonly resendable: boolean;
      /** Plain Chinese: what it means and what to do. */
      readonly explanation: string;
      readonly response: ErpResponse;
    }
  /**
   * The request provably never left: it failed while connecting (name lookup, TCP connect, connect timeout,
   * TLS handshake), before any byte of it was written. Safe to retry.
   */
  | { readonly kind: 'not-sent'; readonly reason: string; readonly explanation: string }
  /**
   * Sent, but whether the ERP acted is not known (timeout, a connection lost after it was made, a 2xx that
   * is not JSON, a 5xx, or an ERP answer whose status proves nothing: 4, 5, 99 or one the vendor never
   * listed). Never retried automatically; sending the same document again needs the user's confirmation.
   */
  | {
      readonly kind: 'unknown';
      readonly reason: string;
      readonly explanation: string;
      readonly httpStatus?: number;
      readonly bodyExcerpt?: string;
      /** The ERP's answer, when it gave one whose status proves nothing (e.g. 99 其他错误). */
      readonly response?: ErpResponse;
    };
