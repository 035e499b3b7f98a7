import { describe, expect, it } from 'vitest';
import { createClockOffsetStore, learnOffset, offsetFromDateHeader } from '../../../src/main/wdt/clock';

describe('clock offset', () => {
  it('estimates server minus local time from the Date header, within a second', () => {
    const local = Date.parse('2024-05-01T08:00:00.000Z');
    const serverDate = new Date(local + 600_000).toUTCString();
    const estimate = offsetFromDateHeader(serverDate, local, local + 100);
    expect(estimate).toBeDefined();
    expect(Math.abs((estimate ?? 0) - 600_000)).toBeLessThanOrEqual(1000);
  });

  it('ignores a missing or unreadable Date header', () => {
    expect(offsetFromDateHeader(null, 0, 0)).toBeUndefined();
    expect(offsetFromDateHeader('yesterday-ish', 0, 0)).toBeUndefined();
  });

  it('reports changes for persistence, but not noise from the header resolution', () => {
    const changes: number[] = [];
    const store = createClockOffsetStore(0, (ms) => changes.push(ms));
    learnOffset(store, 800);
    expect(store.get()).toBe(0);
    learnOffset(store, -300_000);
    expect(store.get()).toBe(-300_000);
    learnOffset(store, -299_500, true);
    expect(changes).toEqual([-300_000, -299_500]);
  });
});
