/**
 * What the `wdt` command tests share: the practice ERP, closed after each test; an args file as a support
 * person writes one; the demo account as typed on the command line (the secret from the environment); and a
 * command run with what it prints captured.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { demoAccount, startSimulator, type SimulatorOptions } from '../../src/main/wdt/simulator';
import { closedAfterEach } from '../support/closedAfterEach';

export const simulator = closedAfterEach((options?: SimulatorOptions) => startSimulator(options));

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A JSON args file, removed after the test. */
export async function argsFile(args: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wdt-cli-'));
  folders.push(dir);
  const file = join(dir, 'args.json');
  await writeFile(file, JSON.stringify(args));
  return file;
}

export const env = { WDT_APPSECRET: demoAccount.appsecret };
export const account = (url: string): string[] => [
  '--url',
  url,
  '--sid',
  demoAccount.sid,
  '--key',
  demoAccount.appkey,
];

export interface Captured {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

/** Runs a command with an io that keeps every line it prints. */
export async function captured(run: (io: CliIo) => Promise<number>): Promise<Captured> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run({ stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) });
  return { code, stdout, stderr };
}
