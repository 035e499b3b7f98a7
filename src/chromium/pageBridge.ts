/**
 * Runs in the page before the app loads (bundled into an init script): defines `window.wdt` with the
 * same bridge the Electron preload builds, forwarding calls to the host's binding and receiving main's
 * events from it. Written without DOM types: it only touches two globals.
 */
import { buildBridge } from '../preload/bridge';

interface HostGlobals {
  __wdtInvoke(channel: string, input: unknown): Promise<unknown>;
  __wdtEmit?: (channel: string, payload: unknown) => void;
  wdt?: unknown;
}

const host = globalThis as unknown as HostGlobals;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

host.__wdtEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};

Object.defineProperty(globalThis, 'wdt', {
  value: buildBridge({
    invoke: (channel, input) => host.__wdtInvoke(channel, input),
    subscribe(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  }),
  writable: false,
  configurable: false,
});
