/**
 * The renderer's only way to reach main: `window.wdt`, exposed by the preload (or by the Chromium harness)
 * from the contract in src/shared/ipc.ts. The stores read it when a call is made (not at import), so tests
 * can put a fake bridge on `globalThis.window` and the stores import cleanly in Node.
 */
import type { WdtBridge } from '../../shared/ipc';
import type { Result } from '../../shared/result';

declare global {
  interface Window {
    readonly wdt: WdtBridge;
  }
}

export function bridge(): WdtBridge {
  return window.wdt;
}

/** A call whose IPC itself failed (the window closing) becomes an ordinary failed result, shown like any other. */
export async function callSafely<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'INTERNAL', message: `与主进程通信失败：${message}` } };
  }
}
