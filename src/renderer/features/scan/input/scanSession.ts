/**
 * The scan field's event handler, minus React: feeds each event to the classifier, drops a trigger bounce
 * once, and applies submitted values to the document's scan state. The UI calls `handle` from its
 * keydown / composition / paste / blur listeners and does what the returned step says.
 */
import type { ScanKeyEvent, ScanSource } from './keyClassifier';
import { ScanKeyClassifier } from './keyClassifier';
import { normalizeScannedValue } from '../model/normalizeCode';
import type { ScanResult } from '../model/scanResult';
import { IME_MESSAGE, INCOMPLETE_MESSAGE } from '../model/scanResult';
import type { ScanSettings } from '../model/scanTunables';
import { defaultScanSettings } from '../model/scanTunables';
import type { ScanState } from '../model/scanData';
import type { ScanContext } from '../model/scanContext';
import { applyScan } from '../model/scanState';

export interface ScanStep {
  /** Call event.preventDefault(): the key was a terminator we consumed (Tab must not move focus). */
  readonly preventDefault: boolean;
  /** Empty the field now. */
  readonly clearInput: boolean;
  /** What to show and play; null when there is nothing to show. */
  readonly result: ScanResult | null;
  /** The state after the event; the same object when nothing changed. Save the draft when it differs. */
  readonly state: ScanState;
}

/** A submitted value not yet applied to the state (see ScanSession.classify). */
export interface PendingScan {
  readonly rawValue: string;
  /** Normalized. */
  readonly value: string;
  readonly source: ScanSource;
  /** The terminator's event time. */
  readonly timeStamp: number;
}

interface LastSubmission {
  readonly value: string;
  readonly at: number;
  bounceUsed: boolean;
}

export class ScanSession {
  private readonly classifier: ScanKeyClassifier;
  private last: LastSubmission | null = null;

  constructor(private readonly settings: ScanSettings = defaultScanSettings) {
    this.classifier = new ScanKeyClassifier(settings);
  }

  /** The key is one of the suffixes that end a scan. */
  isSuffix(event: ScanKeyEvent): boolean {
    return this.classifier.isTerminator(event);
  }

  /** Call after clearing the field for another reason (line switch, clear button). */
  reset(): void {
    this.classifier.reset();
  }

  handle(event: ScanKeyEvent, inputValue: string, state: ScanState, ctx: ScanContext = {}): ScanStep {
    const step = this.classify(event, inputValue, state);
    if (step.pending === null) return step;
    const applied = applyScan(state, step.pending.rawValue, step.pending.source, ctx, this.settings);
    return { ...step, result: applied.result, state: applied.state };
  }

  /**
   * Like `handle`, but a submitted value is returned as `pending` instead of being applied, for a caller
   * that must look something up first (the journal, across IPC) and applies it later with applyScan, in
   * submission order. Bounce filtering is already done here, in event order.
   */
  classify(
    event: ScanKeyEvent,
    inputValue: string,
    state: ScanState,
  ): ScanStep & { pending: PendingScan | null } {
    const step = this.classifyEvent(event, inputValue, state);
    return 'pending' in step ? step : { ...step, pending: null };
  }

  private classifyEvent(
    event: ScanKeyEvent,
    inputValue: string,
    state: ScanState,
  ): ScanStep | (ScanStep & { pending: PendingScan }) {
    const decision = this.classifier.handle(event, inputValue);
    switch (decision.kind) {
      case 'pass':
        return { preventDefault: false, clearInput: false, result: null, state };
      case 'empty':
        return {
          preventDefault: true,
          clearInput: false,
          result: {
            kind: 'empty-ignored',
            tone: 'none',
            message: '',
            value: '',
            source: 'scanner',
            line: null,
          },
          state,
        };
      case 'incomplete':
        return {
          preventDefault: true,
          clearInput: true,
          result: {
            kind: 'incomplete',
            tone: 'error',
            message: `${INCOMPLETE_MESSAGE}（只收到“${decision.rawValue}”）`,
            value: '',
            source: 'scanner',
            line: state.activeLine,
          },
          state,
        };
      case 'clear-after-ime':
        return { preventDefault: false, clearInput: true, result: null, state };
      case 'ime': {
        const result: ScanResult | null = decision.report
          ? {
              kind: 'ime',
              tone: 'error',
              message: IME_MESSAGE,
              value: '',
              source: 'typed',
              line: state.activeLine,
            }
          : null;
        return { preventDefault: false, clearInput: decision.at === 'terminator', result, state };
      }
      case 'submit': {
        const value = normalizeScannedValue(decision.rawValue);
        if (this.isBounce(value, decision.timeStamp)) {
          const result: ScanResult = {
            kind: 'bounce-dropped',
            tone: 'none',
            message: '',
            value,
            source: decision.source,
            line: state.activeLine,
          };
          return { preventDefault: true, clearInput: true, result, state };
        }
        const pending: PendingScan = {
          rawValue: decision.rawValue,
          value,
          source: decision.source,
          timeStamp: decision.timeStamp,
        };
        return { preventDefault: true, clearInput: true, result: null, state, pending };
      }
    }
  }

  /**
   * A double trigger sends the same code twice within a few hundred ms. The repeat is dropped once and
   * silently (no duplicate alarm for something the user did not do); a third repeat goes through and is
   * reported as a duplicate, because by then it is a person scanning the same label again.
   */
  private isBounce(value: string, at: number): boolean {
    const last = this.last;
    if (value === '') return false;
    if (last !== null && last.value === value && !last.bounceUsed && at - last.at <= this.settings.bounceMs) {
      last.bounceUsed = true;
      return true;
    }
    this.last = { value, at, bounceUsed: false };
    return false;
  }
}
