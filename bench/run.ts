/**
 * `npm run bench`: runs every bench/*.bench.ts in turn. Each module exports `run()`, which measures and
 * prints its own lines (medians, p99 and ratios); nothing here is a pass/fail test.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

interface BenchModule {
  run: () => Promise<void>;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only === undefined || name.includes(only))
  .sort();

for (const file of files) {
  console.log(`\n## ${file.replace('.bench.ts', '')}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
  await mod.run();
}
