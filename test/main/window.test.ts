/**
 * The Electron edge files, run in Node against a stand-in for the `electron` module: the window is
 * created with the locked-down preferences, refuses new windows and foreign navigation, swallows
 * reload/DevTools keys in production, and IPC refuses messages from anything but our own main frame.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  contentSecurityPolicy,
  isAllowedNavigation,
  isBlockedShortcut,
  isTrustedSender,
} from '../../src/main/security';

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  class FakeWebContents {
    readonly listeners = new Map<string, Listener>();
    windowOpenHandler: Listener | undefined;
    readonly mainFrame = { url: '' };
    readonly sent: unknown[][] = [];
    on(name: string, listener: Listener) {
      this.listeners.set(name, listener);
      return this;
    }
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    reloads = 0;
    reload() {
      this.reloads += 1;
    }
    isDestroyed() {
      return false;
    }
    forcefullyCrashRenderer() {}
  }
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    loadedUrl = '';
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      FakeBrowserWindow.created.push(this);
    }
    once() {
      return this;
    }
    show() {}
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
  }
  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, handler: Listener) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  return { FakeBrowserWindow, handlers, ipcMain };
});

vi.mock('electron', () => ({
  BrowserWindow: electron.FakeBrowserWindow,
  ipcMain: electron.ipcMain,
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: () => undefined },
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
    },
  },
}));

const appUrl = 'file:///C:/Program%20Files/WDT%20Desk/resources/app.asar/out/renderer/index.html';

const notices: string[] = [];

async function createWindow(isDevelopment = false) {
  const { createMainWindow } = await import('../../src/main/window');
  createMainWindow({
    preloadPath: '/app/out/preload/index.cjs',
    appUrl,
    isDevelopment,
    notice: (text) => notices.push(text),
    logError: () => undefined,
  });
  const created = electron.FakeBrowserWindow.created.at(-1);
  if (!created) throw new Error('no window');
  return created;
}

beforeEach(() => {
  notices.length = 0;
  electron.FakeBrowserWindow.created.length = 0;
  electron.handlers.clear();
});

describe('the window', () => {
  it('reloads with a notice when its renderer crashes', async () => {
    const window = await createWindow();
    window.webContents.listeners.get('render-process-gone')?.({}, { reason: 'oom', exitCode: 1 });
    expect(window.webContents.reloads).toBe(1);
    expect(notices).toEqual(['程序界面意外退出，已自动重新打开；草稿已保存。']);
  });

  it('runs the renderer sandboxed, isolated, without Node, webviews or (in production) DevTools', async () => {
    const window = await createWindow();
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      devTools: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(window.loadedUrl).toBe(appUrl);
  });

  it('denies every new window and navigation away from the app', async () => {
    const window = await createWindow();
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
    const navigate = window.webContents.listeners.get('will-navigate');
    const blocked = { preventDefault: vi.fn() };
    navigate?.(blocked, 'https://evil.example/');
    expect(blocked.preventDefault).toHaveBeenCalled();
    const allowed = { preventDefault: vi.fn() };
    navigate?.(allowed, `${appUrl}#/log`);
    expect(allowed.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    window.webContents.listeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('swallows a scanner’s stray F5, Ctrl+R or F12 in production, but not in development', async () => {
    const production = await createWindow(false);
    const f5 = { preventDefault: vi.fn() };
    production.webContents.listeners.get('before-input-event')?.(f5, {
      type: 'keyDown',
      key: 'F5',
      control: false,
      meta: false,
      shift: false,
      alt: false,
    });
    expect(f5.preventDefault).toHaveBeenCalled();
    const development = await createWindow(true);
    expect(development.webContents.listeners.has('before-input-event')).toBe(false);
  });
});

describe('the IPC binding', () => {
  it('answers our own main frame and refuses any other sender before a handler runs', async () => {
    const window = await createWindow();
    const { bindIpc } = await import('../../src/main/ipc');
    const dispatched: { name: string; trusted: boolean }[] = [];
    const core = {
      dispatch: async (name: string, _input: unknown, context: { trustedSender: boolean }) => {
        dispatched.push({ name, trusted: context.trustedSender });
        return { ok: true, value: null };
      },
      onEvent: () => () => undefined,
    };
    bindIpc(Promise.resolve(core as never), window as never, appUrl);
    const handler = electron.handlers.get('wdt:call:listProfiles');
    const ownFrame = { url: appUrl };
    await handler?.(
      { sender: Object.assign(window.webContents, { mainFrame: ownFrame }), senderFrame: ownFrame },
      undefined,
    );
    const iframe = { url: appUrl };
    await handler?.({ sender: window.webContents, senderFrame: iframe }, undefined);
    const otherWindow = { mainFrame: { url: 'https://evil.example/' } };
    await handler?.({ sender: otherWindow, senderFrame: otherWindow.mainFrame }, undefined);
    expect(dispatched).toEqual([
      { name: 'listProfiles', trusted: true },
      { name: 'listProfiles', trusted: false },
      { name: 'listProfiles', trusted: false },
    ]);
  });
});

describe('the security policy', () => {
  it('lets the renderer load only our own code and reach no network', () => {
    const directives = new Map(
      contentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toMatch(/https?:|unsafe-eval|\*/);
  });

  it('allows navigation only within the app’s own page', () => {
    expect(isAllowedNavigation(`${appUrl}?x=1#/a`, appUrl)).toBe(true);
    expect(isAllowedNavigation('file:///C:/Windows/System32/x.html', appUrl)).toBe(false);
    expect(isAllowedNavigation('http://wdt.wangdian.cn/', appUrl)).toBe(false);
    expect(isAllowedNavigation('not a url', appUrl)).toBe(false);
  });

  it.each([
    ['F5', {}, true],
    ['F12', {}, true],
    ['r', { control: true }, true],
    ['I', { control: true, shift: true }, true],
    ['w', { control: true }, true],
    ['c', { control: true }, false],
    ['v', { control: true }, false],
    ['Enter', {}, false],
    ['Tab', {}, false],
    ['A', { shift: true }, false],
  ])('blocks %s %o in production: %s', (key, modifiers, blocked) => {
    const input = {
      type: 'keyDown',
      key,
      control: false,
      meta: false,
      shift: false,
      alt: false,
      ...modifiers,
    };
    expect(isBlockedShortcut(input)).toBe(blocked);
  });

  it('trusts only the app window’s main frame showing the app', () => {
    expect(isTrustedSender({ url: appUrl, isMainFrame: true, isAppWindow: true }, appUrl)).toBe(true);
    expect(isTrustedSender({ url: appUrl, isMainFrame: false, isAppWindow: true }, appUrl)).toBe(false);
    expect(isTrustedSender({ url: appUrl, isMainFrame: true, isAppWindow: false }, appUrl)).toBe(false);
    expect(
      isTrustedSender({ url: 'https://evil.example/', isMainFrame: true, isAppWindow: true }, appUrl),
    ).toBe(false);
  });
});
