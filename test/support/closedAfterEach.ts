/**
 * An opener whose every result is closed after each test: simulators, catalogs and the like that a test
 * opens as it goes and must not outlive it. Closed all at once: none depends on another.
 */
import { afterEach } from 'vitest';

export function closedAfterEach<A extends unknown[], T extends { close(): Promise<void> }>(
  open: (...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  const opened: T[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((item) => item.close()));
  });
  return async (...args) => {
    const item = await open(...args);
    opened.push(item);
    return item;
  };
}
