/**
 * What every piece of 核对 evidence works with: the query client, what was sent and when, a budget of HTTP
 * calls shared by all the queries of one check, and the list of methods asked (the finding names them).
 * A refused query is data (it names the permission missing); a failed one ends the check (see runner.ts).
 */
import type { MissingQueryPermission, ReconcileCandidate, ReconcileFinding } from '../../shared/reconcile';
import { parseErpTime } from '../wdt/erpTime';
import { queryWindowFor } from '../wdt/queryMethods';
import type { QueryAnswer, QueryRecord, QueryWindow, WdtQueryClient } from '../wdt/queryTypes';

/**
 * How far the ERP's clock and this PC's may disagree after the client's correction, and how late a request
 * may be processed: a document created within this margin before the send can still be ours.
 */
const CLOCK_MARGIN_MS = 5 * 60_000;
/** A change of the learnt clock offset during a query that moves its window noticeably. */
const OFFSET_CHANGE_MS = 60_000;
/** A create is handled while its request is open (30 s at most); a day is ample and still one window. */
const CREATED_WITHIN_MS = 24 * 60 * 60_000;

export interface EvidenceInput {
  /** The create method sent, e.g. wms.outer.OuterOut.createOrder. */
  readonly method: string;
  /** The positional arguments exactly as sent (the journaled body). */
  readonly args: readonly unknown[];
  /** When the request left, on this PC's clock. */
  readonly sentAt: Date;
  /** OuterTransfer: the 核对 reference the remark carried (shared/transferReference.ts), if it did. */
  readonly reference?: string;
}

/** A finding before the runner dates it and lists the queries. */
export type Verdict = Omit<ReconcileFinding, 'checkedAt' | 'queries'>;

/** A query the ERP could not answer (not reachable, broken answer, budget spent): nothing can be told. */
export class ReconcileQueryFailed extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ReconcileQueryFailed';
  }
}

type Asked =
  | { readonly ok: true; readonly records: readonly QueryRecord[] }
  | { readonly ok: false; readonly refusal: MissingQueryPermission };

export class EvidenceContext {
  readonly queries: string[] = [];
  private calls = 0;

  constructor(
    readonly input: EvidenceInput,
    private readonly client: WdtQueryClient,
    private readonly options: {
      readonly now: () => number;
      /** HTTP calls for the whole check. */
      readonly maxCalls: number;
      /** Server − local, once the client has learnt it; answer times are moved onto this PC's clock. */
      readonly clockOffsetMs: () => number;
      readonly onCalls?: (calls: number) => void;
    },
  ) {}

  get callsMade(): number {
    return this.calls;
  }

  /** Runs one query over every page; throws ReconcileQueryFailed when the ERP cannot be asked. */
  async ask(method: string, params: Readonly<Record<string, unknown>>, window?: QueryWindow): Promise<Asked> {
    const left = this.options.maxCalls - this.calls;
    if (left <= 0)
      throw new ReconcileQueryFailed(
        `已达到本次核对的查询次数上限（${this.options.maxCalls} 次），结果不完整。`,
      );
    this.queries.push(method);
    const offsetBefore = this.options.clockOffsetMs();
    let answer = await this.call(method, params, window);
    // The client writes a window on the ERP's clock as it knows it when the query starts. A first query
    // can teach it that this PC is minutes off (the CLI starts with no offset): that window missed its
    // mark, so it is asked once more, now placed right.
    if (
      window &&
      answer.kind === 'found' &&
      Math.abs(this.options.clockOffsetMs() - offsetBefore) > OFFSET_CHANGE_MS &&
      this.calls < this.options.maxCalls
    )
      answer = await this.call(method, params, window);
    if (answer.kind === 'failed') throw new ReconcileQueryFailed(answer.reason);
    if (answer.kind === 'refused')
      return { ok: false, refusal: { method, message: answer.message, remedy: answer.remedy } };
    return { ok: true, records: answer.records };
  }

  private async call(
    method: string,
    params: Readonly<Record<string, unknown>>,
    window: QueryWindow | undefined,
  ): Promise<QueryAnswer> {
    const answer = await this.client.query(method, params, {
      ...(window && { window }),
      maxCalls: this.options.maxCalls - this.calls,
    });
    this.calls += answer.calls;
    this.options.onCalls?.(this.calls);
    return answer;
  }

  /** Creation times: from just before the send to a day after it (or now, if sooner). */
  createdWindow(method: string): QueryWindow {
    const sent = this.input.sentAt.getTime();
    const to = Math.min(sent + CREATED_WITHIN_MS, this.options.now()) + CLOCK_MARGIN_MS;
    return queryWindowFor(method, new Date(sent - CLOCK_MARGIN_MS), new Date(to));
  }

  /** Modification times: a document created by the send was last modified at or after it, up to now. */
  modifiedWindow(method: string): QueryWindow {
    const sent = this.input.sentAt.getTime();
    return queryWindowFor(
      method,
      new Date(sent - CLOCK_MARGIN_MS),
      new Date(this.options.now() + CLOCK_MARGIN_MS),
    );
  }

  /** An answer's time on this PC's clock, from the first of `keys` that holds one. */
  timeOf(record: QueryRecord, ...keys: string[]): Date | undefined {
    for (const key of keys) {
      const time = parseErpTime(record[key], this.options.clockOffsetMs());
      if (time) return time;
    }
    return undefined;
  }

  /** 'before': created before the send (less the margin), so not by it. 'unknown': the answer gave no time. */
  timing(record: QueryRecord, ...keys: string[]): 'before' | 'after' | 'unknown' {
    const time = this.timeOf(record, ...keys);
    if (!time) return 'unknown';
    return time.getTime() < this.input.sentAt.getTime() - CLOCK_MARGIN_MS ? 'before' : 'after';
  }

  candidate(
    record: QueryRecord,
    documentNo: string,
    summary: string,
    ...timeKeys: string[]
  ): ReconcileCandidate {
    const time = this.timeOf(record, ...timeKeys);
    return { documentNo, ...(time && { createdAt: time.toISOString() }), summary };
  }
}

/** The refused query as a finding: nothing can be told until the seller enables it. */
export function refusedVerdict(refusal: MissingQueryPermission, what: string): Verdict {
  return {
    state: 'uncertain',
    evidence: `ERP 拒绝了查询 ${refusal.method}（${refusal.message}），无法确认${what}是否已创建。`,
    missingPermission: refusal,
  };
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

export function recordOf(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
