/**
 * Applies submitted scans and edits to the scan state strictly in order, never dropping one, while each SN
 * waits for main's answer to "was this SN already sent?". The session classifies keys synchronously; the
 * journal lives in main, across IPC. So values queue here (FIFO), every queued value not known yet is looked
 * up in one call, and then the queue is applied in order, synchronously, each state handed to `commit`
 * (save the draft, update the document) before the next. Answers are cached until the journal changes. A
 * value main's filter lacks (lookup/heldSentSnFilter.ts) needs no answer: with nothing to wait for, a scan
 * is applied within the key event that ended it.
 *
 * A scanned code may also be a product the local catalog knows (a barcode, a spec_no), which makes it select
 * its line instead of becoming an SN. The same way: a code the catalog's filter lacks (catalogFilter.ts) is
 * certainly no product and is decided at once; a code it may hold is looked up, in the same wait as the
 * journal's answer. The catalog never blocks a scan: a failed lookup answers "not a product".
 */
import type { ProductCode } from '../model/scanContext';
import type { ScanState } from '../model/scanData';
import type { ScanContext } from '../model/scanContext';
import { findSn } from '../model/scanLineEdits';

export type SentLookup = (sns: readonly string[]) => Promise<ReadonlySet<string>>;

/** The local catalog as the scan queue asks it. */
export interface CatalogCodes {
  /** False when the code is certainly not in the catalog (its filter lacks it): no lookup needed. */
  mayHold(code: string): boolean;
  /** What each code is, in order: a product, or null. */
  lookup(codes: readonly string[]): Promise<readonly (ProductCode | null)[]>;
}

/** One queued change. `values` are the SNs it needs sent-answers for; `run` applies it. */
export interface QueuedJob {
  readonly values: readonly string[];
  /** Scanned codes it needs the catalog's answer for (ctx.product); none for edits. */
  readonly codes?: readonly string[];
  /** A scanned code rather than an edit: its result is shown as a scan (flash, tone, last value). */
  readonly isScan: boolean;
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
  /** Without it no code is a catalog product. */
  readonly catalog?: CatalogCodes;
}

export class ScanQueue<J extends QueuedJob> {
  private readonly jobs: J[] = [];
  private readonly sent = new Map<string, boolean>();
  private readonly products = new Map<string, ProductCode | null>();
  /** Grows with every catalog change: an answer asked for before one is not kept. */
  private catalogGeneration = 0;
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

  /** The catalog changed (a sync, another profile): earlier product answers may be stale. */
  forgetProductAnswers(): void {
    this.products.clear();
    this.catalogGeneration++;
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

  /** Codes that need the catalog's answer: not cached, the filter may hold them, not a line's spec_no. */
  private unknownCodes(job: QueuedJob, state: ScanState): string[] {
    if (job.codes === undefined || this.options.catalog === undefined) return [];
    return job.codes.filter(
      (code) => this.needsProduct(code) && !state.lines.some((line) => line.specNo === code),
    );
  }

  private needsProduct(code: string): boolean {
    const catalog = this.options.catalog;
    return catalog !== undefined && code !== '' && !this.products.has(code) && catalog.mayHold(code);
  }

  private context(): ScanContext {
    return {
      ...this.options.baseContext?.(),
      isAlreadySent: (sn) => this.sent.get(sn) === true,
      // A code not asked about was one the filter lacks: certainly no product.
      product: (code) => this.products.get(code) ?? null,
    };
  }

  /** Every queued value's sent-answer, in one call. */
  private async askSent(): Promise<void> {
    const ask = new Set<string>();
    for (const job of this.jobs) for (const value of job.values) if (this.needsAnswer(value)) ask.add(value);
    if (ask.size === 0) return;
    const found = await this.options.lookupSent([...ask]);
    for (const value of ask) this.sent.set(value, found.has(value));
  }

  /** Every queued code's catalog answer, in one call; a failure answers "not a product" (never blocks). */
  private async askCatalog(): Promise<void> {
    const catalog = this.options.catalog;
    if (catalog === undefined) return;
    const ask = new Set<string>();
    for (const job of this.jobs)
      for (const code of job.codes ?? []) if (this.needsProduct(code)) ask.add(code);
    if (ask.size === 0) return;
    const codes = [...ask];
    const askedIn = this.catalogGeneration;
    let answers: readonly (ProductCode | null)[] = [];
    try {
      answers = await catalog.lookup(codes);
    } catch {
      // Not found, for this catalog generation: the scan goes on by today's rules.
    }
    if (askedIn !== this.catalogGeneration) return;
    codes.forEach((code, index) => this.products.set(code, answers[index] ?? null));
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.jobs.length > 0) {
        const state = this.options.getState();
        const first = this.jobs[0];
        if (first === undefined) break;
        if (this.unknown(first, state).length > 0 || this.unknownCodes(first, state).length > 0) {
          // Ask for every queued value at once, journal and catalog side by side: a burst of scans costs
          // one round trip, not one each.
          const catalog = this.askCatalog();
          try {
            await this.askSent();
          } catch (error) {
            await catalog;
            this.jobs.shift();
            first.fail(error);
            continue;
          }
          await catalog;
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
