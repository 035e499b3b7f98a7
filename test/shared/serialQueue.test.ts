import { describe, expect, it } from 'vitest';
import { createKeyedSerialQueue, createSerialQueue } from '../../src/shared/serialQueue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('createSerialQueue', () => {
  it('runs tasks one after another in order, a failure not blocking the next', async () => {
    const queue = createSerialQueue();
    const events: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        events.push(`${name} start`);
        await tick();
        events.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const a = queue.run(task('a'));
    const b = queue.run(task('b', true));
    const c = queue.run(task('c'));
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('b');
    await expect(c).resolves.toBe('c');
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('idle waits for every queued task and never rejects', async () => {
    const queue = createSerialQueue();
    let done = false;
    void queue.run(async () => {
      await tick();
      done = true;
    });
    void queue.run(() => Promise.reject(new Error('x'))).catch(() => undefined);
    await queue.idle();
    expect(done).toBe(true);
  });
});

describe('createKeyedSerialQueue', () => {
  it('serializes per key and lets different keys overlap', async () => {
    const queue = createKeyedSerialQueue<string>();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name}+`);
      await tick();
      events.push(`${name}-`);
    };
    await Promise.all([queue.run('x', task('x1')), queue.run('y', task('y1')), queue.run('x', task('x2'))]);
    expect(events.indexOf('x1-')).toBeLessThan(events.indexOf('x2+'));
    expect(events.indexOf('y1+')).toBeLessThan(events.indexOf('x1-'));
    await queue.idle('x');
  });
});
