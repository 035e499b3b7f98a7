/**
 * The renderer's one way to ask what codes are in the catalog: lookups are cached per kind and code (a grid
 * re-renders often; a name must not cost an IPC call each time) and the cache is dropped whenever main says
 * the catalog changed (a sync wrote records, another profile became active). Misses are cached too: most
 * codes of a document are asked for many times, and main answers "not found" for a catalog still loading.
 */
import { bridge } from '../../stores/bridge';
import {
  catalogLimits,
  type CatalogKind,
  type CatalogMatch,
  type CatalogStatus,
} from '../../../shared/catalog';

const NOT_FOUND: CatalogMatch = { found: false };
const cache = new Map<string, CatalogMatch>();
let generation = 0;
const listeners = new Set<() => void>();

function keyOf(kind: CatalogKind, code: string): string {
  return `${kind}\u0000${code}`;
}

/** The cached answer, or undefined when it was never asked for (call lookupCodes to fill it). */
export function cachedMatch(kind: CatalogKind, code: string): CatalogMatch | undefined {
  return cache.get(keyOf(kind, code));
}

/**
 * What each code is, in order; asks main only for codes not cached. A failed call answers "not found" for
 * the codes it asked for without caching them: the catalog never blocks work, it only helps.
 */
export async function lookupCodes(kind: CatalogKind, codes: readonly string[]): Promise<CatalogMatch[]> {
  const askedIn = generation;
  const missing = [...new Set(codes.filter((code) => code !== '' && !cache.has(keyOf(kind, code))))];
  let added = false;
  for (let start = 0; start < missing.length; start += catalogLimits.lookupMax) {
    const part = missing.slice(start, start + catalogLimits.lookupMax);
    // A call that throws (main gone, a bridge without the catalog) is a failed call too.
    const answer = await bridge()
      .lookupInCatalog({ kind, codes: part })
      .catch(() => null);
    if (answer === null || !answer.ok || answer.value.length !== part.length) break;
    // An answer to a question asked before the catalog changed may be stale: use it, do not keep it.
    if (askedIn !== generation) return codes.map(() => NOT_FOUND);
    part.forEach((code, index) => cache.set(keyOf(kind, code), answer.value[index] ?? NOT_FOUND));
    added = true;
  }
  // Only new answers are news: a notification for a call that found everything cached would make every
  // "look up what is on screen when the cache changes" effect run forever.
  if (added && askedIn === generation) notify();
  return codes.map((code) => cache.get(keyOf(kind, code)) ?? NOT_FOUND);
}

/** One code; the common case of a scan or a typed cell. */
export async function lookupCode(kind: CatalogKind, code: string): Promise<CatalogMatch> {
  const [match] = await lookupCodes(kind, [code]);
  return match ?? NOT_FOUND;
}

/**
 * What a status says about the catalog's content: two statuses with the same signature answer every lookup
 * alike, so cached answers (and the scan views' code filter) stay valid; sync progress alone changes nothing.
 */
export function catalogContentSignature(status: CatalogStatus): string {
  return JSON.stringify([
    status.profileId,
    status.counts,
    status.origin,
    status.syncedUpTo ?? null,
    status.lastFullAt ?? null,
    status.loading,
    status.sync?.state ?? null,
  ]);
}

/** Called when main reports catalogChanged with another content signature (see above). */
export function forgetCatalogLookups(): void {
  cache.clear();
  generation += 1;
  notify();
}

/** For React: re-read cached names after lookups arrive or the catalog changes. */
export function subscribeCatalogLookups(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Changes whenever cached answers may have changed (useSyncExternalStore's snapshot). */
export function catalogLookupVersion(): number {
  return version;
}

let version = 0;
function notify(): void {
  version += 1;
  for (const listener of listeners) listener();
}
