/**
 * `npm run wdt -- <command> ...`: the support and automation tool. Commands reuse the app's modules.
 */
import { callUsage, runCall } from './callCommand';
import { importUsage, runImport } from './importCommand';
import { reconcileUsage, runReconcile } from './reconcileCommand';
import { exitCodes, processIo } from './io';

const usage = `wdt 命令：
${callUsage}

${importUsage}

${reconcileUsage}`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'call':
      return runCall(rest, processIo, { fetch, now: Date.now, env: process.env });
    case 'reconcile':
      return runReconcile(rest, processIo, { fetch, now: Date.now, env: process.env });
    case 'import':
      return runImport(rest, processIo);
    default:
      processIo.stderr(command === undefined ? usage : `未知命令：${command}\n${usage}`);
      return exitCodes.invalid;
  }
}

process.exitCode = await main(process.argv.slice(2));
