import { describe, expect, it } from 'vitest';
import type { CatalogImportRow, CatalogStatus } from '../../../../src/shared/catalog';
import type { Result } from '../../../../src/shared/result';
import {
  outcomeText,
  replacementQuestion,
  sendCatalogRows,
  type CatalogBatch,
} from '../../../../src/renderer/features/catalog/catalogImportSend';

const rows: CatalogImportRow[] = Array.from({ length: 12_001 }, (_, i) => ({
  specNo: `S${i}`,
  goodsName: '',
  specName: '',
  barcodes: [String(6900000000000 + i)],
}));

function status(specs: number): CatalogStatus {
  return {
    profileId: 'p',
    counts: { specs, suites: 0, barcodes: specs, warehouses: 3, providers: 2, employees: 4, purchasers: 1 },
    origin: 'file',
    problems: [],
    loading: false,
  };
}

describe('sending a read file to main', () => {
  it('sends batches main accepts: the first replaces, the last finishes, with progress', async () => {
    const seen: CatalogBatch[] = [];
    const progress: number[] = [];
    let held = 0;
    const outcome = await sendCatalogRows(
      rows,
      async (batch): Promise<Result<CatalogStatus>> => {
        seen.push(batch);
        held = batch.first ? batch.rows.length : held + batch.rows.length;
        return { ok: true, value: status(held) };
      },
      (sent) => progress.push(sent),
    );
    expect(seen.map((batch) => [batch.first, batch.last, batch.rows.length])).toEqual([
      [true, false, 5000],
      [false, false, 5000],
      [false, true, 2001],
    ]);
    expect(seen.flatMap((batch) => batch.rows)).toEqual(rows);
    expect(progress).toEqual([0, 5000, 10_000, 12_001]);
    expect(outcome.ok && outcome.status.counts.specs).toBe(12_001);
    expect(outcomeText(outcome, rows.length, rows.length)).toBe(
      '已导入 12001 个商家编码、12001 个条码。目录现有 12001 个单品、0 个组合装、12001 个条码。',
    );
  });

  it('stops at a refusal and says the catalog holds part of the file', async () => {
    let calls = 0;
    const outcome = await sendCatalogRows(
      rows,
      async (): Promise<Result<CatalogStatus>> => {
        calls += 1;
        return calls === 2
          ? { ok: false, error: { code: 'STORE_FAILED', message: '磁盘已满。' } }
          : { ok: true, value: status(5000) };
      },
      () => undefined,
    );
    expect(calls).toBe(2);
    expect(outcome).toEqual({ ok: false, message: '磁盘已满。', sent: 5000 });
    expect(outcomeText(outcome, rows.length, 0)).toBe(
      '导入失败：磁盘已满。已写入 5000 / 12001 个，目录中的商品不完整，请重新导入。',
    );
  });

  it('says nothing changed when main refuses the first batch (a sync is running)', async () => {
    const outcome = await sendCatalogRows(
      rows.slice(0, 3),
      async () => ({
        ok: false,
        error: { code: 'BUSY', message: '商品目录正在同步，请等同步结束或取消后再导入。' },
      }),
      () => undefined,
    );
    expect(outcomeText(outcome, 3, 3)).toBe(
      '导入失败：商品目录正在同步，请等同步结束或取消后再导入。目录没有改变。',
    );
  });

  it('asks before replacing, naming what stays', () => {
    expect(replacementQuestion(120, 0)).toBe(
      '将用文件中的 120 个商家编码替换目录中的商品，仓库、供应商和员工保持不变。',
    );
    expect(replacementQuestion(120, 2)).toContain('（有问题的 2 行不导入）');
  });
});
