/**
 * The stores reach main through `window.wdt`, read when a call is made (not at import), so tests can put a
 * fake bridge on `globalThis.window` and the stores import cleanly in Node.
 */
import type {} from '../api';
import type { WdtBridge } from '../../shared/ipc';

export function bridge(): WdtBridge {
  return window.wdt;
}
