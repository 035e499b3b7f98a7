/**
 * `npm start` runs this before electron-vite: it makes sure Electron's binary is there, through Electron's
 * own installer (node_modules/electron/install.js, which does nothing when the right version is present).
 * electron-vite only looks for Electron's path.txt and stops with "Electron uninstall" when it is missing,
 * which says nothing about what to do. Without a network it stops at once and points to
 * `npm run start:chromium`, which needs no download.
 */
import { spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const offlineMessage = [
  '无法下载 Electron 运行文件（没有网络，或无法访问下载地址）。',
  '可以先用 `npm run start:chromium` 在 Chromium 中运行本程序（不需要下载）；联网后再运行 `npm start`。',
  'Electron could not be downloaded (no network, or the download site is unreachable).',
  'Run `npm run start:chromium` to use the app in Chromium without a download, or retry `npm start` online.',
].join('\n');

interface EnsureElectronDependencies {
  /** node_modules/electron. */
  readonly electronDir: string;
  /** Resolves when the download host answers DNS; rejects when offline. */
  readonly reachable: (host: string) => Promise<void>;
  /** Runs Electron's installer; returns its exit status. */
  readonly runInstaller: (installScript: string) => number | null;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Whether the binary the electron package points at is there (what electron-vite checks, and more). */
function electronBinaryPresent(electronDir: string): boolean {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const executable = readFileSync(pathFile, 'utf8').trim();
  return executable !== '' && existsSync(join(electronDir, 'dist', executable));
}

/** Where Electron's installer downloads from: the mirror if one is set, else GitHub. */
export function downloadHost(env: Readonly<Record<string, string | undefined>>): string {
  const mirror = env['ELECTRON_MIRROR'] ?? env['npm_config_electron_mirror'];
  if (mirror) {
    try {
      return new URL(mirror).hostname;
    } catch {
      // Not a URL: let the installer report it.
    }
  }
  return 'github.com';
}

/** Null when Electron is ready; otherwise the message to print before stopping. */
export async function ensureElectron(deps: EnsureElectronDependencies): Promise<string | null> {
  if (electronBinaryPresent(deps.electronDir)) return null;
  if (deps.env['ELECTRON_SKIP_BINARY_DOWNLOAD']) {
    return `Electron 运行文件未安装（设置了 ELECTRON_SKIP_BINARY_DOWNLOAD）。\n${offlineMessage}`;
  }
  try {
    await deps.reachable(downloadHost(deps.env));
  } catch {
    return offlineMessage;
  }
  console.log('正在下载 Electron 运行文件（仅第一次）… / Downloading Electron (first start only)…');
  const status = deps.runInstaller(join(deps.electronDir, 'install.js'));
  if (status !== 0 || !electronBinaryPresent(deps.electronDir)) return offlineMessage;
  return null;
}

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  const electronDir = dirname(require.resolve('electron/package.json'));
  const message = await ensureElectron({
    electronDir,
    env: process.env,
    reachable: async (host) => {
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('DNS timeout')), 5000).unref(),
      );
      await Promise.race([lookup(host), timeout]);
    },
    runInstaller: (script) => spawnSync(process.execPath, [script], { stdio: 'inherit' }).status,
  });
  if (message !== null) {
    console.error(message);
    process.exit(1);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
