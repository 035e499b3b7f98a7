/**
 * The packaged renderer is served from our own scheme (wdt-desk://app/…) instead of file://, so the
 * `grantFileProtocolExtraPrivileges` fuse can be off (electron-builder.yml): a file:// page would get
 * privileges no web page has, and any file:// URL would share our origin. Only files inside the built
 * renderer folder are served; anything else is 404.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicy } from './security';

export const APP_SCHEME = 'wdt-desk';
const APP_HOST = 'app';
export const appProtocolUrl = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** What registerSchemesAsPrivileged needs before the app is ready: a standard, secure origin for modules. */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/** The file inside `rendererDir` a request names, or null for another host, a bad URL or a way out. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = normalize(rendererDir);
  const file = normalize(join(root, pathname === '/' ? '/index.html' : pathname));
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

/** Answers one request of our scheme: the file with its type and the CSP, or 404. */
export async function answerAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const file = resolveAppFile(rendererDir, requestUrl);
  if (file === null) return new Response('not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': contentSecurityPolicy,
      },
    });
  } catch {
    return new Response('not found', { status: 404 });
  }
}
