/**
 * The difference between the ERP's clock and ours. Warehouse PCs often run minutes off, and the ERP refuses a
 * timestamp more than 120 s from its own time, so every response's `Date` header teaches us the offset. The
 * store is injectable so the app can keep one per profile and persist it across restarts.
 */

export interface ClockOffsetStore {
  /** Server time minus local time, in milliseconds. */
  get(): number;
  set(offsetMs: number): void;
}

export function createClockOffsetStore(
  initialOffsetMs = 0,
  onChange?: (offsetMs: number) => void,
): ClockOffsetStore {
  let offsetMs = Number.isFinite(initialOffsetMs) ? initialOffsetMs : 0;
  return {
    get: () => offsetMs,
    set(next) {
      if (!Number.isFinite(next) || next === offsetMs) return;
      offsetMs = next;
      onChange?.(next);
    },
  };
}

/**
 * Estimates server − local time from a `Date` header. The header has whole seconds (the server's time lies
 * in [D, D + 1 s)), and the server wrote it somewhere between our send and our receipt, so the middle of both
 * ranges is the best guess; the error is at most about half the round trip plus half a second.
 */
export function offsetFromDateHeader(
  dateHeader: string | null | undefined,
  sentAtMs: number,
  receivedAtMs: number,
): number | undefined {
  if (!dateHeader) return undefined;
  const serverMs = Date.parse(dateHeader);
  if (!Number.isFinite(serverMs)) return undefined;
  return Math.round(serverMs + 500 - (sentAtMs + receivedAtMs) / 2);
}

/**
 * Below this, a newly learned offset is noise from the header's one-second resolution; not rewriting it keeps
 * a persisted offset from churning on every call. Far inside the ERP's ±120 s window.
 */
const OFFSET_NOISE_MS = 2000;

/** Applies a learned offset unless it only differs by noise; `force` after a 时间戳错误 refusal. */
export function learnOffset(store: ClockOffsetStore, estimateMs: number | undefined, force = false): void {
  if (estimateMs === undefined) return;
  if (force || Math.abs(estimateMs - store.get()) > OFFSET_NOISE_MS) store.set(estimateMs);
}
