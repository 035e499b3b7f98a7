/**
 * The SN index: which created submission first sent each serial number. The scan views refuse an SN found
 * here (handlers.ts) and build their filter of sent SNs from it (sentSnFilterSource.ts). An SN enters once the
 * submission that sent it is known to have created its document (accepted, approval-failed, which also
 * creates it, or found created by 核对); until its outcome is known it waits beside the index.
 */
import { isCreated, type IndexedEntry } from './entry';

export class SnIndex {
  /** SN → the first created submission that sent it; iteration gives the order the SNs were learnt. */
  private readonly created = new Map<string, IndexedEntry>();
  /** SNs of submissions whose outcome is not known yet, by entry id. */
  private readonly waiting = new Map<string, readonly string[]>();

  /** Holds the SNs submission `id` sent until its outcome is known. */
  wait(id: string, sns: readonly string[]): void {
    if (sns.length > 0) this.waiting.set(id, sns);
  }

  /**
   * The outcome of `entry` is known: its waiting SNs enter the index if it created its document. Returns
   * those SNs either way (undefined if none waited), for a caller that keeps an unknown one's for 核对.
   */
  settle(entry: IndexedEntry): readonly string[] | undefined {
    const sns = this.waiting.get(entry.id);
    if (sns === undefined) return undefined;
    this.waiting.delete(entry.id);
    if (isCreated(entry.outcome)) this.addCreated(entry, sns);
    return sns;
  }

  /** Stops waiting for the outcome of `id`, or of every submission when no id is given. */
  forget(id?: string): void {
    if (id === undefined) this.waiting.clear();
    else this.waiting.delete(id);
  }

  /** `entry` created its document and sent `sns`; an SN an earlier submission sent keeps that one. */
  addCreated(entry: IndexedEntry, sns: readonly string[]): void {
    for (const sn of sns) if (!this.created.has(sn)) this.created.set(sn, entry);
  }

  find(sn: string): IndexedEntry | undefined {
    return this.created.get(sn.trim());
  }

  has(sn: string): boolean {
    return this.created.has(sn.trim());
  }

  /** The SNs in the order they were learnt, from the `from`-th on. */
  *from(from: number): Generator<string> {
    let index = 0;
    for (const sn of this.created.keys()) if (index++ >= from) yield sn;
  }

  get size(): number {
    return this.created.size;
  }
}
