/**
 * The scan views' copy of main's filter of sent SNs (shared/snFilter.ts): an SN it lacks was certainly never
 * sent, so its scan is taken at once, without a round trip to main. Fetched when a scan view opens; dropped
 * the moment a submission's result is recorded (it may have sent new SNs) and fetched again. While there is
 * none, every SN is looked up, as it always could be.
 */
import { SnFilter } from '../../../shared/snFilter';
import { bridge } from '../../stores/bridge';

let filter: SnFilter | null = null;
let loading: Promise<void> | null = null;
let watching = false;
/** Grows with every journal change: a filter fetched before one must not be installed after it. */
let generation = 0;

/** True only when the SN was certainly never sent in an accepted submission. */
export function certainlyNotSent(sn: string): boolean {
  return filter !== null && !filter.mayHold(sn);
}

async function fetchFilter(asked: number): Promise<void> {
  try {
    const result = await bridge().sentSnFilter(undefined);
    if (result.ok && asked === generation) filter = SnFilter.from(result.value);
  } catch {
    // No filter: every SN is looked up.
  }
}

/** Fetches the filter unless it is here or on its way, and from then on follows the journal. */
export function loadSentSnFilter(): Promise<void> {
  watchJournal();
  if (filter !== null) return Promise.resolve();
  if (loading !== null) return loading;
  const asked = generation;
  const request = fetchFilter(asked).finally(() => {
    if (loading === request) loading = null;
  });
  loading = request;
  return request;
}

/**
 * One subscription however many scan views are open. Main adds a submission's SNs to its filter when the
 * result is recorded ('updated'); a new submission ('added') has sent nothing yet, so it costs no refetch.
 */
function watchJournal(): void {
  if (watching) return;
  watching = true;
  bridge().events.journalChanged((change) => {
    if (change.type !== 'updated') return;
    // Stop trusting the filter now, and fetch a new one.
    generation++;
    filter = null;
    loading = null;
    void loadSentSnFilter();
  });
}
