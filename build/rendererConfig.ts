/**
 * The renderer's Vite configuration, shared by electron-vite (the app) and the Chromium host (tests and
 * `npm run start:chromium`), so both run the very same bundle.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { contentSecurityPolicy } from '../src/main/security';

const rendererRoot = resolve('src/renderer');
export const rendererOutDir = resolve('out/renderer');

/** The page's CSP comes from the one policy in security.ts, so the meta tag and the tests cannot drift. */
function injectCsp(): Plugin {
  return {
    name: 'wdt-inject-csp',
    transformIndexHtml: (html) => html.replace('%WDT_CSP%', contentSecurityPolicy),
  };
}

export function rendererConfig(): UserConfig {
  return {
    root: rendererRoot,
    // Relative asset paths: the app loads index.html from a file:// URL.
    base: './',
    plugins: [react(), injectCsp()],
    build: {
      outDir: rendererOutDir,
      emptyOutDir: true,
      rollupOptions: { input: { index: resolve(rendererRoot, 'index.html') } },
    },
  };
}
