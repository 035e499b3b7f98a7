/**
 * Saves drafts as the user works: a burst of keystrokes becomes one save ~300 ms after the last one, a
 * flush (blur, tab hidden, window closing) saves at once, and saves run one after another so an older
 * snapshot can never land after a newer one. The snapshot is taken when the save runs, not when scheduled,
 * so a 10,000-row grid is serialized once per burst rather than once per keystroke.
 */
import { createSerialQueue } from '../../shared/serialQueue';

interface DraftSaverOptions<T> {
  readonly save: (id: string, data: T) => Promise<unknown>;
  readonly delayMs: number;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  readonly onError?: (error: unknown) => void;
}

export interface DraftSaver<T> {
  /** Save `snapshot()` for `id` after the quiet period; a later schedule for the same id replaces it. */
  schedule(id: string, snapshot: () => T): void;
  /** Save everything pending now; resolves when every save so far has landed. */
  flush(): Promise<void>;
  /** Forget a pending save for `id` and run `task` after every save already started (e.g. a delete). */
  cancelThen(id: string, task: () => Promise<unknown>): Promise<void>;
}

export function createDraftSaver<T>(options: DraftSaverOptions<T>): DraftSaver<T> {
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer =
    options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const pending = new Map<string, () => T>();
  let timer: unknown;
  const queue = createSerialQueue();

  // A failed save is reported and does not hold up the saves behind it.
  const enqueue = (task: () => Promise<unknown>): Promise<void> =>
    queue.run(async () => {
      try {
        await task();
      } catch (error) {
        options.onError?.(error);
      }
    });

  const flush = (): Promise<void> => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    for (const [id, snapshot] of pending) {
      pending.delete(id);
      void enqueue(() => options.save(id, snapshot()));
    }
    return queue.idle();
  };

  return {
    schedule(id, snapshot) {
      pending.set(id, snapshot);
      if (timer !== undefined) clearTimer(timer);
      timer = setTimer(() => {
        timer = undefined;
        void flush();
      }, options.delayMs);
    },
    flush,
    cancelThen(id, task) {
      pending.delete(id);
      return enqueue(task);
    },
  };
}
