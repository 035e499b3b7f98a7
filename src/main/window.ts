/**
 * The one app window, locked down: sandboxed renderer with context isolation and no Node, no webview, no
 * new windows, no navigation away from our own page, and in production no reload/DevTools shortcuts (a
 * scanner's stray Ctrl+R or F12 must not reload the app or open DevTools).
 */
import { BrowserWindow, session } from 'electron';
import { reloadOnRendererCrash } from './rendererRecovery';
import { contentSecurityPolicy, isAllowedNavigation, isBlockedShortcut } from './security';

interface WindowOptions {
  readonly preloadPath: string;
  /** Dev server URL in development, or the built index.html on our own scheme (appProtocol.ts). */
  readonly appUrl: string;
  readonly isDevelopment: boolean;
  /** Leaves a notice for the page when it is reloaded after its renderer died (rendererRecovery.ts). */
  readonly notice: (text: string) => void;
  readonly logError: (context: string, error: unknown) => void;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'WDT Desk 旺店通单据助手',
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: options.isDevelopment,
    },
  });

  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, options.appUrl)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, options.appUrl)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  if (!options.isDevelopment) {
    window.webContents.on('before-input-event', (event, input) => {
      if (isBlockedShortcut(input)) event.preventDefault();
    });
  }
  reloadOnRendererCrash(window.webContents, {
    notice: options.notice,
    giveUp: (reason) => options.logError('renderer keeps crashing; not reloading again', reason),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.appUrl);
  return window;
}

/** The CSP also as a response header (the dev server's pages), and every permission request denied. */
export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}
