/**
 * The renderer-crash recovery at the Electron edge, against a fake web contents: a crash reloads the page
 * with a notice, a hung page is ended (which reloads it) unless it recovers, and a page that keeps
 * crashing is not reloaded forever.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  reloadOnRendererCrash,
  RENDERER_RESTARTED_NOTICE,
  type RecoverableContents,
} from '../../src/main/rendererRecovery';
import { openTestCore } from '../support/appCore';

class FakeContents extends EventEmitter implements RecoverableContents {
  reloads = 0;
  killed = 0;
  destroyed = false;
  reload(): void {
    this.reloads += 1;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  forcefullyCrashRenderer(): void {
    this.killed += 1;
    // As Electron does: the renderer is gone, reason 'killed'.
    this.emit('render-process-gone', {}, { reason: 'killed' });
  }
}

function setUp(options: { maxCrashes?: number; windowMs?: number } = {}) {
  const contents = new FakeContents();
  const notices: string[] = [];
  const gaveUp: string[] = [];
  let time = 0;
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  reloadOnRendererCrash(contents, {
    notice: (text) => notices.push(text),
    giveUp: (reason) => gaveUp.push(reason),
    now: () => time,
    hangMs: 30_000,
    setTimer: (run, ms) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
    ...options,
  });
  const crash = (reason = 'crashed'): void => {
    contents.emit('render-process-gone', {}, { reason, exitCode: 1 });
  };
  return { contents, notices, gaveUp, timers, crash, advance: (ms: number) => (time += ms) };
}

describe('a renderer that dies', () => {
  it('is reloaded, and the reloaded page is told the drafts are safe', () => {
    const { contents, notices, crash } = setUp();
    crash('oom');
    expect(contents.reloads).toBe(1);
    expect(notices).toEqual([RENDERER_RESTARTED_NOTICE]);
    expect(RENDERER_RESTARTED_NOTICE).toBe('程序界面意外退出，已自动重新打开；草稿已保存。');
  });

  it('is not reloaded when the page closed normally or the window is gone', () => {
    const { contents, crash } = setUp();
    crash('clean-exit');
    contents.destroyed = true;
    crash('crashed');
    expect(contents.reloads).toBe(0);
  });

  it('stops reloading after 3 crashes in 5 minutes, but crashes far apart keep being reloaded', () => {
    const spaced = setUp();
    for (let i = 0; i < 6; i += 1) {
      spaced.crash();
      spaced.advance(3 * 60_000);
    }
    expect(spaced.contents.reloads).toBe(6);
    expect(spaced.gaveUp).toEqual([]);

    const looping = setUp();
    for (let i = 0; i < 10; i += 1) {
      looping.crash();
      looping.advance(1000);
    }
    expect(looping.contents.reloads).toBe(3);
    expect(looping.gaveUp).toHaveLength(1);
  });
});

describe('a renderer that hangs', () => {
  it('is ended after 30 s and so reloaded; one that recovers in time is left alone', () => {
    const hung = setUp();
    hung.contents.emit('unresponsive');
    hung.contents.emit('unresponsive'); // Electron repeats it; one timer only
    expect(hung.timers).toHaveLength(1);
    expect(hung.timers[0]?.ms).toBe(30_000);
    hung.timers[0]?.run();
    expect(hung.contents.killed).toBe(1);
    expect(hung.contents.reloads).toBe(1);

    const recovering = setUp();
    recovering.contents.emit('unresponsive');
    recovering.contents.emit('responsive');
    expect(recovering.timers[0]?.cleared).toBe(true);
    expect(recovering.contents.killed).toBe(0);
  });
});

describe('the notice for the reloaded page', () => {
  it('is served with the app info the page reads when it loads, once however often it is added', async () => {
    const test = await openTestCore();
    expect((await test.value('getAppInfo', undefined)).startupNotices).toBeUndefined();
    test.core.addStartupNotice(RENDERER_RESTARTED_NOTICE);
    test.core.addStartupNotice(RENDERER_RESTARTED_NOTICE);
    expect((await test.value('getAppInfo', undefined)).startupNotices).toEqual([RENDERER_RESTARTED_NOTICE]);
  });
});
