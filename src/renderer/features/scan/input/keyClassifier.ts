/**
 * Tells a scanner burst from typing, from the keyboard events of the SN field alone. A USB scanner in
 * keyboard mode types a whole code in a few milliseconds per character and ends it with a suffix key; a
 * person is ten to a hundred times slower. Nothing here reads the DOM: the caller passes a plain copy of each
 * event and the field's current value, so the same logic runs in vitest.
 *
 * What is decided:
 * - A suffix key (Enter / NumpadEnter / Tab by default, or Ctrl+J / Ctrl+M) ends the entry. The value taken
 *   is the field's value at that moment, so a character is never lost or doubled by our own bookkeeping.
 * - The entry is 'scanner' only when every character arrived by key at burst speed (one short hiccup
 *   tolerated), at least `minLength` of them, and nothing else (paste, Backspace, arrows, focus loss) touched
 *   the field. Anything else, including a burst that stalls for 500 ms, is still taken but marked 'typed'.
 *   Splitting a stalled burst in two was rejected: the field holds one value, and guessing where the
 *   second code starts could invent two wrong SNs from one right one.
 * - Modifier keydowns (Shift for upper-case letters) are ignored for timing.
 * - Chinese IME activity (compositionstart, isComposing, key 'Process', keyCode 229) makes the entry an
 *   'ime' entry: its terminator is not a submission, because the field holds whatever the IME produced.
 * - A 'missed' event is evidence that a key went somewhere the scan could not see (the window got the focus
 *   mid-burst, a key was released that was never pressed here, a key went into another text field). An
 *   entry that begins, or goes on, within a burst gap of such evidence lost characters: it is refused as
 *   'incomplete', never taken, because a stump of a code is a valid-looking wrong code.
 */
import type { ScanSettings } from '../model/scanTunables';

export type ScanSource = 'scanner' | 'typed';

export type ScanEventType =
  | 'keydown'
  | 'keyup'
  | 'compositionstart'
  | 'compositionupdate'
  | 'compositionend'
  | 'input'
  | 'paste'
  | 'blur'
  /** A key of this burst may have gone elsewhere (see the file comment). */
  | 'missed';

/** The parts of a DOM KeyboardEvent / CompositionEvent / InputEvent the classifier needs. */
export interface ScanKeyEvent {
  readonly type: ScanEventType;
  /** Event.timeStamp, in ms. */
  readonly timeStamp: number;
  readonly key?: string;
  readonly code?: string;
  readonly keyCode?: number;
  readonly isComposing?: boolean;
  readonly shiftKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly altKey?: boolean;
  readonly metaKey?: boolean;
}

export type KeyDecision =
  /** Not ours: let the browser handle the event. */
  | { readonly kind: 'pass' }
  /** A terminator ended a non-empty entry. The caller prevents the key's default action. */
  | {
      readonly kind: 'submit';
      readonly rawValue: string;
      readonly source: ScanSource;
      readonly timeStamp: number;
    }
  /** A terminator ended an entry whose characters were not all seen. Prevent the default, clear the field. */
  | { readonly kind: 'incomplete'; readonly rawValue: string; readonly timeStamp: number }
  /** A terminator on an empty field (the LF of CR+LF, a double Enter). Prevent the default, do nothing else. */
  | { readonly kind: 'empty'; readonly timeStamp: number }
  /**
   * IME activity. `report` is true the first time in an entry, so the banner and tone come once per entry.
   * `at: 'terminator'` means the entry ended without a scan and the field should be cleared.
   */
  | { readonly kind: 'ime'; readonly at: 'composition' | 'terminator'; readonly report: boolean }
  /** The composition that an IME terminator interrupted has ended: clear what it left in the field. */
  | { readonly kind: 'clear-after-ime' };

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn']);
const IME_KEY_CODE = 229;

function isImeKey(event: ScanKeyEvent): boolean {
  return event.isComposing === true || event.key === 'Process' || event.keyCode === IME_KEY_CODE;
}

/** Timing and provenance of the entry currently in the field. */
interface Entry {
  chars: number;
  lastCharAt: number;
  slowGaps: number;
  tooSlow: boolean;
  edited: boolean;
  ime: boolean;
  imeReported: boolean;
  /** Characters of this entry went elsewhere: the value is a stump. */
  missedKeys: boolean;
}

function freshEntry(): Entry {
  return {
    chars: 0,
    lastCharAt: 0,
    slowGaps: 0,
    tooSlow: false,
    edited: false,
    ime: false,
    imeReported: false,
    missedKeys: false,
  };
}

export class ScanKeyClassifier {
  private entry: Entry = freshEntry();
  private composing = false;
  /** An IME terminator arrived mid-composition; the composition's end must clear the field again. */
  private clearWhenCompositionEnds = false;
  private readonly suffixKeys: ReadonlySet<string>;
  /** Time of the latest evidence of a key the scan did not see. */
  private lastMissedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly settings: ScanSettings) {
    this.suffixKeys = new Set(settings.suffixKeys);
  }

  /** Forget the current entry, e.g. when the caller clears the field itself. */
  reset(): void {
    this.entry = freshEntry();
  }

  handle(event: ScanKeyEvent, inputValue: string): KeyDecision {
    switch (event.type) {
      case 'compositionstart':
        this.composing = true;
        return this.imeSeen('composition');
      case 'compositionend':
        this.composing = false;
        if (this.clearWhenCompositionEnds) {
          this.clearWhenCompositionEnds = false;
          return { kind: 'clear-after-ime' };
        }
        return { kind: 'pass' };
      case 'missed':
        this.lastMissedAt = event.timeStamp;
        if (this.entry.chars > 0 && event.timeStamp - this.entry.lastCharAt <= this.settings.maxInterKeyMs)
          this.entry.missedKeys = true;
        return { kind: 'pass' };
      case 'paste':
      case 'blur':
        this.entry.edited = true;
        return { kind: 'pass' };
      case 'keydown':
        return this.keydown(event, inputValue);
      default:
        return { kind: 'pass' };
    }
  }

  private imeSeen(at: 'composition' | 'terminator'): KeyDecision {
    const report = !this.entry.imeReported;
    this.entry.ime = true;
    this.entry.imeReported = true;
    return { kind: 'ime', at, report };
  }

  private keydown(event: ScanKeyEvent, inputValue: string): KeyDecision {
    const key = event.key ?? '';
    if (this.composing && event.isComposing === false && !isImeKey(event)) {
      // The browser says no composition is under way: one whose compositionend never came (the IME was
      // switched off mid-word) must not turn every later scan into IME input.
      this.composing = false;
      this.clearWhenCompositionEnds = false;
    }
    if (MODIFIER_KEYS.has(key)) return { kind: 'pass' };

    if (this.isTerminator(event)) return this.terminate(event, inputValue);

    if (isImeKey(event) || this.composing) {
      // The caller's field keeps whatever the IME does; we only need to know it happened.
      if (this.entry.imeReported) {
        this.entry.ime = true;
        return { kind: 'pass' };
      }
      return this.imeSeen('composition');
    }

    const withCommand = event.ctrlKey === true || event.altKey === true || event.metaKey === true;
    if (key.length !== 1 || withCommand) {
      // Backspace, arrows, Ctrl+V…: the field was edited by hand, whatever the timing.
      this.entry.edited = true;
      return { kind: 'pass' };
    }

    // A character typed into an empty field starts a new entry, even if the caller cleared the field
    // without telling us; stale timing from an abandoned entry must not taint the next scan.
    if (inputValue === '') this.entry = freshEntry();
    if (this.entry.chars === 0 && event.timeStamp - this.lastMissedAt <= this.settings.maxInterKeyMs)
      this.entry.missedKeys = true;
    this.recordGap(event.timeStamp);
    this.entry.chars++;
    this.entry.lastCharAt = event.timeStamp;
    return { kind: 'pass' };
  }

  /** The key ends a code (a scanner suffix), whatever the field holds. */
  isTerminator(event: ScanKeyEvent): boolean {
    const key = event.key ?? '';
    if (event.ctrlKey === true && !event.altKey && !event.metaKey) {
      const lower = key.toLowerCase();
      return this.settings.controlCharSuffix && (lower === 'j' || lower === 'm');
    }
    if (event.altKey === true || event.metaKey === true) return false;
    const name = event.code !== undefined && event.code !== '' ? event.code : key;
    // Shift+Tab is a person moving focus backwards, never a scanner suffix.
    if (name === 'Tab' && event.shiftKey === true) return false;
    return this.suffixKeys.has(name);
  }

  private recordGap(at: number): void {
    const entry = this.entry;
    if (entry.chars === 0) return;
    const gap = at - entry.lastCharAt;
    if (gap <= this.settings.maxInterKeyMs) return;
    if (gap <= this.settings.maxSlowGapMs) entry.slowGaps++;
    else entry.tooSlow = true;
  }

  private terminate(event: ScanKeyEvent, inputValue: string): KeyDecision {
    if (isImeKey(event) || this.composing || this.entry.ime) {
      const decision = this.imeSeen('terminator');
      if (this.composing) this.clearWhenCompositionEnds = true;
      this.entry = freshEntry();
      return decision;
    }
    this.recordGap(event.timeStamp);
    const entry = this.entry;
    this.entry = freshEntry();
    if (inputValue.trim() === '') return { kind: 'empty', timeStamp: event.timeStamp };
    // Hand edits (Backspace, paste) make the value the person's own, whatever the burst lost.
    if (entry.missedKeys && !entry.edited)
      return { kind: 'incomplete', rawValue: inputValue, timeStamp: event.timeStamp };
    const burst =
      !entry.edited &&
      !entry.tooSlow &&
      entry.slowGaps <= this.settings.toleratedSlowGaps &&
      entry.chars >= this.settings.minLength &&
      // Every character of the value arrived as a key of this burst: nothing came from elsewhere.
      entry.chars === inputValue.length;
    return {
      kind: 'submit',
      rawValue: inputValue,
      source: burst ? 'scanner' : 'typed',
      timeStamp: event.timeStamp,
    };
  }
}
