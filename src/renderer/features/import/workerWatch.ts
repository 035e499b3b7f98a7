/**
 * Watches an import worker for the ways it can fail without saying so: an uncaught error (including one
 * while loading), a message that cannot be read, and silence (a worker that is stuck or was killed posts
 * nothing, and the dialog would spin for ever). Each ends the job once, with a message for the dialog.
 */
import type { FromWorker } from './importProtocol';

export const WORKER_FAILED_MESSAGE = '导入失败：读取文件时出错（文件可能过大或已损坏），请检查后重试';
export const WORKER_SILENT_MESSAGE = '导入失败：读取文件长时间没有响应（文件可能过大或已损坏），请检查后重试';
/** Generous: SheetJS reads a whole workbook in one go without progress, which on a slow PC takes minutes. */
const WORKER_SILENCE_MS = 5 * 60_000;

/** The part of a Worker this needs, so it can be exercised without a browser. */
interface WorkerPort {
  addEventListener(type: string, listener: (event: Event) => void): void;
}

export interface WorkerTimers {
  readonly set: (run: () => void, ms: number) => unknown;
  readonly clear: (handle: unknown) => void;
}

interface WorkerWatchHandlers {
  readonly onMessage: (message: FromWorker) => void;
  readonly onFailure: (message: string) => void;
}

export interface WorkerWatch {
  /** Stops watching: no handler is called after this. */
  readonly dispose: () => void;
}

const realTimers: WorkerTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function watchWorker(
  port: WorkerPort,
  handlers: WorkerWatchHandlers,
  timers: WorkerTimers = realTimers,
  silenceMs: number = WORKER_SILENCE_MS,
): WorkerWatch {
  let live = true;
  let timer: unknown = null;
  const dispose = (): void => {
    live = false;
    if (timer !== null) timers.clear(timer);
    timer = null;
  };
  const fail = (message: string): void => {
    if (!live) return;
    dispose();
    handlers.onFailure(message);
  };
  const arm = (): void => {
    if (timer !== null) timers.clear(timer);
    timer = timers.set(() => fail(WORKER_SILENT_MESSAGE), silenceMs);
  };

  port.addEventListener('message', (event) => {
    if (!live) return;
    arm();
    handlers.onMessage((event as MessageEvent<FromWorker>).data);
  });
  port.addEventListener('messageerror', () => fail(WORKER_FAILED_MESSAGE));
  port.addEventListener('error', (event) => {
    // Handled here; without this the browser also reports it as an uncaught error of the page.
    event.preventDefault();
    fail(WORKER_FAILED_MESSAGE);
  });
  arm();
  return { dispose };
}
