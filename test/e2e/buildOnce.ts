/** Builds the renderer once per run; the e2e tests read its folder from the environment. */
import { buildRenderer } from '../../src/chromium/buildRenderer';

export default async function setup(): Promise<void> {
  process.env['WDT_RENDERER_DIR'] = await buildRenderer();
}
