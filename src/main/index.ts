/**
 * The Electron entry: single instance, no default menu in production, a hardened session and window, and
 * the app core (every real decision lives there, tested without Electron) bound to IPC.
 */
import type { BrowserWindow } from 'electron';
import { app, Menu, protocol } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAppCore, type AppCore } from './appCore';
import { openCatalogWorker } from './catalog/workerHost';
import { answerAppRequest, APP_SCHEME, appProtocolUrl, appSchemePrivileges } from './appProtocol';
import { bindIpc } from './ipc';
import { createElectronStore } from './platform/electronStore';
import { createSafeStorageEncryptor } from './platform/safeStorageEncryptor';
import { createElectronNetwork } from './platform/electronNet';
import { createElectronPrintSurface } from './platform/printElectron';
import { guardAllWebContents } from './webContentsGuard';
import { createMainWindow, hardenSession } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
const isDevelopment = !app.isPackaged && process.env['ELECTRON_RENDERER_URL'] !== undefined;
let core: AppCore | undefined;
let window: BrowserWindow | undefined;
/** The packaged renderer comes from our own scheme, never file:// (see appProtocol.ts). */
const appUrl = isDevelopment ? (process.env['ELECTRON_RENDERER_URL'] ?? '') : appProtocolUrl;

// Both must happen before the app is ready: the scheme's privileges, and the guard on every web contents.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
guardAllWebContents(app, appUrl);

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

function logError(context: string, error: unknown): void {
  console.error(`[wdt-desk] ${context}:`, error instanceof Error ? error.stack : error);
}

async function start(): Promise<void> {
  if (!isDevelopment) Menu.setApplicationMenu(null);
  hardenSession();
  const opening = openAppCore({
    dataFolder: app.getPath('userData'),
    encryptor: createSafeStorageEncryptor(),
    store: createElectronStore(),
    // Profiles reach their ERP through Chromium's network stack (system proxy, PAC, Windows certificates);
    // Node's fetch serves only what has no profile network.
    fetch: globalThis.fetch,
    network: createElectronNetwork,
    version: app.getVersion(),
    logError,
    // The catalog in a worker thread: opening a large one or a checkpoint never blocks the window's calls.
    openCatalog: openCatalogWorker,
    // The receipt prints from the main window, created just below.
    printSurface: createElectronPrintSurface(() => window?.webContents),
  });
  void opening.then((opened) => (core = opened));
  const rendererDir = join(here, '../renderer');
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(rendererDir, request.url));
  window = createMainWindow({
    preloadPath: join(here, '../preload/index.cjs'),
    appUrl,
    isDevelopment,
    // Added as soon as the core is open; the reloaded page's first call waits for the core anyway.
    notice: (text) =>
      void opening.then(
        (opened) => opened.addStartupNotice(text),
        () => undefined, // A core that failed to open is reported where it is opened.
      ),
    logError,
  });
  bindIpc(opening, window, appUrl);
}
