/**
 * Applies submitted scans and edits to the scan state strictly in order, never dropping one, while each SN
 * waits for main's answer to "was this SN already sent?". The session classifies keys synchronously; the
 * journal lives in main, across IPC. So values queue here (FIFO), every queued value not known yet is looked
 * up in one call, and then the queue is applied in order, synchronously, each state handed to `commit`
 * (save the draft, update the document) before the next. Answers are cached until the journal changes. A
 * value main's filter lacks (sentSnFilter.ts) needs no answer: with nothing to wait for, a scan is applied
 * within the key event that ended it.
 */
import type { ScanContext, ScanState } from './scanState';
import { findSn } from './scanState';

export type SentLookup = (sns: readonly string[]) => Promise<ReadonlySet<string>>;

/** One queued change. `values` are the SNs it needs sent-answers for; `run` applies it. */
export interface QueuedJob {
  readonly values: readonly string[];
  /** The event time of the key that submitted it, for latency measurement; null for edits. */
  readonly startedAt: number | null;
  /** Returns the next state (the same object when nothing changed); `ctx.isAlreadySent` answers every value. */
  run(state: ScanState, ctx: ScanContext): ScanState;
  /** The lookup failed: say so instead of applying. */
  fail(error: unknown): void;
}

export interface ScanQueueOptions<J extends QueuedJob> {
  readonly lookupSent: SentLookup;
  readonly getState: () => ScanState;
  /** Receives each job's outcome, synchronously, in order (the state may be unchanged). */
  readonly commit: (state: ScanState, job: J) => void;
  readonly baseContext?: () => Omit<ScanContext, 'isAlreadySent'>;
  /** True for a value certainly never sent (main's filter lacks it): it needs no answer. */
  readonly certainlyNotSent?: (value: string) => boolean;
}

export class ScanQueue<J extends QueuedJob> {
  private readonly jobs: J[] = [];
  private readonly sent = new Map<string, boolean>();
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: ScanQueueOptions<J>) {}

  get length(): number {
    return this.jobs.length;
  }

  push(job: J): void {
    this.jobs.push(job);
    void this.pump();
  }

  /** The journal changed (a submission was accepted): earlier "not sent" answers may be stale. */
  forgetSentAnswers(): void {
    this.sent.clear();
  }

  /** Resolves once everything queued so far is applied. */
  idle(): Promise<void> {
    if (!this.running && this.jobs.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Values that need an answer: not cached, and not settled without one (an SN already in the document is a
   * duplicate whatever the journal says; a line's spec_no selects the line; the filter lacks it).
   */
  private unknown(job: QueuedJob, state: ScanState): string[] {
    return job.values.filter(
      (value) =>
        this.needsAnswer(value) &&
        findSn(state, value) === null &&
        !state.lines.some((line) => line.specNo === value),
    );
  }

  private needsAnswer(value: string): boolean {
    return !this.sent.has(value) && !(this.options.certainlyNotSent?.(value) ?? false);
  }

  private context(): ScanContext {
    return {
      ...this.options.baseContext?.(),
      isAlreadySent: (sn) => this.sent.get(sn) === true,
    };
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.jobs.length > 0) {
        const state = this.options.getState();
        const first = this.jobs[0];
        if (first === undefined) break;
        const missing = this.unknown(first, state);
        if (missing.length > 0) {
          // Ask for every queued value at once: a burst of scans costs one round trip, not one each.
          const ask = new Set<string>();
          for (const job of this.jobs)
            for (const value of job.values) if (this.needsAnswer(value)) ask.add(value);
          try {
            const found = await this.options.lookupSent([...ask]);
            for (const value of ask) this.sent.set(value, found.has(value));
          } catch (error) {
            this.jobs.shift();
            first.fail(error);
          }
          continue;
        }
        this.jobs.shift();
        this.options.commit(first.run(state, this.context()), first);
      }
    } finally {
      this.running = false;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }
}
