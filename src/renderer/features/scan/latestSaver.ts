/**
 * Saves one thing as often as it changes without piling up writes: a request while a write is under way
 * replaces any request still waiting, and the snapshot is taken when its write starts. So every accepted
 * scan is written at once when nothing is in flight, and a burst costs one write in flight plus one queued,
 * each with everything accepted so far. Writes never overlap, so an older snapshot never lands last.
 */
export interface LatestSaver<T> {
  request(snapshot: () => T): void;
  /** Resolves when everything requested so far is written. */
  idle(): Promise<void>;
}

export function createLatestSaver<T>(
  write: (data: T) => Promise<void>,
  onError: (error: unknown) => void,
): LatestSaver<T> {
  let waiting: (() => T) | null = null;
  let running: Promise<void> | null = null;

  const run = async (): Promise<void> => {
    while (waiting !== null) {
      const snapshot = waiting;
      waiting = null;
      try {
        await write(snapshot());
      } catch (error) {
        onError(error);
      }
    }
    running = null;
  };

  return {
    request(snapshot) {
      waiting = snapshot;
      running ??= run();
    },
    idle() {
      return running ?? Promise.resolve();
    },
  };
}
