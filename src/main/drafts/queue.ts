/**
 * The order of the draft store's work. Operations on one draft (saves, patches, loads, deletes, compaction)
 * run one at a time in call order, so they reach the disk as the renderer made them; different drafts go
 * side by side. A full save waiting for its turn takes the content of the saves requested after it, so a
 * burst of saves costs at most one write in flight and one queued.
 */
import { createKeyedSerialQueue } from '../../shared/serialQueue';

export class DraftQueue<SaveContent, SaveResult> {
  private readonly queue = createKeyedSerialQueue<string>();
  /** Every operation not yet settled, so close() can wait for all of them. */
  private readonly inFlight = new Set<Promise<void>>();
  /** Per draft: the save waiting behind the operation under way; newer saves replace its content. */
  private readonly waiting = new Map<string, { save: { content: SaveContent }; done: Promise<SaveResult> }>();

  /** `write` performs one save with the latest content it was given. */
  constructor(private readonly write: (id: string, content: SaveContent) => Promise<SaveResult>) {}

  /** Runs `task` after every operation on `id` queued so far; settles as the task does. */
  run<T>(id: string, task: () => Promise<T>): Promise<T> {
    const result = this.queue.run(id, task);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
    return result;
  }

  /**
   * Queues a save of `content`, or gives `content` to the save of `id` still waiting for its turn (both
   * callers then get that save's outcome).
   */
  save(id: string, content: SaveContent): Promise<SaveResult> {
    const waiting = this.waiting.get(id);
    if (waiting) {
      waiting.save.content = content;
      return waiting.done;
    }
    const save = { content };
    const done = this.run(id, () => {
      // From here on, newer saves queue behind this write instead of changing it.
      if (this.waiting.get(id)?.save === save) this.waiting.delete(id);
      return this.write(id, save.content);
    });
    this.waiting.set(id, { save, done });
    return done;
  }

  /** Saves of `id` requested from now on queue behind what is queued, instead of joining a waiting save. */
  endMerging(id: string): void {
    this.waiting.delete(id);
  }

  /** Resolves once every operation queued so far, and any they queued meanwhile, has settled. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }
}
