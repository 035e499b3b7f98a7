/**
 * Electronegativity (Doyensec's Electron security scanner) over our source: no high-severity finding.
 * It runs under the loopback guard: offline, its translation download and Electron-release lookup fail
 * fast, and the check that needs the release list (which Electron versions have security fixes) is
 * skipped; the Electron version is given instead of guessed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const electronVersion = (require('electron/package.json') as { version: string }).version;
const scanner = require.resolve('@doyensec/electronegativity/dist/index.js');

interface Finding {
  readonly check: string;
  readonly severity: string;
  readonly file: string;
  readonly location: string;
}

function parseCsv(text: string): Finding[] {
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [check = '', severity = '', , file = '', location = ''] = line
        .split(',')
        .map((cell) => cell.replace(/^"|"$/g, ''));
      return { check, severity, file, location };
    });
}

it('finds no high-severity Electron security problem in the source', { timeout: 90_000 }, async () => {
  const output = join(await mkdtemp(join(tmpdir(), 'wdt-eneg-')), 'findings.csv');
  await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      './test/support/loopbackOnly.ts',
      scanner,
      '-i',
      'src',
      '-r',
      '-e',
      electronVersion,
      '-x',
      'AvailableSecurityFixesGlobalCheck',
      '-o',
      output,
      '-v',
      'false',
    ],
    { env: { ...process.env, LANG: 'en-US' } },
  );
  const findings = parseCsv(await readFile(output, 'utf8'));
  expect(findings.length).toBeGreaterThan(0); // the scan ran and read our files (it always notes the preload)
  expect(
    findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'CRITICAL'),
  ).toEqual([]);
});
