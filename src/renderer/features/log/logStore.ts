/**
 * The log screen's state: filters, the loaded pages, the selection, the open detail and the export.
 * One private store; components read it through the selector hooks below and change it only through the
 * plain action functions, which are also what the tests drive. Changes pushed by main (journalChanged) are
 * written straight in by `applyJournalChange`.
 */
import { useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { createStore } from 'zustand/vanilla';
import type { ExportFile } from '../../../shared/ipc';
import type { JournalChange, JournalEntry, JournalEntryDetail } from '../../../shared/journal';
import type { LogFilters, LogQuery } from './logFilters';
import { bodyContainsText, defaultLogFilters, matchEntry, toLogQuery } from './logFilters';
import { placeEntry } from './logPlacement';
import { bridge, callSafely } from '../../stores/bridge';

/** Rows fetched per page; more are loaded as the list scrolls near its end. */
export const LOG_PAGE_SIZE = 200;

interface LogDetailState {
  readonly id: string;
  readonly entry: JournalEntryDetail | null;
  readonly loading: boolean;
  readonly error: string | null;
}

interface LogState {
  readonly filters: LogFilters;
  /** The query the loaded rows answer; null before the first successful load. */
  readonly query: LogQuery | null;
  /** Newest first. */
  readonly rows: readonly JournalEntry[];
  /** Entries matching `query` in all, loaded or not. */
  readonly total: number;
  readonly loading: 'idle' | 'first' | 'more';
  readonly error: string | null;
  readonly selectedId: string | null;
  /** The open detail view; null when closed. */
  readonly detail: LogDetailState | null;
  readonly exporting: boolean;
  readonly notice: string | null;
  /** Damaged journal lines main skipped when it opened the journal (0: none). */
  readonly skippedLines: number;
}

function initialState(now: Date): LogState {
  return {
    filters: defaultLogFilters(now),
    query: null,
    rows: [],
    total: 0,
    loading: 'idle',
    error: null,
    selectedId: null,
    detail: null,
    exporting: false,
    notice: null,
    skippedLines: 0,
  };
}

const store = createStore<LogState>(() => initialState(new Date()));

/** Bumped by every first-page query: answers to older queries (and work based on them) are dropped. */
let queryGeneration = 0;
/** Bumped whenever the detail view changes entry or closes. */
let detailGeneration = 0;

// ---------------------------------------------------------------------------------------------------------
// Selector hooks.

/**
 * zustand's `useStore`, except that the server snapshot is the current state rather than the initial one:
 * the app never renders on a server, and the markup tests (renderToString) should see what a user would.
 */
function useLogStore<T>(selector: (state: LogState) => T): T {
  const read = (): T => selector(store.getState());
  return useSyncExternalStore(store.subscribe, read, read);
}

export function useLogFilters(): LogFilters {
  return useLogStore((state) => state.filters);
}

export function useLogList(): Pick<
  LogState,
  'rows' | 'total' | 'loading' | 'error' | 'selectedId' | 'skippedLines'
> {
  return useLogStore(
    useShallow(({ rows, total, loading, error, selectedId, skippedLines }) => ({
      rows,
      total,
      loading,
      error,
      selectedId,
      skippedLines,
    })),
  );
}

export function useLogDetail(): LogDetailState | null {
  return useLogStore((state) => state.detail);
}

export function useLogExport(): Pick<LogState, 'exporting' | 'notice'> {
  return useLogStore(useShallow(({ exporting, notice }) => ({ exporting, notice })));
}

// ---------------------------------------------------------------------------------------------------------
// Actions.

export function getLogState(): LogState {
  return store.getState();
}

/** Back to the defaults (the last 30 days counted from `now`), nothing loaded. */
export function resetLogStore(now: Date = new Date()): void {
  queryGeneration += 1;
  detailGeneration += 1;
  store.setState(initialState(now), true);
}

export function setLogFilters(patch: Partial<LogFilters>): void {
  store.setState((state) => ({ filters: { ...state.filters, ...patch } }));
}

/** Filters back to the defaults (the last 30 days counted from `now`); the caller applies them. */
export function resetLogFilters(now: Date = new Date()): void {
  store.setState({ filters: defaultLogFilters(now) });
}

/** Queries the first page for the current filters, replacing what is loaded. */
export async function applyLogFilters(): Promise<void> {
  const generation = ++queryGeneration;
  const mapping = toLogQuery(store.getState().filters);
  if (!mapping.ok) {
    store.setState({ loading: 'idle', error: mapping.message });
    return;
  }
  store.setState({ loading: 'first', error: null });
  const result = await callSafely(() =>
    bridge().queryJournal({ ...mapping.query, offset: 0, limit: LOG_PAGE_SIZE }),
  );
  if (generation !== queryGeneration) return;
  if (!result.ok) {
    store.setState({ loading: 'idle', error: result.error.message });
    return;
  }
  const { entries, total, skippedLines = 0 } = result.value;
  store.setState((state) => ({
    query: mapping.query,
    rows: entries,
    total,
    skippedLines,
    loading: 'idle',
    selectedId: entries.some((entry) => entry.id === state.selectedId) ? state.selectedId : null,
  }));
}

/** Loads the next page of the current query, if there is one and nothing else is loading. */
export async function loadMoreLog(): Promise<void> {
  const { loading, query, rows, total } = store.getState();
  if (loading !== 'idle' || query === null || rows.length >= total) return;
  const generation = queryGeneration;
  store.setState({ loading: 'more' });
  // Live inserts and removals keep `rows` in step with main's list, so its length is the right offset.
  const result = await callSafely(() =>
    bridge().queryJournal({ ...query, offset: rows.length, limit: LOG_PAGE_SIZE }),
  );
  if (generation !== queryGeneration) return;
  if (!result.ok) {
    store.setState({ loading: 'idle', error: result.error.message });
    return;
  }
  store.setState((state) => {
    const known = new Set(state.rows.map((entry) => entry.id));
    const fresh = result.value.entries.filter((entry) => !known.has(entry.id));
    return { rows: [...state.rows, ...fresh], total: result.value.total, loading: 'idle' };
  });
}

export function selectLogEntry(id: string | null): void {
  store.setState({ selectedId: id });
  const { detail } = store.getState();
  if (detail !== null && id !== null && detail.id !== id) void openLogDetail(id);
}

/** Moves the selection by `delta` rows (clamped); with nothing selected, starts at the first or last row. */
export function moveLogSelection(delta: number): void {
  const { rows, selectedId } = store.getState();
  if (rows.length === 0) return;
  const current = selectedId === null ? -1 : rows.findIndex((entry) => entry.id === selectedId);
  const next =
    current === -1
      ? delta >= 0
        ? 0
        : rows.length - 1
      : Math.min(rows.length - 1, Math.max(0, current + delta));
  const entry = rows[next];
  if (entry) selectLogEntry(entry.id);
}

/** Opens the detail view on `id` (default: the selected row) and loads its request and response. */
export async function openLogDetail(id: string | null = store.getState().selectedId): Promise<void> {
  if (id === null) return;
  const generation = ++detailGeneration;
  store.setState({ selectedId: id, detail: { id, entry: null, loading: true, error: null } });
  const result = await callSafely(() => bridge().getJournalEntry({ id }));
  if (generation !== detailGeneration) return;
  store.setState({
    detail: result.ok
      ? { id, entry: result.value, loading: false, error: null }
      : { id, entry: null, loading: false, error: result.error.message },
  });
}

export function closeLogDetail(): void {
  detailGeneration += 1;
  store.setState({ detail: null });
}

/** Asks main for the list as shown (the applied filters) as an .xlsx file; the caller saves it. */
export async function exportLog(): Promise<ExportFile | null> {
  const state = store.getState();
  const mapping =
    state.query !== null ? { ok: true as const, query: state.query } : toLogQuery(state.filters);
  if (!mapping.ok) {
    store.setState({ notice: mapping.message });
    return null;
  }
  store.setState({ exporting: true, notice: null });
  const result = await callSafely(() => bridge().exportJournal(mapping.query));
  store.setState({
    exporting: false,
    notice: result.ok ? `已导出：${result.value.fileName}` : `导出失败：${result.error.message}`,
  });
  return result.ok ? result.value : null;
}

/**
 * What an updated entry looked like before the change. Before its result it was 'sending' without a
 * document number; before a 核对 it was the same unknown entry, without a number the check found.
 */
function priorVersion(entry: JournalEntry): JournalEntry {
  const finding = entry.reconciled;
  if (finding === undefined || entry.outcome === 'sending') {
    return { ...entry, outcome: 'sending', documentNo: undefined };
  }
  const numberFromCheck = finding.state === 'created' && entry.documentNo === finding.documentNo;
  return { ...entry, reconciled: undefined, documentNo: numberFromCheck ? undefined : entry.documentNo };
}

/** A submission was added, its result arrived or a 核对 was recorded: update, insert or drop its row as the filters say. */
export async function applyJournalChange(change: JournalChange): Promise<void> {
  const { entry } = change;
  const { query, rows } = store.getState();
  if (query === null) return;
  let verdict = matchEntry(entry, query);
  if (verdict === 'check-body') {
    // A loaded row matched already, and its body and key never change; only a new one needs its body read.
    if (rows.some((row) => row.id === entry.id)) {
      verdict = 'match';
    } else {
      const generation = queryGeneration;
      const detail = await callSafely(() => bridge().getJournalEntry({ id: entry.id }));
      if (generation !== queryGeneration) return;
      verdict = detail.ok && bodyContainsText(detail.value.body, query.text ?? '') ? 'match' : 'no-match';
    }
  }
  // Was the entry counted before this change?
  const prior = change.type === 'updated' ? matchEntry(priorVersion(entry), query) : 'no-match';
  const wasCounted = prior === 'match' || (prior === 'check-body' && verdict === 'match');
  store.setState((state) => placeEntry(state, entry, verdict === 'match', wasCounted));
  const { detail } = store.getState();
  if (detail !== null && detail.id === entry.id) void openLogDetail(entry.id);
}
