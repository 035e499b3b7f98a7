/**
 * The packaged renderer's own scheme and the guard on every web contents, in Node: only files inside the
 * renderer folder are served (with the CSP), and any web contents the app creates refuses new windows,
 * foreign navigation and webviews.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerAppRequest, appProtocolUrl, resolveAppFile } from '../../src/main/appProtocol';
import { contentSecurityPolicy, isTrustedSender } from '../../src/main/security';
import { guardAllWebContents, type GuardedApp, type GuardedContents } from '../../src/main/webContentsGuard';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function rendererDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'wdt-protocol-'));
  folders.push(root);
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(root, 'secret.txt'), 'outside');
  return dir;
}

describe('the wdt-desk:// scheme', () => {
  it('serves files of the renderer folder with their type and the CSP', async () => {
    const dir = rendererDir();
    const page = await answerAppRequest(dir, appProtocolUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await page.text()).toBe('<!doctype html>');
    const script = await answerAppRequest(dir, 'wdt-desk://app/assets/app.js');
    expect(script.headers.get('content-type')).toContain('text/javascript');
  });

  it('refuses anything outside the folder, other hosts and other schemes', async () => {
    const dir = rendererDir();
    for (const url of [
      'wdt-desk://app/../secret.txt',
      'wdt-desk://app/%2e%2e/secret.txt',
      'wdt-desk://app/assets/..%2f..%2fsecret.txt',
      'wdt-desk://app/%00index.html',
      'wdt-desk://other/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      // Never a path outside the folder (the URL parser may fold "/../" into a harmless path inside it).
      const file = resolveAppFile(dir, url);
      expect(file === null || file.startsWith(`${dir}/`), url).toBe(true);
      expect((await answerAppRequest(dir, url)).status, url).toBe(404);
    }
    expect((await answerAppRequest(dir, 'wdt-desk://app/missing.js')).status).toBe(404);
    expect(resolveAppFile(dir, 'wdt-desk://other/index.html')).toBeNull();
    expect(resolveAppFile(dir, 'file:///etc/passwd')).toBeNull();
  });

  it('is the origin IPC trusts: our main frame on it, and nothing on file://', () => {
    const frame = { isAppWindow: true, isMainFrame: true };
    expect(isTrustedSender({ ...frame, url: appProtocolUrl }, appProtocolUrl)).toBe(true);
    expect(isTrustedSender({ ...frame, url: 'file:///C:/out/renderer/index.html' }, appProtocolUrl)).toBe(
      false,
    );
  });
});

describe('the guard on every web contents', () => {
  it('locks down web contents created after start: no new window, no foreign navigation, no webview', () => {
    let created: ((event: unknown, contents: GuardedContents) => void) | undefined;
    const app: GuardedApp = { on: (_name, listener) => (created = listener) };
    guardAllWebContents(app, appProtocolUrl);

    let openHandler: (() => { action: 'deny' }) | undefined;
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    const contents: GuardedContents = {
      setWindowOpenHandler: (handler) => (openHandler = handler),
      on: ((name: string, listener: (event: { preventDefault(): void }, url?: string) => void) =>
        listeners.set(name, listener)) as GuardedContents['on'],
    };
    created?.({}, contents);
    expect(openHandler?.()).toEqual({ action: 'deny' });
    const prevented = (name: string, url?: string): boolean => {
      let stopped = false;
      listeners.get(name)?.({ preventDefault: () => (stopped = true) }, url);
      return stopped;
    };
    expect(prevented('will-navigate', 'https://example.com/')).toBe(true);
    expect(prevented('will-navigate', 'file:///C:/Windows/')).toBe(true);
    expect(prevented('will-navigate', `${appProtocolUrl}#log`)).toBe(false);
    expect(prevented('will-redirect', 'https://example.com/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
  });
});
