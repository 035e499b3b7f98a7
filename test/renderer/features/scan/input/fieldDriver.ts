/**
 * A stand-in for the SN input field: replays synthetic key streams through a ScanSession the way the UI
 * will (value read before the key lands, keys inserted unless prevented, field cleared when told).
 */
import type { ScanKeyEvent } from '../../../../../src/renderer/features/scan/input/keyClassifier';
import type { ScanResult } from '../../../../../src/renderer/features/scan/model/scanResult';
import { ScanSession } from '../../../../../src/renderer/features/scan/input/scanSession';
import type { ScanSettings } from '../../../../../src/renderer/features/scan/model/scanTunables';
import { defaultScanSettings } from '../../../../../src/renderer/features/scan/model/scanTunables';
import type { ScanState } from '../../../../../src/renderer/features/scan/model/scanData';
import type { ScanContext } from '../../../../../src/renderer/features/scan/model/scanContext';
import { createScanState } from '../../../../../src/renderer/features/scan/model/scanState';

export type Terminator = 'Enter' | 'NumpadEnter' | 'Tab';

export class FieldDriver {
  value = '';
  now = 1000;
  readonly results: ScanResult[] = [];
  readonly session: ScanSession;
  prevented = 0;

  static defaults(): ScanSettings {
    return defaultScanSettings;
  }

  constructor(
    public state: ScanState = createScanState([{ specNo: 'SPEC-A', required: null }]),
    public ctx: ScanContext = {},
    settings: ScanSettings = defaultScanSettings,
  ) {
    this.session = new ScanSession(settings);
  }

  dispatch(event: Omit<ScanKeyEvent, 'timeStamp'>): void {
    const step = this.session.handle({ ...event, timeStamp: this.now }, this.value, this.state, this.ctx);
    this.state = step.state;
    if (step.result !== null) this.results.push(step.result);
    if (step.preventDefault) this.prevented++;
    const key = event.key ?? '';
    const inserts =
      event.type === 'keydown' &&
      !step.preventDefault &&
      key.length === 1 &&
      event.ctrlKey !== true &&
      event.isComposing !== true;
    if (inserts) this.value += key;
    if (step.clearInput) this.value = '';
  }

  /** One character as a scanner or keyboard sends it: Shift held around upper-case letters. */
  char(ch: string, gapMs: number): void {
    this.now += gapMs;
    const upper = ch !== ch.toLowerCase();
    if (upper) {
      this.dispatch({ type: 'keydown', key: 'Shift', code: 'ShiftLeft', shiftKey: true });
      this.now += 0.5;
    }
    this.dispatch({ type: 'keydown', key: ch, code: codeOf(ch), shiftKey: upper });
    this.dispatch({ type: 'keyup', key: ch, code: codeOf(ch), shiftKey: upper });
    if (upper) this.dispatch({ type: 'keyup', key: 'Shift', code: 'ShiftLeft' });
  }

  terminator(which: Terminator, gapMs: number): void {
    this.now += gapMs;
    const key = which === 'NumpadEnter' ? 'Enter' : which;
    this.dispatch({ type: 'keydown', key, code: which });
    this.dispatch({ type: 'keyup', key, code: which });
  }

  /** A scanner burst: characters `perCharMs` apart (a number, or a function of the index), then the suffix. */
  burst(text: string, perCharMs: number | ((i: number) => number) = 2, suffix: Terminator = 'Enter'): void {
    const gap = typeof perCharMs === 'number' ? () => perCharMs : perCharMs;
    [...text].forEach((ch, i) => this.char(ch, i === 0 ? 0 : gap(i)));
    this.terminator(suffix, gap(text.length));
  }

  last(): ScanResult {
    const result = this.results[this.results.length - 1];
    if (result === undefined) throw new Error('no result yet');
    return result;
  }
}

function codeOf(ch: string): string {
  if (/[a-z]/i.test(ch)) return `Key${ch.toUpperCase()}`;
  if (/[0-9]/.test(ch)) return `Digit${ch}`;
  return 'Minus';
}
