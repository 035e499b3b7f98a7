/**
 * A Bloom filter fetched from main and held for the scan views (heldSentSnFilter.ts, catalogFilter.ts):
 * fetched once however many views ask for it, dropped the moment main reports that what it covers changed,
 * and never installed when it was asked for before the latest drop (it may lack what changed).
 */
import type { Result } from '../../../../shared/result';
import { SnFilter, type SnFilterData } from '../../../../shared/snFilter';

export interface HeldFilter {
  /** The filter, or null while there is none: the caller then looks every value up. */
  current(): SnFilter | null;
  /** Fetches the filter unless it is here or on its way. */
  load(): Promise<void>;
  /** Stops trusting the filter now; a fetch already on its way will not install its answer. */
  drop(): void;
}

export function holdFilter(fetchFromMain: () => Promise<Result<SnFilterData>>): HeldFilter {
  let filter: SnFilter | null = null;
  let loading: Promise<void> | null = null;
  /** Grows with every drop: a filter asked for before one must not be installed after it. */
  let generation = 0;

  async function fetchFilter(asked: number): Promise<void> {
    try {
      const result = await fetchFromMain();
      if (result.ok && asked === generation) filter = SnFilter.from(result.value);
    } catch {
      // No filter: every value is looked up.
    }
  }

  return {
    current: () => filter,
    load() {
      if (filter !== null) return Promise.resolve();
      if (loading !== null) return loading;
      const request = fetchFilter(generation).finally(() => {
        if (loading === request) loading = null;
      });
      loading = request;
      return request;
    },
    drop() {
      generation++;
      filter = null;
      loading = null;
    },
  };
}
