/**
 * `npm run simulator [-- --port N --skew SECONDS]`: runs the fake ERP in the foreground until Ctrl+C.
 */
import { parseArgs } from 'node:util';
import { demoAccount, startSimulator } from '../main/wdt/simulator';

function parseNumberOption(value: string | undefined, name: string, isValid: (n: number) => boolean): number {
  if (value === undefined) return 0;
  const parsed = Number(value);
  if (value.trim() === '' || !isValid(parsed)) {
    throw new Error(`--${name} 的值无效：${value}`);
  }
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, skew: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log(
      '用法：npm run simulator -- [--port 端口] [--skew 秒]\n  --skew  模拟 ERP 时钟比本机快的秒数；慢则写负数，如 --skew=-300',
    );
    return;
  }
  const port = parseNumberOption(values.port, 'port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535);
  const skewSeconds = parseNumberOption(values.skew, 'skew', Number.isFinite);
  const simulator = await startSimulator({ port, clockSkewMs: skewSeconds * 1000 });

  console.log(
    [
      '旺店通 ERP 模拟器（练习环境）已启动',
      `  接口地址   ${simulator.url}`,
      `  sid        ${demoAccount.sid}`,
      `  appkey     ${demoAccount.appkey}`,
      `  appsecret  ${demoAccount.appsecret}`,
      ...(skewSeconds !== 0 ? [`  时钟偏差   ${skewSeconds} 秒`] : []),
      '按 Ctrl+C 停止。',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log(
      `\n已停止。共收到 ${simulator.requests.length} 个请求，创建 ${simulator.created.length} 张单据。`,
    );
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
