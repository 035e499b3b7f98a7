/**
 * The 商品目录 section's state: main's status of the active profile's catalog (the first answer, then every
 * catalogChanged event) and what this window asked for (a sync being started, a cancel, their failures).
 * Every catalogChanged drops the cached lookups, so names beside codes follow a sync as it writes.
 */
import { useSyncExternalStore } from 'react';
import { createStore } from 'zustand/vanilla';
import type { CatalogStatus, CatalogSyncMode } from '../../../shared/catalog';
import type { Result } from '../../../shared/result';
import { bridge } from '../../stores/bridge';

interface CatalogPanelState {
  /** null until main answered. */
  readonly status: CatalogStatus | null;
  /** A call of this window is under way (start or cancel): its button waits. */
  readonly asking: 'sync' | 'cancel' | null;
  /** Why the last call failed, in Chinese; cleared by the next one. */
  readonly error: string | null;
}

const initial: CatalogPanelState = { status: null, asking: null, error: null };
const store = createStore<CatalogPanelState>(() => initial);

async function callSafely<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接到程序主进程，请重启程序。' } };
  }
}

/** A status from main: an answer or an event, each main's state when it was sent. */
export function acceptPanelStatus(status: CatalogStatus): void {
  store.setState({ status });
}

export function getCatalogPanelState(): CatalogPanelState {
  return store.getState();
}

export function useCatalogPanel(): CatalogPanelState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}

/** Asks main for the status and follows its events until the returned function is called. */
export function watchCatalog(): () => void {
  // Cached names are dropped by catalogState.ts, and only when the content changed (not on progress).
  const stop = bridge().events.catalogChanged((status) => acceptPanelStatus(status));
  void callSafely(() => bridge().catalogStatus(undefined)).then((answer) => {
    if (answer.ok) acceptPanelStatus(answer.value);
    else store.setState({ error: answer.error.message });
  });
  return stop;
}

/** `since`: YYYY-MM-DD, where a full sync starts reading. */
export async function startCatalogSync(mode: CatalogSyncMode, since?: string): Promise<void> {
  if (store.getState().asking) return;
  store.setState({ asking: 'sync', error: null });
  const answer = await callSafely(() =>
    bridge().syncCatalog(mode === 'full' && since ? { mode, since } : { mode }),
  );
  store.setState(
    answer.ok ? { asking: null, status: answer.value } : { asking: null, error: answer.error.message },
  );
}

export async function cancelCatalogSync(): Promise<void> {
  if (store.getState().asking === 'cancel') return;
  store.setState({ asking: 'cancel', error: null });
  const answer = await callSafely(() => bridge().cancelCatalogSync(undefined));
  store.setState(
    answer.ok ? { asking: null, status: answer.value } : { asking: null, error: answer.error.message },
  );
}

/** Forgets everything (tests). */
export function resetCatalogPanel(): void {
  store.setState(initial, true);
}
