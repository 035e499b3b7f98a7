/**
 * The simulated ERP stands in for the real one, so it must not share the client's understanding of the
 * API: were it to load the client's validator, document specs, argument parser or catalog, a client bug
 * would be mirrored by the simulator and every test against it would pass. Checked over everything it
 * loads: the server (simulator.ts) and every file of simulated-erp/, masterData/ included, reached or not.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const folder = join(root, 'src/main/wdt/simulated-erp');

/** Client code: how the app reads, validates and keeps what it sends and what it receives. */
const forbidden = [
  'src/shared/validate.ts',
  'src/shared/spec.ts',
  'src/shared/args.ts',
  'src/shared/documents/',
  'src/shared/catalog.ts',
  'src/main/catalog/',
  'src/renderer/',
  'src/cli/',
];

/** Every file the given ones import, relatively, statically or not, followed to the end. */
async function loadedFrom(files: string[]): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    const source = await readFile(file, 'utf8');
    for (const match of source.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
      const target = resolve(dirname(file), match[1] ?? '');
      queue.push(target.endsWith('.ts') ? target : `${target}.ts`);
    }
  }
  return [...seen].map((file) => file.slice(root.length + 1));
}

it('nothing the simulator loads imports the client’s validator, specs, argument parser or catalog', async () => {
  const own = (await readdir(folder, { recursive: true }))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name));
  const loaded = await loadedFrom([join(root, 'src/main/wdt/simulator.ts'), ...own]);
  // The walk follows imports out of the folder (the signer, the shared reply shape)...
  expect(loaded).toEqual(
    expect.arrayContaining([
      'src/main/wdt/simulated-erp/masterData/methods.ts',
      'src/main/wdt/simulated-erp/businessRules.ts',
      'src/main/wdt/signer.ts',
      'src/shared/outcome.ts',
    ]),
  );
  // ...and none of them reaches the client.
  expect(loaded.filter((file) => forbidden.some((path) => file.startsWith(path)))).toEqual([]);
});
