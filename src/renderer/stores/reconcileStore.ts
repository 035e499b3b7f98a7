/**
 * Where each 核对 is, by journal entry id: started here with the button, or by main itself (after start-up,
 * shortly after an unknown outcome), which is seen only through reconcileProgress. The log and the
 * submission result panel both read it, so a check shows the same progress and finding on both.
 */
import { useSyncExternalStore } from 'react';
import { createStore } from 'zustand/vanilla';
import type { ReconcileFinding, ReconcileProgress } from '../../shared/reconcile';
import { bridge, callSafely } from './bridge';

interface ReconcileRun {
  readonly running: boolean;
  /** Queries made so far by the current (or last) check. */
  readonly queries: number;
  /** The last finding this window received; the journal's copy may arrive later (journalChanged). */
  readonly finding?: ReconcileFinding;
  /** Why the last check could not run at all. */
  readonly error?: string;
}

interface ReconcileState {
  readonly runs: Readonly<Record<string, ReconcileRun>>;
}

const store = createStore<ReconcileState>(() => ({ runs: {} }));
const inFlight = new Set<string>();

function update(id: string, change: (run: ReconcileRun) => ReconcileRun): void {
  store.setState((state) => ({
    runs: { ...state.runs, [id]: change(state.runs[id] ?? { running: false, queries: 0 }) },
  }));
}

export function getReconcileRun(id: string): ReconcileRun | undefined {
  return store.getState().runs[id];
}

/**
 * The run for `id`. The server snapshot is the current state (not the initial one): the markup tests render
 * with renderToString and should see what a user would.
 */
export function useReconcileRun(id: string): ReconcileRun | undefined {
  const read = (): ReconcileRun | undefined => store.getState().runs[id];
  return useSyncExternalStore(store.subscribe, read, read);
}

/** A progress event from main. Anything malformed is ignored: a progress line is not worth a crash. */
function applyReconcileProgress(progress: ReconcileProgress): void {
  if (typeof progress.entryId !== 'string' || progress.entryId === '') return;
  const queries = Number.isFinite(progress.queries) ? Math.max(0, progress.queries) : 0;
  switch (progress.phase) {
    case 'querying':
      update(progress.entryId, (run) => ({ ...run, running: true, queries, error: undefined }));
      return;
    case 'done':
      update(progress.entryId, (run) => ({
        ...run,
        running: inFlight.has(progress.entryId),
        queries,
        ...(progress.finding !== undefined && { finding: progress.finding }),
        error: undefined,
      }));
      return;
    case 'failed':
      update(progress.entryId, (run) => ({
        ...run,
        running: inFlight.has(progress.entryId),
        queries,
        error: progress.error ?? '核对未能完成',
      }));
      return;
  }
}

/** Asks main to check entry `id` now. A second click while one runs is ignored (main also refuses it). */
export async function reconcileEntry(id: string): Promise<ReconcileFinding | null> {
  if (inFlight.has(id)) return null;
  inFlight.add(id);
  update(id, (run) => ({ ...run, running: true, queries: 0, error: undefined }));
  try {
    const result = await callSafely(() => bridge().reconcileEntry({ id }));
    update(id, (run) =>
      result.ok
        ? { ...run, running: false, finding: result.value, error: undefined }
        : { ...run, running: false, error: result.error.message },
    );
    return result.ok ? result.value : null;
  } finally {
    inFlight.delete(id);
  }
}

/** Follows main's progress for every check, including the ones main starts by itself. */
export function watchReconcileProgress(): () => void {
  return bridge().events.reconcileProgress(applyReconcileProgress);
}

/** Forgets every run (tests). */
export function resetReconcileRuns(): void {
  inFlight.clear();
  store.setState({ runs: {} }, true);
}
