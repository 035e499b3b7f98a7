/**
 * Sends a read goods-list file to main in batches the IPC call accepts. The first batch tells main to drop
 * every product before writing (the file replaces the goods; warehouses, suppliers and employees stay), the
 * last one makes the import durable. Batches go one after another so progress means rows main has taken.
 */
import { catalogLimits, type CatalogImportRow, type CatalogStatus } from '../../../shared/catalog';
import type { Result } from '../../../shared/result';

export interface CatalogBatch {
  readonly first: boolean;
  readonly last: boolean;
  readonly rows: readonly CatalogImportRow[];
}

type SendBatch = (batch: CatalogBatch) => Promise<Result<CatalogStatus>>;

function catalogBatches(
  rows: readonly CatalogImportRow[],
  size: number = catalogLimits.importBatchMax,
): CatalogBatch[] {
  const batches: CatalogBatch[] = [];
  for (let start = 0; start < rows.length; start += size) {
    const end = Math.min(rows.length, start + size);
    batches.push({ first: start === 0, last: end === rows.length, rows: rows.slice(start, end) });
  }
  return batches;
}

export type SendOutcome =
  | { readonly ok: true; readonly status: CatalogStatus }
  /** `sent`: rows main took before the failure; when > 0 the catalog holds part of the file. */
  | { readonly ok: false; readonly message: string; readonly sent: number };

export async function sendCatalogRows(
  rows: readonly CatalogImportRow[],
  send: SendBatch,
  onProgress: (sent: number, total: number) => void,
): Promise<SendOutcome> {
  let sent = 0;
  let status: CatalogStatus | undefined;
  onProgress(0, rows.length);
  for (const batch of catalogBatches(rows)) {
    let answer: Result<CatalogStatus>;
    try {
      answer = await send(batch);
    } catch {
      answer = { ok: false, error: { code: 'INTERNAL', message: '无法连接到程序主进程，请重启程序。' } };
    }
    if (!answer.ok) return { ok: false, message: answer.error.message, sent };
    status = answer.value;
    sent += batch.rows.length;
    onProgress(sent, rows.length);
  }
  if (status === undefined) return { ok: false, message: '文件中没有可导入的商家编码', sent: 0 };
  return { ok: true, status };
}

/** What the user is asked before the goods are replaced. */
export function replacementQuestion(products: number, rowsWithProblems: number): string {
  const skipped = rowsWithProblems > 0 ? `（有问题的 ${rowsWithProblems} 行不导入）` : '';
  return `将用文件中的 ${products} 个商家编码替换目录中的商品，仓库、供应商和员工保持不变${skipped}。`;
}

/** How it went, in one line. */
export function outcomeText(outcome: SendOutcome, products: number, barcodes: number): string {
  if (outcome.ok) {
    const { counts } = outcome.status;
    return `已导入 ${products} 个商家编码、${barcodes} 个条码。目录现有 ${counts.specs} 个单品、${counts.suites} 个组合装、${counts.barcodes} 个条码。`;
  }
  const partial =
    outcome.sent > 0
      ? `已写入 ${outcome.sent} / ${products} 个，目录中的商品不完整，请重新导入。`
      : '目录没有改变。';
  return `导入失败：${outcome.message}${partial}`;
}
