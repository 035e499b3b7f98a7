/**
 * `wdt catalog`: a full catalog sync from the ERP into an in-memory catalog, written as one JSON file, for
 * support (what does the ERP give this account?). The app's own sync engine and query client.
 */
import { parseArgs as parseCliArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { catalogSourceLabels, type CatalogSyncProgress } from '../shared/catalog';
import type { FetchLike } from '../main/wdt/fetchLike';
import { ERP_UTC_OFFSET_MS } from '../main/wdt/erpTime';
import { createWdtQueryClient } from '../main/wdt/query';
import { WdtConfigError } from '../main/wdt/signer';
import { openCatalogInProcess } from '../main/catalog/inProcess';
import type { CatalogContents } from '../main/catalog/types';
import { runCatalogSync } from '../main/catalog/sync/runner';
import { connectionOptions, readConnection } from './connection';
import type { CliIo } from './io';

export const catalogUsage = `用法：npm run wdt -- catalog --url 接口地址 --sid 卖家账号 --key APPKEY --out 输出.json [--since YYYY-MM-DD] [--timeout 秒]
  从 ERP 全量同步商品目录（货品与条码、组合装、仓库、供应商、采购员），写成一个 JSON 文件。
  appsecret 从环境变量 WDT_APPSECRET 读取（不要写在命令行上）。
  --since：从这一天（北京时间 0 点，按修改时间）读起，默认 6 年前。
  退出码：0 成功，1 ERP 拒绝了部分查询（其余照常写入文件），2 输入或用法错误，4 无法连接 ERP 或查询失败（不写文件）。`;

export const catalogExitCodes = { done: 0, refused: 1, invalid: 2, unreachable: 4 } as const;

interface CatalogDeps {
  readonly fetch: FetchLike;
  readonly now: () => number;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Cancels the sync (Ctrl+C); what was read is not written. */
  readonly signal?: AbortSignal;
}

/** How often a progress line is printed while one source is read. */
const PROGRESS_EVERY_MS = 2_000;

export async function runCatalog(argv: readonly string[], io: CliIo, deps: CatalogDeps): Promise<number> {
  let values;
  try {
    values = parseCliArgs({
      args: [...argv],
      options: { ...connectionOptions, out: { type: 'string' }, since: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const read = readConnection(values, deps.env, ['out']);
  if (!read.ok) return usageError(io, read.message);
  let since: number | undefined;
  if (values.since !== undefined) {
    since = erpDayStart(values.since);
    if (since === undefined) return usageError(io, `--since 不是日期（YYYY-MM-DD）：${values.since}`);
    if (since > deps.now()) return usageError(io, `--since 在将来：${values.since}`);
  }

  let client;
  try {
    client = createWdtQueryClient({ ...read.connection, fetch: deps.fetch, now: deps.now });
  } catch (error) {
    if (error instanceof WdtConfigError) return usageError(io, error.message);
    throw error;
  }
  const db = await openCatalogInProcess();
  try {
    const final = await runCatalogSync({
      client,
      db,
      mode: 'full',
      ...(since !== undefined && { since }),
      now: deps.now,
      signal: deps.signal ?? new AbortController().signal,
      onProgress: progressPrinter(io, deps.now),
    });
    if (final.state !== 'done') {
      io.stderr(final.message ?? '同步没有完成。');
      return final.refused === true ? catalogExitCodes.refused : catalogExitCodes.unreachable;
    }
    const contents = await db.contents();
    try {
      await writeFile(values.out ?? '', `${JSON.stringify(toOutput(contents))}\n`);
    } catch (error) {
      io.stderr(`无法写入 ${values.out}：${error instanceof Error ? error.message : String(error)}`);
      return catalogExitCodes.invalid;
    }
    const counts = await db.counts();
    io.stderr(
      `已写入 ${values.out}：单品 ${counts.specs}，组合装 ${counts.suites}，条码 ${counts.barcodes}，仓库 ${counts.warehouses}，供应商 ${counts.providers}，采购员 ${counts.purchasers}。`,
    );
    const { problems } = await db.readMeta();
    if (problems.length === 0) return catalogExitCodes.done;
    for (const problem of problems)
      io.stderr(`ERP 拒绝读取${catalogSourceLabels[problem.source]}：${problem.message}`);
    return catalogExitCodes.refused;
  } finally {
    await db.close();
  }
}

/** The JSON a support person gets: snake_case, as the ERP's own answers. */
function toOutput(contents: CatalogContents): Record<string, unknown> {
  const product = (one: CatalogContents['products'][number]) => ({
    spec_no: one.specNo,
    goods_name: one.goodsName,
    spec_name: one.specName,
    barcodes: [...one.barcodes],
  });
  return {
    specs: contents.products.filter((one) => !one.suite).map(product),
    suites: contents.products.filter((one) => one.suite).map(product),
    warehouses: contents.warehouses.map((one) => ({ warehouse_no: one.warehouseNo, name: one.name })),
    providers: contents.providers.map((one) => ({
      provider_no: one.providerNo,
      provider_name: one.providerName,
    })),
    purchasers: contents.employees
      .filter((one) => one.purchaser && one.nickname !== '')
      .map((one) => one.nickname),
  };
}

/** A line when a source starts, when the ERP makes it wait, and every few seconds in between. */
function progressPrinter(io: CliIo, now: () => number): (progress: CatalogSyncProgress) => void {
  let lastSource = '';
  let lastLine = 0;
  return (progress) => {
    const label = catalogSourceLabels[progress.source];
    const due = now() - lastLine >= PROGRESS_EVERY_MS;
    if (progress.source !== lastSource || progress.message !== undefined || due) {
      lastSource = progress.source;
      lastLine = now();
      const read = progress.read[progress.source] ?? 0;
      io.stderr(
        progress.message ??
          `${label}：时间段 ${progress.windowsDone}/${progress.windowsTotal}，已读取 ${read} 条`,
      );
    }
  };
}

/** 00:00 of an ISO date in the ERP's zone (UTC+8), as epoch ms; undefined for anything but a real date. */
function erpDayStart(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) return undefined;
  return ms - ERP_UTC_OFFSET_MS;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(message);
  io.stderr(catalogUsage);
  return catalogExitCodes.invalid;
}
