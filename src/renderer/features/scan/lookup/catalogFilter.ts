/**
 * The scan views' view of the local catalog: main's Bloom filter of every spec_no, suite_no and barcode
 * (IPC catalogCodeFilter, keys as catalogFilterKey), and lookups of the codes it may hold. A code the filter
 * lacks is certainly not a product the catalog knows, so its scan is decided at once, as without a catalog;
 * only a code it may hold (every product code, and about 1 in 100 others) waits for a lookup.
 *
 * Held as heldSentSnFilter.ts holds its own (heldFilter.ts): fetched when a scan view opens; dropped and
 * fetched again when main reports the catalog's content changed (a sync wrote records, a file was imported,
 * another profile became active). While there is none, every code is looked up, as it always could be: a
 * barcode scanned the moment a view opens must still find its line.
 */
import { catalogFilterKey, type CatalogMatch } from '../../../../shared/catalog';
import { bridge } from '../../../stores/bridge';
import { catalogContentSignature, forgetCatalogLookups, lookupCodes } from '../../catalog/catalogLookup';
import { holdFilter } from './heldFilter';
import type { ProductCode } from '../model/scanContext';
import type { CatalogCodes } from '../controller/scanQueue';

const held = holdFilter(() => bridge().catalogCodeFilter(undefined));
let watching = false;
/** What the last status said about the content; progress alone (windows read) changes nothing here. */
let contentSignature: string | null = null;
const listeners = new Set<() => void>();
/** Quiet time after the last change before the filter is fetched again. */
const REFETCH_DELAY_MS = 300;

/** False only when the code is certainly not in the catalog. */
export function mayBeInCatalog(code: string): boolean {
  const filter = held.current();
  return filter === null || filter.mayHold(catalogFilterKey(code));
}

/** A catalog answer as the scan takes it: a product (spec or suite) and the barcode it was found by. */
export function productOf(match: CatalogMatch): ProductCode | null {
  if (!match.found || match.kind !== 'spec' || match.value === '') return null;
  return match.barcode === undefined || match.barcode === ''
    ? { specNo: match.value }
    : { specNo: match.value, barcode: match.barcode };
}

export const catalogCodes: CatalogCodes = {
  mayHold: mayBeInCatalog,
  async lookup(codes) {
    const matches = await lookupCodes('spec', codes);
    return matches.map(productOf);
  },
};

/** Fetches the filter unless it is here or on its way, and from then on follows the catalog. */
export function loadCatalogCodeFilter(): Promise<void> {
  watchCatalog();
  return held.load();
}

/** Called when the catalog's content changed, after the filter was dropped (scan queues forget answers). */
export function onCatalogCodesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * One subscription however many scan views are open. The filter is dropped at once (a stale one could take
 * a new product's barcode for an SN) and fetched again after the events settle: a sync reports every batch
 * it writes, and main rebuilds the filter for each fetch.
 */
function watchCatalog(): void {
  if (watching) return;
  watching = true;
  let refetch: ReturnType<typeof setTimeout> | undefined;
  bridge().events.catalogChanged((status) => {
    const signature = catalogContentSignature(status);
    if (signature === contentSignature) return;
    contentSignature = signature;
    held.drop();
    forgetCatalogLookups();
    for (const listener of listeners) listener();
    if (refetch !== undefined) clearTimeout(refetch);
    refetch = setTimeout(() => {
      refetch = undefined;
      void loadCatalogCodeFilter();
    }, REFETCH_DELAY_MS);
  });
}
