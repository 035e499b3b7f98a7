/**
 * 核对 without anyone asking: shortly after each unknown outcome, and after start-up for the entries a crash
 * left unknown (and any recent unknown entry never checked, say because the ERP was unreachable then).
 * Checks run one at a time, so the ERP sees a trickle, each bounded by the engine's call budget; a failed
 * check is left for the user's 核对 button or the next start. Only queries: nothing is ever resent.
 */
import type { JournalChange } from '../../shared/journal';
import type { Journal } from '../journal/journal';
import type { ReconcileEntry } from './runner';

/** After an unknown outcome: long enough for the ERP to finish a slow create before we look. */
const AFTER_UNKNOWN_MS = 10_000;
/** After start-up: let the window come up and the practice ERP start first. */
const AFTER_STARTUP_MS = 3_000;
/** Unknown entries younger than this, never checked, are checked at start-up. */
const STARTUP_LOOKBACK_MS = 7 * 24 * 60 * 60_000;
/** At most this many at start-up; older or further ones wait for the user. */
const STARTUP_LIMIT = 20;

interface AutoReconcileOptions {
  readonly journal: () => Promise<Journal>;
  readonly reconcile: ReconcileEntry;
  /** Entries the journal recorded as unknown when it was opened (the app died mid-call). */
  readonly recoveredAsUnknown: () => Promise<readonly string[]>;
  readonly now: () => number;
  readonly afterUnknownMs?: number;
  readonly afterStartupMs?: number;
  /** Where a check that threw is reported (a bug; failures the user should see go out as progress). */
  readonly logError: (context: string, error: unknown) => void;
}

interface AutoReconcile {
  stop(): void;
}

export function startAutoReconcile(options: AutoReconcileOptions): AutoReconcile {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const queued = new Set<string>();
  let stopped = false;
  let tail: Promise<unknown> = Promise.resolve();

  const enqueue = (id: string): void => {
    if (stopped || queued.has(id)) return;
    queued.add(id);
    tail = tail.then(async () => {
      queued.delete(id);
      if (stopped) return;
      try {
        await options.reconcile(id);
      } catch (error) {
        options.logError('autoReconcile', error);
      }
    });
  };
  const later = (ms: number, task: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      task();
    }, ms);
    timers.add(timer);
  };

  let unsubscribe: () => void = () => undefined;
  void options.journal().then(
    (journal) => {
      if (stopped) return;
      unsubscribe = journal.onChange((change) => {
        if (needsCheck(change))
          later(options.afterUnknownMs ?? AFTER_UNKNOWN_MS, () => enqueue(change.entry.id));
      });
      later(options.afterStartupMs ?? AFTER_STARTUP_MS, () => {
        void startupIds(journal, options).then(
          (ids) => ids.forEach(enqueue),
          (error: unknown) => options.logError('autoReconcile', error),
        );
      });
    },
    () => undefined, // The journal's own opening failure is reported where it is opened.
  );

  return {
    stop() {
      stopped = true;
      unsubscribe();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

function needsCheck(change: JournalChange): boolean {
  return change.type === 'updated' && change.entry.outcome === 'unknown' && !change.entry.reconciled;
}

async function startupIds(journal: Journal, options: AutoReconcileOptions): Promise<string[]> {
  const recovered = await options.recoveredAsUnknown();
  const recent = await journal.query({
    outcomes: ['unknown'],
    from: new Date(options.now() - STARTUP_LOOKBACK_MS).toISOString(),
    limit: STARTUP_LIMIT,
  });
  const ids = [...recovered, ...recent.entries.map((entry) => entry.id)];
  return [...new Set(ids)]
    .filter((id) => {
      const entry = journal.get(id);
      return entry !== undefined && entry.outcome === 'unknown' && !entry.reconciled;
    })
    .slice(0, STARTUP_LIMIT);
}
