/**
 * When the window's renderer dies (a crash, out of memory, killed), Electron leaves the window blank. This
 * reloads it and leaves a notice for the reloaded page (程序界面意外退出…): drafts are on disk in main, so
 * the reloaded page finds them. A renderer that hangs is given time to recover, then ended, which reloads
 * it the same way.
 *
 * No loop: a page that crashes again and again (say, on something it reads at start) would reload forever,
 * burning CPU and never letting the user act. After `maxCrashes` within `windowMs` it stops reloading and
 * leaves the window blank; nothing is lost (the drafts and journal are main's), and the user can close
 * and restart the app. A page of our own would itself need the renderer that keeps dying, and a native
 * dialog would pop up over whatever the user is doing; `giveUp` lets the edge log why.
 *
 * Takes a webContents-like interface so it is tested in Node with a fake; Electron's is passed in window.ts.
 */

export const RENDERER_RESTARTED_NOTICE = '程序界面意外退出，已自动重新打开；草稿已保存。';

/** The part of Electron's WebContents used here. */
export interface RecoverableContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  reload(): void;
  isDestroyed(): boolean;
  forcefullyCrashRenderer(): void;
}

interface RecoveryOptions {
  /** Leaves a notice for the reloaded page to show (AppCore.addStartupNotice). */
  readonly notice: (text: string) => void;
  /** Called once when reloading stops; the edge logs it. */
  readonly giveUp: (reason: string) => void;
  readonly now?: () => number;
  /** Reloads allowed within `windowMs` (3 in 5 minutes unless given). */
  readonly maxCrashes?: number;
  readonly windowMs?: number;
  /** How long a hung renderer may stay unresponsive before it is ended (30 s unless given). */
  readonly hangMs?: number;
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
}

/** Reasons that are not failures: the page was closed, or the app is quitting. */
const NOT_A_CRASH = new Set(['clean-exit']);

export function reloadOnRendererCrash(contents: RecoverableContents, options: RecoveryOptions): void {
  const now = options.now ?? Date.now;
  const maxCrashes = options.maxCrashes ?? 3;
  const windowMs = options.windowMs ?? 5 * 60_000;
  const hangMs = options.hangMs ?? 30_000;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout));
  let crashes: number[] = [];
  let stopped = false;
  let hang: unknown;

  const clearHang = (): void => {
    if (hang !== undefined) clearTimer(hang);
    hang = undefined;
  };

  contents.on('render-process-gone', (_event, details) => {
    clearHang();
    if (stopped || NOT_A_CRASH.has(details.reason) || contents.isDestroyed()) return;
    const at = now();
    crashes = crashes.filter((time) => at - time < windowMs);
    crashes.push(at);
    if (crashes.length > maxCrashes) {
      stopped = true;
      options.giveUp(`renderer gone ${crashes.length} times in ${windowMs} ms (last: ${details.reason})`);
      return;
    }
    options.notice(RENDERER_RESTARTED_NOTICE);
    contents.reload();
  });
  contents.on('unresponsive', () => {
    if (stopped || hang !== undefined) return;
    hang = setTimer(() => {
      hang = undefined;
      if (!contents.isDestroyed()) contents.forcefullyCrashRenderer();
    }, hangMs);
  });
  contents.on('responsive', clearHang);
}
