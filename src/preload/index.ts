/**
 * The sandboxed preload: exposes `window.wdt` and nothing else: no ipcRenderer, no generic invoke, no
 * process, no Node or Electron object. Event listeners receive only the payload, never the IPC event.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge } from './bridge';

const bridge = buildBridge({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe(channel, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
});

contextBridge.exposeInMainWorld('wdt', bridge);
