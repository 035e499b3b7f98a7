/**
 * Scan feedback tones through Web Audio: one AudioContext for the whole app, created on first use and
 * resumed on the first key (Chromium lets a context start without a gesture when the app allows autoplay,
 * as Electron does; where it does not, the context stays suspended and only the colour flash is seen).
 * Four sounds a warehouse worker tells apart without looking: a short high beep (taken), a low buzz
 * (refused), a falling double tone (already there), and a rising triple chirp (not an SN: refused or asked).
 */
import type { SoundSettings } from '../../../../shared/profile';
import type { ScanTone } from '../model/scanResult';

interface Note {
  readonly frequency: number;
  readonly type: OscillatorType;
  /** Start offset and length, in seconds. */
  readonly at: number;
  readonly length: number;
}

const tunes: Readonly<Record<Exclude<ScanTone, 'none'>, readonly Note[]>> = {
  success: [{ frequency: 1760, type: 'sine', at: 0, length: 0.07 }],
  error: [
    { frequency: 196, type: 'square', at: 0, length: 0.16 },
    { frequency: 196, type: 'square', at: 0.2, length: 0.16 },
  ],
  duplicate: [
    { frequency: 880, type: 'triangle', at: 0, length: 0.09 },
    { frequency: 587, type: 'triangle', at: 0.11, length: 0.14 },
  ],
  'not-sn': [
    { frequency: 523, type: 'sawtooth', at: 0, length: 0.06 },
    { frequency: 659, type: 'sawtooth', at: 0.08, length: 0.06 },
    { frequency: 784, type: 'sawtooth', at: 0.16, length: 0.08 },
  ],
};

let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context !== null) return context;
  const Constructor = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (Constructor === undefined) return null;
  try {
    context = new Constructor({ latencyHint: 'interactive' });
  } catch {
    return null;
  }
  return context;
}

/** Call on the first key in a scan field: a suspended context can start now if the browser allows it. */
export function wakeAudio(): void {
  const ctx = audioContext();
  if (ctx !== null && ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
}

/** True when a tone played now would be heard (for the screen to say so when it would not). */
export function audioRunning(): boolean {
  return context?.state === 'running';
}

export function playTone(tone: ScanTone, sound: SoundSettings): void {
  if (tone === 'none' || !sound.enabled || sound.volume <= 0) return;
  const ctx = audioContext();
  if (ctx === null) return;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const start = ctx.currentTime + 0.005;
  // Square waves sound much louder than sines at the same gain; keep the three at a similar loudness.
  for (const note of tunes[tone]) {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    const peak = sound.volume * (note.type === 'square' ? 0.25 : 0.6);
    oscillator.type = note.type;
    oscillator.frequency.value = note.frequency;
    // A few ms of attack and release: without them every beep clicks.
    gain.gain.setValueAtTime(0, start + note.at);
    gain.gain.linearRampToValueAtTime(peak, start + note.at + 0.005);
    gain.gain.setValueAtTime(peak, start + note.at + note.length - 0.01);
    gain.gain.linearRampToValueAtTime(0, start + note.at + note.length);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(start + note.at);
    oscillator.stop(start + note.at + note.length + 0.01);
  }
}
