/**
 * The filter of sent SNs that scan views hold (shared/snFilter.ts), built from the journal and then only
 * added to: every scan view asks for it when it opens and after each submission, and building it for a
 * million SNs takes some 400 ms, while adding a submission's SNs takes microseconds. It is built anew with
 * more room once the journal outgrows it, which keeps the false-positive rate near its promise.
 */
import { SnFilterBuilder, type SnFilterData } from '../../shared/snFilter';
import type { Journal } from './journal';

/** Room to grow before the next rebuild: a quarter more than the SNs there are. */
const HEADROOM = 1.25;

export function createSentSnFilterSource(): (journal: Journal) => SnFilterData {
  let source: Journal | null = null;
  let builder: SnFilterBuilder | null = null;
  let data: SnFilterData | null = null;
  return (journal) => {
    const count = journal.acceptedSnCount;
    if (builder === null || source !== journal || count > builder.capacity) {
      source = journal;
      builder = new SnFilterBuilder(Math.ceil(count * HEADROOM));
      data = null;
    }
    if (builder.count < count) {
      for (const sn of journal.acceptedSns(builder.count)) builder.add(sn);
      data = null;
    }
    data ??= builder.data();
    return data;
  };
}
