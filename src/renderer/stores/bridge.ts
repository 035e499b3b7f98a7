/**
 * The renderer's only way to reach main: `window.wdt`, exposed by the preload (or by the Chromium harness)
 * from the contract in src/shared/ipc.ts. The stores read it when a call is made (not at import), so tests
 * can put a fake bridge on `globalThis.window` and the stores import cleanly in Node.
 */
import type { WdtBridge } from '../../shared/ipc';

declare global {
  interface Window {
    readonly wdt: WdtBridge;
  }
}

export function bridge(): WdtBridge {
  return window.wdt;
}
