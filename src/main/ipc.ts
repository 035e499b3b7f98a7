/**
 * Binds the contract to Electron: one ipcMain handler per call on its derived channel, the sender checked
 * on every message, and main's events forwarded to the window. All logic is in ipcDispatch.ts.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ipcCallNames } from '../shared/ipc';
import { callChannel, eventChannel } from '../shared/ipcTypes';
import type { AppCore } from './appCore';
import { isTrustedSender } from './security';

/**
 * Takes the core as a promise so the window can open while the journal is still being replayed (about a
 * second at 100,000 entries); the first calls simply wait for it.
 */
export function bindIpc(opening: Promise<AppCore>, window: BrowserWindow, appUrl: string): () => void {
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
    ipcMain.handle(callChannel(name), async (event, input: unknown) =>
      (await opening).dispatch(name, input, { trustedSender: trusted(event) }),
    );
  }
  const unsubscribe = opening.then((core) =>
    core.onEvent((name, payload) => {
      if (!window.isDestroyed()) window.webContents.send(eventChannel(name), payload);
    }),
  );
  return () => {
    void unsubscribe.then((stop) => stop());
    for (const name of ipcCallNames) ipcMain.removeHandler(callChannel(name));
  };
}
