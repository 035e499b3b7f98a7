/**
 * The renderer's only way to reach main: `window.wdt`, exposed by the preload (or by the Chromium harness)
 * from the contract in src/shared/ipc.ts.
 */
import type { WdtBridge } from '../shared/ipc';
import type { Result } from '../shared/result';

declare global {
  interface Window {
    readonly wdt: WdtBridge;
  }
}

export const wdt: WdtBridge = window.wdt;

/** Unwraps a result for code that shows `error.message` to the user on failure. */
export class CallFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new CallFailed(result.error.code, result.error.message, result.error.details);
}
