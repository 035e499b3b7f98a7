import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadHost, ensureElectron, offlineMessage } from '../../src/cli/ensureElectron';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function electronDir(installed: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'wdt-electron-'));
  folders.push(dir);
  if (installed) install(dir);
  return dir;
}

/** What Electron's installer leaves: dist/<binary> and path.txt naming it. */
function install(dir: string): void {
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'electron'), '');
  writeFileSync(join(dir, 'path.txt'), 'electron');
}

describe('npm start: making sure Electron is there', () => {
  it('does nothing when the binary is installed', async () => {
    let ran = false;
    const message = await ensureElectron({
      electronDir: electronDir(true),
      env: {},
      reachable: () => Promise.reject(new Error('offline')),
      runInstaller: () => ((ran = true), 0),
    });
    expect(message).toBeNull();
    expect(ran).toBe(false);
  });

  it('runs Electron’s installer when online, and succeeds once the binary is there', async () => {
    const dir = electronDir(false);
    const ran: string[] = [];
    const message = await ensureElectron({
      electronDir: dir,
      env: {},
      reachable: () => Promise.resolve(),
      runInstaller: (script) => (ran.push(script), install(dir), 0),
    });
    expect(message).toBeNull();
    expect(ran).toEqual([join(dir, 'install.js')]);
  });

  it('stops at once without a network, pointing to npm run start:chromium', async () => {
    let ran = false;
    const started = Date.now();
    const message = await ensureElectron({
      electronDir: electronDir(false),
      env: {},
      reachable: () => Promise.reject(new Error('ENOTFOUND')),
      runInstaller: () => ((ran = true), 0),
    });
    expect(message).toBe(offlineMessage);
    expect(message).toContain('npm run start:chromium');
    expect(ran).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports a failed download the same way', async () => {
    const message = await ensureElectron({
      electronDir: electronDir(false),
      env: {},
      reachable: () => Promise.resolve(),
      runInstaller: () => 1,
    });
    expect(message).toBe(offlineMessage);
  });

  it('checks the mirror when one is configured', () => {
    expect(downloadHost({})).toBe('github.com');
    expect(downloadHost({ ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron/' })).toBe(
      'npmmirror.com',
    );
  });
});
