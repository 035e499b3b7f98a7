/**
 * One scan view's engine, without React: the session classifies each field event, the queue applies
 * submitted values and edits in order (after the already-sent lookup), each outcome becomes feedback (tone,
 * flash, message), and every new state is committed (draft, document) in the same step, before the queue
 * moves on. The view reads a snapshot through subscribe/getView (useSyncExternalStore).
 *
 * The view hears first and the commit follows: the view renders synchronously when told (useScanView), so
 * the draft save reaches main only after the scan is on screen. Main's work on the save (and the IPC
 * around it) then no longer competes with the render for the CPU; on a 2-core PC that competition was
 * most of the slow tail of a scan. The save still starts in the task that took the scan, before any other
 * key or a window close can be handled, so a kill right after a scan loses nothing.
 */
import type { SoundSettings } from '../../../../shared/profile';
import type { SnShape } from '../../../../shared/snShape';
import type { ScanKeyEvent } from '../input/keyClassifier';
import type { ScanResult, ScanTone } from '../model/scanResult';
import { ScanQueue, type CatalogCodes, type QueuedJob, type SentLookup } from './scanQueue';
import { ScanSession, type PendingScan } from '../input/scanSession';
import type { ScanSettings } from '../model/scanTunables';
import type { ScanState } from '../model/scanData';
import type { ScanContext } from '../model/scanContext';
import { applyScan, applyScanAs, deleteSn, undoLastScan } from '../model/scanState';
import { lineNumberOf } from '../model/scanContext';

export interface ScanFeedback {
  /** Grows with every feedback, so the flash restarts even for the same message. */
  readonly seq: number;
  readonly tone: ScanTone;
  readonly message: string;
  /** Set for a scan's outcome. */
  readonly result: ScanResult | null;
}

export interface ScanView {
  readonly state: ScanState;
  readonly feedback: ScanFeedback | null;
  /** The SN to point at in the list: the one just taken, or the existing entry a duplicate hit. */
  readonly highlight: string | null;
  /** The IME was seen; cleared by the next scan that is taken. */
  readonly imeWarning: boolean;
  /** A code that does not fit the SN shape waits for 1 (SN) or 2 (商家编码); the next scan drops it. */
  readonly question: { readonly value: string } | null;
}

/** The answers to a question, by the key that gives them. */
export const ANSWER_KEYS: Readonly<Record<string, 'sn' | 'spec'>> = { '1': 'sn', '2': 'spec' };

export interface ScanControllerOptions {
  readonly settings: ScanSettings;
  readonly sound: SoundSettings;
  readonly initial: ScanState;
  readonly lookupSent: SentLookup;
  /** Persist and publish a new state: called synchronously, in order, right after the view heard of it. */
  readonly commit: (state: ScanState) => void;
  readonly context?: () => Omit<ScanContext, 'isAlreadySent'>;
  readonly play?: (tone: ScanTone, sound: SoundSettings) => void;
  /** True for an SN certainly never sent: it is taken without asking main (see scanQueue.ts). */
  readonly certainlyNotSent?: (sn: string) => boolean;
  /** The profile's SN shape (savedScanPreferences.ts). */
  readonly snShape?: SnShape | null;
  /** The local catalog: a scanned code it knows as a product selects that product's line (catalogFilter.ts). */
  readonly catalog?: CatalogCodes;
}

interface Job extends QueuedJob {
  feedback: Omit<ScanFeedback, 'seq'> | null;
  highlight?: string | null;
}

/** What an edit does to the state, and what to say about it. */
export type ScanEdit = (
  state: ScanState,
  ctx: ScanContext,
) => {
  readonly state: ScanState;
  readonly tone: ScanTone;
  readonly message: string;
  readonly result?: ScanResult;
} | null;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ScanController {
  readonly session: ScanSession;
  private readonly queue: ScanQueue<Job>;
  private view: ScanView;
  private readonly listeners = new Set<() => void>();
  private seq = 0;

  constructor(private readonly options: ScanControllerOptions) {
    this.session = new ScanSession(options.settings);
    this.view = {
      state: options.initial,
      feedback: null,
      highlight: null,
      imeWarning: false,
      question: null,
    };
    const shape = options.snShape ?? null;
    const context = options.context;
    this.queue = new ScanQueue<Job>({
      lookupSent: options.lookupSent,
      getState: () => this.view.state,
      baseContext: () => ({ snShape: shape, ...context?.() }),
      ...(options.certainlyNotSent ? { certainlyNotSent: options.certainlyNotSent } : {}),
      ...(options.catalog ? { catalog: options.catalog } : {}),
      commit: (state, job) => this.finish(state, job),
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): ScanView => this.view;

  get settings(): ScanSettings {
    return this.options.settings;
  }

  /** Feed one field event; do what the answer says (prevent the key, empty the field). */
  handleKey(event: ScanKeyEvent, inputValue: string): { preventDefault: boolean; clearInput: boolean } {
    const step = this.session.classify(event, inputValue, this.view.state);
    const result = step.result;
    if (result !== null && (result.kind === 'ime' || result.kind === 'incomplete')) {
      this.publish(
        { ...this.view, imeWarning: result.kind === 'ime' ? true : this.view.imeWarning },
        { tone: result.tone, message: result.message, result },
      );
    }
    if (step.pending !== null) {
      // "1" or "2" and Enter, typed while a question waits, is its answer, not a code.
      const answer = ANSWER_KEYS[step.pending.value];
      if (answer === undefined || !this.answer(answer)) this.queue.push(this.scanJob(step.pending));
    }
    return { preventDefault: step.preventDefault, clearInput: step.clearInput };
  }

  /** Answers the waiting question: its code as an SN, or as a product's 商家编码. False when none waits. */
  answer(as: 'sn' | 'spec'): boolean {
    const question = this.view.question;
    if (question === null) return false;
    this.publish({ ...this.view, question: null }, null);
    void this.edit([question.value], (state, ctx) => {
      const applied = applyScanAs(state, question.value, as, ctx, this.options.settings);
      const { tone, message } = applied.result;
      return { state: applied.state, tone, message, result: applied.result };
    });
    return true;
  }

  /** Queues an edit (undo, delete, paste, line changes) behind every scan already submitted. */
  edit(values: readonly string[], change: ScanEdit): Promise<void> {
    const job: Job = {
      values,
      isScan: false,
      feedback: null,
      run: (state, ctx) => {
        const outcome = change(state, ctx);
        if (outcome === null) return state;
        const result = outcome.result ?? null;
        if (outcome.message !== '') job.feedback = { tone: outcome.tone, message: outcome.message, result };
        if (result?.kind === 'accepted') job.highlight = result.value;
        return outcome.state;
      },
      fail: (error) => this.say('error', `无法核对 SN 是否已发送过（${errorText(error)}），未做更改`),
    };
    this.queue.push(job);
    return this.queue.idle();
  }

  undo(): Promise<void> {
    return this.edit([], (state, ctx) => {
      const { state: next, undone } = undoLastScan(state, this.options.settings);
      if (undone === null) return { state, tone: 'error', message: '没有可撤销的扫描' };
      const where = lineNumberOf(ctx, undone.line);
      return { state: next, tone: 'none', message: `已撤销：${undone.sn}（第${where}行）` };
    });
  }

  deleteSn(sn: string): Promise<void> {
    return this.edit([], (state, ctx) => {
      const { state: next, removed } = deleteSn(state, sn, this.options.settings);
      if (removed === null) return null;
      const where = lineNumberOf(ctx, removed.line);
      return { state: next, tone: 'none', message: `已删除：${sn}（第${where}行）` };
    });
  }

  /** The journal changed: "not sent" answers may be stale now. */
  forgetSentAnswers(): void {
    this.queue.forgetSentAnswers();
  }

  /** The catalog changed: products looked up before may be other products now, or none. */
  forgetProductAnswers(): void {
    this.queue.forgetProductAnswers();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** A message not tied to a state change (a failed import, a lookup error). */
  say(tone: ScanTone, message: string): void {
    this.publish(this.view, { tone, message, result: null });
  }

  private scanJob(pending: PendingScan): Job {
    const job: Job = {
      values: [pending.value],
      codes: [pending.value],
      isScan: true,
      feedback: null,
      run: (state, ctx) => {
        const applied = applyScan(state, pending.rawValue, pending.source, ctx, this.options.settings);
        const result = applied.result;
        if (result.kind !== 'empty-ignored')
          job.feedback = { tone: result.tone, message: result.message, result };
        job.highlight =
          result.kind === 'accepted' || result.kind === 'duplicate-in-document' ? result.value : null;
        return applied.state;
      },
      fail: (error) =>
        this.say(
          'error',
          `无法核对 SN 是否已发送过（${errorText(error)}），本次未录入，请重扫：${pending.value}`,
        ),
    };
    return job;
  }

  private finish(state: ScanState, job: Job): void {
    const changed = state !== this.view.state;
    const result = job.feedback?.result ?? null;
    const taken = result?.kind === 'accepted' || result?.kind === 'line-selected';
    // A scan's outcome replaces any question: the worker moved on.
    const isScan = job.isScan;
    const next: ScanView = {
      ...this.view,
      state,
      highlight: job.highlight !== undefined ? job.highlight : this.view.highlight,
      imeWarning: taken ? false : this.view.imeWarning,
      question: result?.kind === 'ask-kind' ? { value: result.value } : isScan ? null : this.view.question,
    };
    this.publish(next, job.feedback);
    if (changed) this.options.commit(state);
  }

  private publish(view: ScanView, feedback: Omit<ScanFeedback, 'seq'> | null): void {
    const published = feedback === null ? null : { ...feedback, seq: ++this.seq };
    this.view = published === null ? view : { ...view, feedback: published };
    if (published !== null) {
      try {
        this.options.play?.(published.tone, this.options.sound);
      } catch {
        // A tone that cannot play (audio device gone) must not stop the scan; the flash still shows it.
      }
    }
    for (const listener of this.listeners) listener();
  }
}
