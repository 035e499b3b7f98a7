import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/cli/importCommand';
import type { CliIo } from '../../../src/cli/io';
import { purchaseReturnSpec } from '../../../src/shared/documents';
import { wireLines, type ColumnChoices } from '../../../src/shared/import';
import { canApply } from '../../../src/renderer/features/import/applyResult';
import {
  recallChoices,
  rememberChoices,
  type ChoiceStorage,
} from '../../../src/renderer/features/import/columnMemory';
import { selectionProblems, toChoices } from '../../../src/renderer/features/import/mappingChoices';
import { fixtureDir, importFixture, must } from './helpers';

function memoryStorage(): ChoiceStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

// Written by LibreOffice (make-erp-words-fixtures.ts): a supplier's export headed 编码 / 品名 / 件数 / 备注说明.
describe.each(['supplier-own-headers.xlsx', 'supplier-own-headers.xls', 'supplier-own-headers.csv'])(
  'a sheet headed in other words (%s)',
  (name) => {
    it('is not a dead end: the user is offered every column with a preview of its first rows', async () => {
      const { result } = await importFixture(purchaseReturnSpec, name);
      expect(canApply(result)).toBe(false);
      expect(result.problems[0]?.message).toContain('请指定各列对应的字段');
      const need = must(result.mapping, 'mapping');
      expect(need.headers).toEqual(['编码', '品名', '件数', '备注说明']);
      expect(need.suggested).toEqual([null, null, null, null]);
      expect(need.preview).toEqual([
        ['S-01', '保温杯', '3', '急'],
        ['S-02', '水杯', '4', ''],
      ]);
      expect(need.fields.filter((field) => field.required).map((field) => field.label)).toEqual([
        '单品信息',
        '出库数量',
      ]);
    });

    it('imports with the mapping the user chose, and the next file with the same headers at once', async () => {
      const first = await importFixture(purchaseReturnSpec, name);
      const need = must(first.result.mapping, 'mapping');
      const selections = ['spec_no', null, 'num', 'remark'];
      expect(selectionProblems(need, selections)).toEqual({ missing: [], repeated: [] });
      const storage = memoryStorage();
      rememberChoices(storage, purchaseReturnSpec.method, need.signature, toChoices(need, selections));

      // Next time: the dialog finds the remembered mapping by the same header set and imports with it.
      const again = await importFixture(purchaseReturnSpec, name);
      const remembered = recallChoices(
        storage,
        purchaseReturnSpec.method,
        must(again.result.mapping).signature,
      );
      const { result } = await importFixture(purchaseReturnSpec, name, 'lines', undefined, remembered);
      expect(result.problems).toEqual([]);
      expect(result.mapping).toBeUndefined();
      expect(wireLines(purchaseReturnSpec, result.lines)).toEqual([
        { spec_no: 'S-01', num: 3, remark: '急' },
        { spec_no: 'S-02', num: 4 },
      ]);
      expect(result.notices).toEqual(['已忽略 1 列：品名（本单据没有对应字段）']);
    });
  },
);

describe('the mapping form', () => {
  it('asks for every required field once', async () => {
    const need = must((await importFixture(purchaseReturnSpec, 'supplier-own-headers.xlsx')).result.mapping);
    expect(selectionProblems(need, need.suggested)).toEqual({
      missing: ['单品信息', '出库数量'],
      repeated: [],
    });
    expect(selectionProblems(need, ['spec_no', 'spec_no', 'num', null])).toEqual({
      missing: [],
      repeated: ['单品信息'],
    });
  });

  it('lets 忽略 override a column the words matched', async () => {
    const choices: ColumnChoices = { 批次: null };
    const { result } = await importFixture(
      purchaseReturnSpec,
      'purchase-return-erp-words.xlsx',
      'lines',
      undefined,
      choices,
    );
    expect(result.lines.every((line) => line.clean.batch_no === undefined)).toBe(true);
    expect(result.columns.find((column) => column.header === '批次')?.key).toBeNull();
  });

  it('never trusts what the storage holds', () => {
    const storage = memoryStorage();
    storage.items.set(`wdt.importColumns:${purchaseReturnSpec.method}:sig`, '{"编码": 5}');
    expect(recallChoices(storage, purchaseReturnSpec.method, 'sig')).toBeUndefined();
    storage.items.set(`wdt.importColumns:${purchaseReturnSpec.method}:sig`, 'not json');
    expect(recallChoices(storage, purchaseReturnSpec.method, 'sig')).toBeUndefined();
  });
});

describe('wdt import --map', () => {
  it('prints the mapping the file needs, then imports with --map as the app does', async () => {
    const file = join(fixtureDir, 'supplier-own-headers.csv');
    const outputs: string[] = [];
    const io: CliIo = { stdout: (line) => outputs.push(line), stderr: () => undefined };
    await runImport(['--method', purchaseReturnSpec.method, '--file', file], io);
    const needed = JSON.parse(must(outputs.pop())) as { mapping?: { headers: string[] } };
    expect(needed.mapping?.headers).toEqual(['编码', '品名', '件数', '备注说明']);

    const args = ['--map', '编码=spec_no', '--map', '件数=num', '--map', '品名=忽略'];
    const code = await runImport(['--method', purchaseReturnSpec.method, '--file', file, ...args], io);
    expect(code).toBe(0);
    expect(JSON.parse(must(outputs.pop()))).toEqual({
      rows: [
        { spec_no: 'S-01', num: 3 },
        { spec_no: 'S-02', num: 4 },
      ],
      errors: [],
      notices: ['已忽略 2 列：品名、备注说明（本单据没有对应字段）'],
    });
  });
});
