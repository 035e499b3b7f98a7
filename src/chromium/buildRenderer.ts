/** Builds the renderer exactly as the app ships it (out/renderer), and the page-side bridge script. */
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rendererConfig, rendererOutDir } from '../../build/rendererConfig';

export async function buildRenderer(): Promise<string> {
  await viteBuild({ ...rendererConfig(), configFile: false, logLevel: 'warn' });
  return rendererOutDir;
}

/** `pageBridge.ts` and what it imports, as one script to run before the page's own. */
export async function buildBridgeScript(): Promise<string> {
  const result = await esbuild({
    entryPoints: [fileURLToPath(new URL('./pageBridge.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no bridge script');
  return output.text;
}
