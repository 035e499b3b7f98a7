/**
 * The app in Debian's Chromium instead of Electron: the built renderer served from a private origin
 * (routed in the browser, no server), `window.wdt` defined by the same bridge the preload builds, and
 * every call forwarded to the real app core in this Node process. Only Electron itself is replaced.
 */
import { fetchFromEnvironment } from '../main/net/environmentProxy';
import { environmentErpNetwork } from '../main/net/network';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { callChannel, eventChannel } from '../shared/ipcTypes';
import { fail } from '../shared/result';
import { contentSecurityPolicy } from '../main/security';
import { openAppCore, type AppCore } from '../main/appCore';
import { openCatalogWorker } from '../main/catalog/workerHost';
import type { Encryptor } from '../main/encryptor';
import { openJsonFileStore } from '../main/keyValueStore';
import { buildBridgeScript, buildRenderer } from './buildRenderer';

/** A name that never resolves: every request to it is answered from the build folder by the route below. */
const appOrigin = 'http://wdt-desk.app';
const appUrl = `${appOrigin}/index.html`;

/** Without these, Chromium keeps trying to reach Google's services on a closed network. */
const quietNetworkFlags = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
  '--disable-quic',
];

interface HostOptions {
  readonly dataFolder: string;
  readonly encryptor: Encryptor;
  readonly headless: boolean;
  /** Per-attempt limit for ERP calls (tests shorten it to provoke 'unknown'). */
  readonly timeoutMs?: number;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Reuse an already built renderer (tests build once). */
  readonly rendererDir?: string;
}

export interface ChromiumHost {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly core: AppCore;
  /** Opens the app again in a fresh page of the same context (a "restart" of the window). */
  reopenPage(): Promise<Page>;
  close(): Promise<void>;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

function findChromium(): string {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return fromEnv;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error(
    "Chromium not found: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.",
  );
}

export async function launchChromiumHost(options: HostOptions): Promise<ChromiumHost> {
  const [rendererDir, bridgeScript] = await Promise.all([
    options.rendererDir ?? buildRenderer(),
    buildBridgeScript(),
  ]);
  /** The page printing acts on (the latest one opened), as Electron prints the main window. */
  let printingPage: Page | undefined;
  const pdfOfPage = async (): Promise<Uint8Array> => {
    if (printingPage === undefined) throw new Error('no page');
    return new Uint8Array(await printingPage.pdf({ format: 'A4', preferCSSPageSize: true }));
  };
  const core = await openAppCore({
    dataFolder: options.dataFolder,
    encryptor: options.encryptor,
    store: openJsonFileStore(join(options.dataFolder, 'settings.json')),
    // Plain Node, through HTTPS_PROXY / HTTP_PROXY / NO_PROXY as support staff set them.
    fetch: fetchFromEnvironment(process.env),
    network: () => environmentErpNetwork(process.env),
    timeoutMs: options.timeoutMs,
    version: 'chromium',
    logError: (context, error) => console.error(`[wdt-desk] ${context}:`, error),
    // As the app runs it: the catalog in a worker thread.
    openCatalog: openCatalogWorker,
    // Headless Chromium has no print dialog: "printing" renders the print layout as printToPDF does.
    printSurface: {
      print: async () => (await pdfOfPage(), { printed: true }),
      printToPdf: pdfOfPage,
    },
  });
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: options.headless,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN', ...quietNetworkFlags],
  });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 768 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== appOrigin) return route.abort('blockedbyclient');
    const file = normalize(join(rendererDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(rendererDir + sep)) return route.abort('accessdenied');
    try {
      const body = await readFile(file);
      return route.fulfill({
        status: 200,
        body,
        headers: {
          'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': contentSecurityPolicy,
        },
      });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  await context.exposeBinding('__wdtInvoke', async (source, channel: unknown, input: unknown) => {
    const prefix = callChannel('');
    if (typeof channel !== 'string' || !channel.startsWith(prefix))
      return fail('INVALID_ARGUMENT', '未知的调用');
    // The same rule as the Electron binding: only our own page's main frame may call.
    const trustedSender =
      source.frame === source.page.mainFrame() && source.frame.url().startsWith(`${appOrigin}/`);
    return core.dispatch(channel.slice(prefix.length), input, { trustedSender });
  });
  await context.addInitScript({ content: bridgeScript });
  const unsubscribe = core.onEvent((name, payload) => {
    for (const page of context.pages()) {
      page
        .evaluate(
          ([channel, data]) =>
            (globalThis as unknown as { __wdtEmit?: (c: string, p: unknown) => void }).__wdtEmit?.(
              channel,
              data,
            ),
          [eventChannel(name), payload] as const,
        )
        .catch(() => undefined); // a page that is closing misses the event, as a closed window would
    }
  });

  const openPage = async (): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(appUrl);
    printingPage = page;
    return page;
  };
  const page = await openPage();
  return {
    browser,
    context,
    page,
    core,
    reopenPage: openPage,
    async close() {
      unsubscribe();
      await browser.close().catch(() => undefined);
      await core.close();
    },
  };
}
