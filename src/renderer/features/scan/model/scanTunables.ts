/**
 * Tunables of scanner input, kept in the settings screen. The defaults suit a USB HID scanner in keyboard
 * mode (1–10 ms between characters) next to a person typing (80–300 ms between characters).
 */
export interface ScanSettings {
  /**
   * Keys that end a scan, matched against KeyboardEvent.code (or .key when the event has no code), so
   * 'Enter' and 'NumpadEnter' can be chosen separately.
   */
  readonly suffixKeys: readonly string[];
  /**
   * Also end a scan on Ctrl+J / Ctrl+M, which is how some scanners in keyboard mode send LF / CR. Without
   * this the LF of a CR+LF suffix would arrive as Ctrl+J and be taken for editing.
   */
  readonly controlCharSuffix: boolean;
  /** Longest gap between two characters of one scanner burst, in ms (the terminator counts as a character). */
  readonly maxInterKeyMs: number;
  /** Shorter entries are never taken for scanner bursts, however fast, so two quick keystrokes stay "typed". */
  readonly minLength: number;
  /** How many gaps longer than maxInterKeyMs (USB or OS hiccups) one burst may contain… */
  readonly toleratedSlowGaps: number;
  /** …and how long such a gap may be, in ms. A longer stall marks the entry as typed. */
  readonly maxSlowGapMs: number;
  /** A repeat of the same code within this many ms (a double trigger) is dropped once, silently. */
  readonly bounceMs: number;
  /** Longest SN accepted, in characters. */
  readonly maxSnLength: number;
  /** How many accepted scans "undo" can walk back. */
  readonly undoDepth: number;
}

export const defaultScanSettings: ScanSettings = {
  suffixKeys: ['Enter', 'NumpadEnter', 'Tab'],
  controlCharSuffix: true,
  maxInterKeyMs: 35,
  minLength: 4,
  toleratedSlowGaps: 1,
  maxSlowGapMs: 120,
  bounceMs: 300,
  maxSnLength: 100,
  undoDepth: 100,
};

export function resolveScanSettings(overrides: Partial<ScanSettings> = {}): ScanSettings {
  return { ...defaultScanSettings, ...overrides };
}
