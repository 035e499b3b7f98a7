/**
 * The Electron entry: single instance, no default menu in production, a hardened session and window, and
 * the app core (every real decision lives there, tested without Electron) bound to IPC.
 */
import type { BrowserWindow } from 'electron';
import { app, Menu } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openAppCore, type AppCore } from './appCore';
import { bindIpc } from './ipc';
import { createElectronStore } from './platform/electronStore';
import { createSafeStorageEncryptor } from './platform/safeStorageEncryptor';
import { createMainWindow, hardenSession } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
const isDevelopment = !app.isPackaged && process.env['ELECTRON_RENDERER_URL'] !== undefined;
let core: AppCore | undefined;
let window: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  // Two instances would write one journal at once; the first one is brought forward instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    void core?.close();
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  if (!isDevelopment) Menu.setApplicationMenu(null);
  hardenSession();
  const opening = openAppCore({
    dataFolder: app.getPath('userData'),
    encryptor: createSafeStorageEncryptor(),
    store: createElectronStore(),
    fetch: globalThis.fetch,
    version: app.getVersion(),
    logError: (context, error) =>
      console.error(`[wdt-desk] ${context}:`, error instanceof Error ? error.stack : error),
  });
  void opening.then((opened) => (core = opened));
  const appUrl = isDevelopment
    ? (process.env['ELECTRON_RENDERER_URL'] ?? '')
    : pathToFileURL(join(here, '../renderer/index.html')).href;
  window = createMainWindow({ preloadPath: join(here, '../preload/index.cjs'), appUrl, isDevelopment });
  bindIpc(opening, window, appUrl);
}
