/**
 * Subscriptions to journal changes: an entry added (its "sending" record is on disk) or updated (a result or
 * a 核对 finding). appCore.ts forwards them to the windows, and automatic 核对 (reconcile/auto.ts) watches
 * for unknown outcomes through them.
 */
import type { JournalChange } from '../../shared/journal';

type JournalListener = (change: JournalChange) => void;

export class JournalEvents {
  private readonly listeners = new Set<JournalListener>();

  /** Returns the unsubscribe function. */
  subscribe(listener: JournalListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: JournalChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A failing listener (say, a closed window) must not break journaling.
      }
    }
  }
}
