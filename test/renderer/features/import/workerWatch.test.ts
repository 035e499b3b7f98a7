import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../../../../src/renderer/features/import/importProtocol';
import {
  watchWorker,
  WORKER_FAILED_MESSAGE,
  WORKER_SILENT_MESSAGE,
  type WorkerTimers,
} from '../../../../src/renderer/features/import/workerWatch';

/** Timers the test advances by hand. */
class ManualClock implements WorkerTimers {
  now = 0;
  private pending = new Map<number, { at: number; run: () => void }>();
  private next = 1;
  set = (run: () => void, ms: number): unknown => {
    const id = this.next++;
    this.pending.set(id, { at: this.now + ms, run });
    return id;
  };
  clear = (handle: unknown): void => {
    this.pending.delete(handle as number);
  };
  advance(ms: number): void {
    this.now += ms;
    for (const [id, timer] of [...this.pending]) {
      if (timer.at <= this.now) {
        this.pending.delete(id);
        timer.run();
      }
    }
  }
}

function setup() {
  const port = new EventTarget();
  const clock = new ManualClock();
  const messages: FromWorker[] = [];
  const failures: string[] = [];
  const watch = watchWorker(
    port,
    { onMessage: (message) => messages.push(message), onFailure: (message) => failures.push(message) },
    clock,
    60_000,
  );
  const post = (data: FromWorker): void => {
    port.dispatchEvent(new MessageEvent('message', { data }));
  };
  return { port, clock, messages, failures, watch, post };
}

const progress: FromWorker = { type: 'progress', progress: { phase: 'reading', done: 0, total: 0 } };

describe('watching the import worker', () => {
  it('passes the worker’s messages on', () => {
    const { messages, failures, post } = setup();
    post(progress);
    expect(messages).toEqual([progress]);
    expect(failures).toEqual([]);
  });

  it('reports a worker that throws or dies, once', () => {
    const { port, failures } = setup();
    const error = new Event('error', { cancelable: true });
    port.dispatchEvent(error);
    port.dispatchEvent(new Event('error', { cancelable: true }));
    expect(failures).toEqual([WORKER_FAILED_MESSAGE]);
    expect(error.defaultPrevented).toBe(true);
  });

  it('reports a message that cannot be read', () => {
    const { port, failures } = setup();
    port.dispatchEvent(new Event('messageerror'));
    expect(failures).toEqual([WORKER_FAILED_MESSAGE]);
  });

  it('reports a worker that stops answering, counting from its last message', () => {
    const { clock, failures, post } = setup();
    clock.advance(50_000);
    post(progress);
    clock.advance(50_000);
    expect(failures).toEqual([]);
    clock.advance(10_000);
    expect(failures).toEqual([WORKER_SILENT_MESSAGE]);
  });

  it('says nothing once the job is over', () => {
    const { port, clock, failures, messages, watch, post } = setup();
    watch.dispose();
    clock.advance(120_000);
    port.dispatchEvent(new Event('error', { cancelable: true }));
    post(progress);
    expect(failures).toEqual([]);
    expect(messages).toEqual([]);
  });
});
