/**
 * Builds `window.wdt` from the contract: one function per call and one subscription per event, each
 * bound to its derived channel. It takes the transport as a parameter, so the Electron preload
 * (ipcRenderer) and the Chromium harness (Playwright bindings) expose exactly the same object.
 */
import { ipcCallNames, ipcEventNames, type WdtBridge } from '../shared/ipc';
import { callChannel, eventChannel } from '../shared/ipcTypes';

interface BridgeTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Delivers only the payload to the listener; returns the unsubscribe. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

export function buildBridge(transport: BridgeTransport): WdtBridge {
  const calls: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of ipcCallNames) {
    const channel = callChannel(name);
    calls[name] = (input) => transport.invoke(channel, input);
  }
  const events: Record<string, (listener: (payload: unknown) => void) => () => void> = {};
  for (const name of ipcEventNames) {
    const channel = eventChannel(name);
    events[name] = (listener) => transport.subscribe(channel, listener);
  }
  return Object.freeze({ ...calls, events: Object.freeze(events) }) as unknown as WdtBridge;
}
