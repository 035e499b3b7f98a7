/**
 * `npm run simulator [-- --port N --skew SECONDS --allow-same-goods --batch-required --decimals
 * --warehouses A,B --specs N --barcodes-per-spec N]`: runs the fake ERP in the foreground until Ctrl+C,
 * with the seller's ERP settings given. `--specs` replaces the practice goods with generated ones at that
 * scale (for catalog benchmarks, e.g. --specs 200000).
 */
import { parseArgs } from 'node:util';
import { practiceErpSettingTexts, type PracticeErpSettings } from '../shared/practiceErp';
import { demoAccount, startSimulator } from '../main/wdt/simulator';
import { generatedMasterData } from '../main/wdt/simulated-erp/masterData/index';

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
    options: {
      port: { type: 'string' },
      skew: { type: 'string' },
      'allow-same-goods': { type: 'boolean' },
      'batch-required': { type: 'boolean' },
      decimals: { type: 'boolean' },
      warehouses: { type: 'string' },
      specs: { type: 'string' },
      'barcodes-per-spec': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(
      [
        '用法：npm run simulator -- [--port 端口] [--skew 秒] [--allow-same-goods] [--batch-required] [--decimals] [--warehouses 仓库1,仓库2] [--specs 单品数 [--barcodes-per-spec 条码数]]',
        '  --skew              模拟 ERP 时钟比本机快的秒数；慢则写负数，如 --skew=-300',
        `  --allow-same-goods  勾选“${practiceErpSettingTexts.allowSameGoods.label}”`,
        `  --batch-required    勾选“${practiceErpSettingTexts.batchAndExpiryRequired.label}”`,
        `  --decimals          ${practiceErpSettingTexts.decimalQuantities.label}`,
        '  --warehouses        ERP 中存在的仓库编号（逗号分隔）；不给则任何仓库编号都存在',
        '  --specs             用生成的货品档案代替练习数据：单品数，如 --specs 200000',
        '  --barcodes-per-spec 生成数据中每个单品的条码数（默认 2）',
      ].join('\n'),
    );
    return;
  }
  const port = parseNumberOption(values.port, 'port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535);
  const skewSeconds = parseNumberOption(values.skew, 'skew', Number.isFinite);
  const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0 && n <= 5_000_000;
  const specs = values.specs === undefined ? undefined : parseNumberOption(values.specs, 'specs', isCount);
  const barcodesPerSpec =
    values['barcodes-per-spec'] === undefined
      ? 2
      : parseNumberOption(values['barcodes-per-spec'], 'barcodes-per-spec', (n) => isCount(n) && n <= 10);
  // On the command line the ERP starts as a fresh one: every option off until given.
  const erpSettings: PracticeErpSettings = {
    allowSameGoods: values['allow-same-goods'] === true,
    batchAndExpiryRequired: values['batch-required'] === true,
    decimalQuantities: values.decimals === true,
  };
  const warehouses = values.warehouses
    ?.split(',')
    .map((warehouseNo) => warehouseNo.trim())
    .filter((warehouseNo) => warehouseNo !== '');
  const simulator = await startSimulator({
    port,
    clockSkewMs: skewSeconds * 1000,
    erpSettings,
    ...(warehouses ? { warehouses } : {}),
    ...(specs !== undefined
      ? { masterData: generatedMasterData({ specs, barcodesPerSpec, now: Date.now() + skewSeconds * 1000 }) }
      : {}),
  });
  const held = simulator.masterData.counts();
  const ticked = (Object.keys(erpSettings) as (keyof PracticeErpSettings)[])
    .filter((key) => erpSettings[key])
    .map((key) => practiceErpSettingTexts[key].label);

  console.log(
    [
      '旺店通 ERP 模拟器（练习环境）已启动',
      `  接口地址   ${simulator.url}`,
      `  sid        ${demoAccount.sid}`,
      `  appkey     ${demoAccount.appkey}`,
      `  appsecret  ${demoAccount.appsecret}`,
      ...(skewSeconds !== 0 ? [`  时钟偏差   ${skewSeconds} 秒`] : []),
      `  ERP 设置   ${ticked.length > 0 ? ticked.join('；') : '均未勾选（出厂设置）'}`,
      ...(warehouses ? [`  仓库       ${warehouses.join(', ')}`] : []),
      `  货品档案   ${specs !== undefined ? '生成数据' : '练习数据'}：${held.goods} 个货品，${held.specs} 个单品，${held.barcodes} 个条码，${held.suites} 个组合装`,
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
