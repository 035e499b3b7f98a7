/**
 * `npm run wdt -- <command> ...`: the support and automation tool. Commands reuse the app's modules.
 */
import { callUsage, runCall } from './callCommand';
import { catalogUsage, runCatalog } from './catalogCommand';
import { importUsage, runImport } from './importCommand';
import { reconcileUsage, runReconcile } from './reconcileCommand';
import { exitCodes, processIo } from './io';
import { fetchFromEnvironment } from '../main/net/environmentProxy';

/** Every command reaches the ERP through HTTPS_PROXY / HTTP_PROXY / NO_PROXY when they are set. */
const fetch = fetchFromEnvironment(process.env);

const usage = `wdt 命令：
${callUsage}

${importUsage}

${reconcileUsage}

${catalogUsage}

代理：支持 HTTPS_PROXY / HTTP_PROXY / NO_PROXY（代理登录写在地址中：http://用户:密码@主机:端口）。`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'call':
      return runCall(rest, processIo, { fetch, now: Date.now, env: process.env });
    case 'reconcile':
      return runReconcile(rest, processIo, { fetch, now: Date.now, env: process.env });
    case 'catalog': {
      // Ctrl+C stops the sync cleanly; nothing is written.
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      return runCatalog(rest, processIo, {
        fetch,
        now: Date.now,
        env: process.env,
        signal: controller.signal,
      });
    }
    case 'import':
      return runImport(rest, processIo);
    default:
      processIo.stderr(command === undefined ? usage : `未知命令：${command}\n${usage}`);
      return exitCodes.invalid;
  }
}

process.exitCode = await main(process.argv.slice(2));
