/**
 * `npm run start:chromium [-- --headless] [--screenshot FILE] [--data DIR]`: the app in Debian's Chromium,
 * for machines where Electron cannot be installed. Data lives in ~/.wdt-desk-chromium; the built-in
 * 练习环境 is active on first start. With --screenshot it saves the first screen and exits.
 */
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromiumHost } from '../chromium/host';
import { createSessionEncryptor } from '../chromium/sessionEncryptor';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    data: { type: 'string' },
  },
  strict: true,
});

const dataFolder = resolve(values.data ?? join(homedir(), '.wdt-desk-chromium'));
await mkdir(dataFolder, { recursive: true });
// A window needs a display; without one (a server, CI) the app still runs, headless.
const headless = values.headless || values.screenshot !== undefined || !process.env['DISPLAY'];
const host = await launchChromiumHost({ dataFolder, encryptor: createSessionEncryptor(), headless });
console.log(`WDT Desk 已在 Chromium 中启动。数据目录：${dataFolder}`);

if (values.screenshot !== undefined) {
  await host.page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
  await host.page.screenshot({ path: values.screenshot, fullPage: false });
  console.log(`截图已保存：${resolve(values.screenshot)}`);
  await host.close();
} else if (headless) {
  console.log('没有可用的显示器，以无界面方式运行；按 Ctrl+C 退出。');
  const stop = (): void => void host.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  host.page.once('close', () => void host.close());
  host.browser.once('disconnected', () => void host.close());
}
