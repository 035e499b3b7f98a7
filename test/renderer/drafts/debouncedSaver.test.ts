import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDraftSaver } from '../../../src/renderer/drafts/debouncedSaver';

describe('createDraftSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('turns a burst of changes into one save of the latest state', async () => {
    const saves: [string, number][] = [];
    const saver = createDraftSaver<number>({
      delayMs: 300,
      save: async (id, data) => void saves.push([id, data]),
    });
    let state = 0;
    for (let i = 0; i < 5; i += 1) {
      state += 1;
      saver.schedule('doc.a', () => state);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(saves).toEqual([['doc.a', 5]]);
  });

  it('flush saves at once and resolves after the save landed', async () => {
    const saves: number[] = [];
    const saver = createDraftSaver<number>({
      delayMs: 300,
      save: async (_id, data) => void saves.push(data),
    });
    saver.schedule('doc.a', () => 7);
    await saver.flush();
    expect(saves).toEqual([7]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toEqual([7]);
  });

  it('saves land in order even when an earlier save is slower', async () => {
    const landed: number[] = [];
    const saver = createDraftSaver<number>({
      delayMs: 10,
      save: (_id, data) =>
        new Promise((resolve) => {
          setTimeout(
            () => {
              landed.push(data);
              resolve(undefined);
            },
            data === 1 ? 500 : 5,
          );
        }),
    });
    saver.schedule('doc.a', () => 1);
    await vi.advanceTimersByTimeAsync(20);
    saver.schedule('doc.a', () => 2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(landed).toEqual([1, 2]);
  });

  it('a failed save is reported and later saves still run', async () => {
    const errors: unknown[] = [];
    const landed: number[] = [];
    const saver = createDraftSaver<number>({
      delayMs: 10,
      save: async (_id, data) => {
        if (data === 1) throw new Error('disk full');
        landed.push(data);
      },
      onError: (error) => errors.push(error),
    });
    saver.schedule('doc.a', () => 1);
    await saver.flush();
    saver.schedule('doc.a', () => 2);
    await saver.flush();
    expect(errors).toHaveLength(1);
    expect(landed).toEqual([2]);
  });

  it('cancelThen drops the pending save and runs the task after saves already started', async () => {
    const events: string[] = [];
    const saver = createDraftSaver<number>({
      delayMs: 300,
      save: async (_id, data) => void events.push(`save ${data}`),
    });
    saver.schedule('doc.b', () => 1);
    void saver.flush();
    saver.schedule('doc.b', () => 2);
    await saver.cancelThen('doc.b', async () => void events.push('delete'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toEqual(['save 1', 'delete']);
  });
});
