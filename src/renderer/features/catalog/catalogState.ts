/**
 * What the document screens need to know about the catalog as a whole: whether it holds anything (an empty
 * catalog must not flag every code as missing), and a React hook that re-renders when cached lookups change.
 * It listens to catalogChanged once and drops the lookup cache when the counts or the profile change, so
 * names and notices follow a sync or a switch of profile.
 */
import { useSyncExternalStore } from 'react';
import { bridge } from '../../stores/bridge';
import type { CatalogCounts, CatalogStatus } from '../../../shared/catalog';
import {
  catalogContentSignature,
  catalogLookupVersion,
  forgetCatalogLookups,
  subscribeCatalogLookups,
} from './catalogLookup';

let status: CatalogStatus | null = null;
let started = false;
const listeners = new Set<() => void>();

function countsTotal(counts: CatalogCounts): number {
  return counts.specs + counts.suites + counts.warehouses + counts.providers + counts.employees;
}

function sameContent(before: CatalogStatus | null, after: CatalogStatus): boolean {
  return before !== null && catalogContentSignature(before) === catalogContentSignature(after);
}

/** Takes a status from main (the first answer or an event); exported for tests. */
export function acceptCatalogStatus(next: CatalogStatus): void {
  const changed = !sameContent(status, next);
  const hadOne = status !== null;
  status = next;
  if (changed && hadOne) forgetCatalogLookups();
  for (const listener of listeners) listener();
}

function start(): void {
  if (started) return;
  started = true;
  try {
    bridge().events.catalogChanged((next) => acceptCatalogStatus(next));
    void bridge()
      .catalogStatus(undefined)
      .then((answer) => {
        if (answer.ok) acceptCatalogStatus(answer.value);
      });
  } catch {
    // A bridge without the catalog (an old preload in a test harness) leaves the catalog "empty".
  }
}

function subscribe(listener: () => void): () => void {
  start();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True once main said the active profile's catalog holds records (and is not still being opened). */
export function catalogHasRecords(): boolean {
  return status !== null && !status.loading && countsTotal(status.counts) > 0;
}

export function useCatalogHasRecords(): boolean {
  return useSyncExternalStore(subscribe, catalogHasRecords, catalogHasRecords);
}

/** Re-renders the caller whenever cached lookups arrive or are dropped. */
export function useCatalogVersion(): number {
  return useSyncExternalStore(subscribeCatalogLookups, catalogLookupVersion, catalogLookupVersion);
}
