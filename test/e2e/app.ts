/**
 * Each e2e test gets the real app in Chromium: its own data folder, the test Encryptor, the real app core,
 * and (where the test wants control over the ERP) a simulator of its own on 127.0.0.1.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromiumHost, type ChromiumHost } from '../../src/chromium/host';
import { createTestEncryptor } from '../support/testEncryptor';
// Declares `window.wdt` for the snippets the tests run in the page (page.evaluate).
import type {} from '../../src/renderer/stores/bridge';

const open: ChromiumHost[] = [];
const folders: string[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((host) => host.close()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

export async function startApp(options: { timeoutMs?: number } = {}): Promise<ChromiumHost> {
  const dataFolder = await mkdtemp(join(tmpdir(), 'wdt-e2e-'));
  folders.push(dataFolder);
  const host = await launchChromiumHost({
    dataFolder,
    encryptor: createTestEncryptor(),
    headless: true,
    timeoutMs: options.timeoutMs,
    rendererDir: process.env['WDT_RENDERER_DIR'],
  });
  open.push(host);
  return host;
}

export const screenshotDir = resolve('test-results/screenshots');

/** Saves what the user sees, for people to look at after the run. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}
