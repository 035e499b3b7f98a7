/**
 * Runs asynchronous tasks strictly one after another, in the order they were given: a task starts only once
 * the one before it has settled, whether it succeeded or failed. Each caller gets its own task's outcome; a
 * failure never blocks the tasks behind it. Used wherever two writers of the same thing (a draft file, the
 * journal, a catalog file) must never interleave.
 */
interface SerialQueue {
  /** Queues `task`; resolves or rejects as the task does. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves once every task queued so far has settled (never rejects). */
  idle(): Promise<void>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<void> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task);
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    idle: () => tail,
  };
}

/**
 * One serial queue per key (a draft id, a file): tasks of the same key never interleave, tasks of different
 * keys run side by side. A key's queue is dropped once it is idle, so keys seen once cost nothing later.
 */
interface KeyedSerialQueue<K> {
  run<T>(key: K, task: () => Promise<T>): Promise<T>;
  /** Resolves once every task queued so far under `key` has settled. */
  idle(key: K): Promise<void>;
}

export function createKeyedSerialQueue<K>(): KeyedSerialQueue<K> {
  const tails = new Map<K, Promise<void>>();
  return {
    run<T>(key: K, task: () => Promise<T>): Promise<T> {
      const result = (tails.get(key) ?? Promise.resolve()).then(task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    idle: (key) => tails.get(key) ?? Promise.resolve(),
  };
}
