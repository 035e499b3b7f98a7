/**
 * Binds the contract to Electron: one ipcMain handler per call on its derived channel, the sender checked
 * on every message, and main's events forwarded to the window. All logic is in ipcDispatch.ts.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ipcCallNames } from '../shared/ipc';
import { callChannel, eventChannel } from '../shared/ipcTypes';
import type { AppCore } from './appCore';
import { isTrustedSender } from './security';

export function bindIpc(core: AppCore, window: BrowserWindow, appUrl: string): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return isTrustedSender(
      {
        url: frame?.url ?? '',
        isMainFrame: frame !== null && frame === event.sender.mainFrame,
        isAppWindow: event.sender === window.webContents,
      },
      appUrl,
    );
  };
  for (const name of ipcCallNames) {
    ipcMain.handle(callChannel(name), (event, input: unknown) =>
      core.dispatch(name, input, { trustedSender: trusted(event) }),
    );
  }
  const unsubscribe = core.onEvent((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(eventChannel(name), payload);
  });
  return () => {
    unsubscribe();
    for (const name of ipcCallNames) ipcMain.removeHandler(callChannel(name));
  };
}
