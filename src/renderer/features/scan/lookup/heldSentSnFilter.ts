/**
 * The scan views' copy of main's filter of sent SNs (shared/snFilter.ts): an SN it lacks was certainly never
 * sent, so its scan is taken at once, without a round trip to main. Fetched when a scan view opens; dropped
 * the moment a submission's result is recorded (it may have sent new SNs) and fetched again. While there is
 * none, every SN is looked up, as it always could be.
 */
import { bridge } from '../../../stores/bridge';
import { holdFilter } from './heldFilter';

const held = holdFilter(() => bridge().sentSnFilter(undefined));
let watching = false;

/** True only when the SN was certainly never sent in an accepted submission. */
export function certainlyNotSent(sn: string): boolean {
  const filter = held.current();
  return filter !== null && !filter.mayHold(sn);
}

/** Fetches the filter unless it is here or on its way, and from then on follows the journal. */
export function loadSentSnFilter(): Promise<void> {
  watchJournal();
  return held.load();
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
    held.drop();
    void loadSentSnFilter();
  });
}
