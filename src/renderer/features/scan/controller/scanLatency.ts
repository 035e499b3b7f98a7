/**
 * How long each scan takes to be fully handled, for tests and benchmarks: from the key event that ended it
 * to the later of two moments, its result rendered (the feedback view's layout effect) and its draft save
 * handed to main (the controller, after commit). The two halves are joined on the feedback object, which is
 * new for every scan. Nothing is recorded unless a sink (`globalThis.__wdtScanTimings`) was installed.
 */
export interface ScanTiming {
  /** From the key event: includes waiting for main's "already sent?" answer. */
  readonly total: number;
  /** From the scan's turn in the queue (its answer was in): dedupe, render and save hand-off. */
  readonly local: number;
  /** The save hand-off alone. */
  readonly save: number;
}

interface TimingSink {
  __wdtScanTimings?: ScanTiming[];
}

interface Handled {
  readonly startedAt: number;
  readonly appliedAt: number;
  readonly saveMs: number;
  readonly at: number;
}

const halves = new WeakMap<object, { handled?: Handled; renderedAt?: number }>();

function sink(): ScanTiming[] | null {
  const timings = (globalThis as TimingSink).__wdtScanTimings;
  return Array.isArray(timings) ? timings : null;
}

function complete(feedback: object): void {
  const entry = halves.get(feedback);
  const handled = entry?.handled;
  if (handled === undefined || entry?.renderedAt === undefined) return;
  halves.delete(feedback);
  const end = Math.max(handled.at, entry.renderedAt);
  sink()?.push({ total: end - handled.startedAt, local: end - handled.appliedAt, save: handled.saveMs });
}

/** The controller is done with a scan: its state is committed (the save handed off). */
export function scanHandled(feedback: object, handled: Handled): void {
  if (sink() === null) return;
  halves.set(feedback, { ...halves.get(feedback), handled });
  complete(feedback);
}

/** The view has rendered a feedback. Feedback that is not a scan's (edits, messages) is never completed. */
export function scanRendered(feedback: object): void {
  if (sink() === null) return;
  halves.set(feedback, { ...halves.get(feedback), renderedAt: performance.now() });
  complete(feedback);
}
