import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/cli/importCommand';
import type { CliIo } from '../../../src/cli/io';
import { purchaseOrderSpec, purchaseReturnSpec, uploadSnSpec } from '../../../src/shared/documents';
import { wireLines } from '../../../src/shared/import';
import { canApply } from '../../../src/renderer/features/import/applyResult';
import { fixtureDir, importFixture } from './helpers';

// Written by LibreOffice (make-erp-words-fixtures.ts): a purchase return headed with the ERP's own words,
// three columns the app has no field for, and dates, quantities and flags as people type them.
const returnLines = [
  {
    spec_no: 'A-001',
    num: 12,
    batch_no: 'B1',
    expire_date: '2024-05-20',
    defect: false,
    position_no: 'H-01',
  },
  { spec_no: 'A-002', num: 12, batch_no: 'B2', expire_date: '2024-05-21', defect: true },
  { spec_no: 'A-003', num: 1200, expire_date: '2024-05-22', defect: true },
  { spec_no: 'A-004', num: 2, expire_date: '2024-05-23', defect: false },
  { spec_no: 'A-005', num: 1 },
];

describe.each([
  'purchase-return-erp-words.xlsx',
  'purchase-return-erp-words.xls',
  'purchase-return-erp-words.csv',
])('a purchase return headed 商家编码 / 数量 (%s)', (name) => {
  it('maps the ERP words to the fields and names the columns it ignores', async () => {
    const { result } = await importFixture(purchaseReturnSpec, name);
    expect(result.columns.map((column) => [column.header, column.key])).toEqual([
      ['商家编码', 'spec_no'],
      ['货品名称', null],
      ['规格名称', null],
      ['条码', null],
      ['数量', 'num'],
      ['批次', 'batch_no'],
      ['有效期至', 'expire_date'],
      ['是否残次品', 'defect'],
      ['货位', 'position_no'],
    ]);
    expect(result.notices).toEqual(['已忽略 3 列：货品名称、规格名称、条码（本单据没有对应字段）']);
  });

  it('reads 2024/5/20, 2024年5月22日, 20240523, １２, 1,200, Y/N and √/×, and refuses 5/6/2024 alone', async () => {
    const { result } = await importFixture(purchaseReturnSpec, name);
    expect(wireLines(purchaseReturnSpec, result.lines)).toEqual(returnLines);
    expect(result.problems).toEqual([
      {
        row: 6,
        column: '有效期至',
        message: expect.stringContaining('"5/6/2024" 无法确定哪个是月、哪个是日，请写成 yyyy-MM-dd'),
      },
    ]);
    expect(canApply(result)).toBe(true);
  });
});

describe('the SN document grid', () => {
  it('takes its SN column headed SN码, not only sn列表', async () => {
    const { result } = await importFixture(uploadSnSpec, 'sn-grid-erp-words.xlsx');
    expect(result.problems).toEqual([]);
    expect(wireLines(uploadSnSpec, result.lines)).toEqual([
      { spec_no: '009', sn_list: ['0090x001'] },
      { spec_no: 'SNTEST', sn_list: ['SNTEST0x001', 'SNTEST0x002'] },
    ]);
    expect(result.notices).toEqual(['已忽略 1 列：货品名称（本单据没有对应字段）']);
  });
});

describe.each([
  'purchase-order-template-untouched.xlsx',
  'purchase-order-template-untouched.xls',
  'purchase-order-template-untouched.csv',
])('the 采购单新建 template saved untouched by LibreOffice (%s)', (name) => {
  it('yields no line, says 模板中没有数据 and cannot be imported', async () => {
    const { result } = await importFixture(purchaseOrderSpec, name);
    expect(result.lines).toEqual([]);
    expect(result.problems).toEqual([
      { row: null, column: null, message: expect.stringMatching(/^模板中没有数据/) },
    ]);
    expect(result.notices).toEqual(['已跳过示例行：第2行（模板自带的示例，不会导入）']);
    expect(canApply(result)).toBe(false);
  });
});

describe('the 采购单新建 template filled in below the example', () => {
  it('imports only what the user typed', async () => {
    const { result } = await importFixture(purchaseOrderSpec, 'purchase-order-template-filled.xlsx');
    expect(result.problems).toEqual([]);
    expect(wireLines(purchaseOrderSpec, result.lines)).toEqual([{ spec_no: 'MY-001', num: 5 }]);
    expect(result.notices).toEqual(['已跳过示例行：第2行（模板自带的示例，不会导入）']);
  });
});

describe('wdt import', () => {
  async function run(file: string): Promise<{ json: unknown; stderr: string }> {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io: CliIo = { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) };
    await runImport(['--method', purchaseReturnSpec.method, '--file', join(fixtureDir, file)], io);
    return { json: JSON.parse(stdout.join('\n')), stderr: stderr.join('\n') };
  }

  it('reads the GBK CSV exactly as the app does, ignored columns included', async () => {
    const { json, stderr } = await run('purchase-return-erp-words.csv');
    expect(json).toEqual({
      rows: returnLines,
      errors: [{ row: 6, column: '有效期至', message: expect.stringContaining('无法确定哪个是月') }],
      notices: ['已忽略 3 列：货品名称、规格名称、条码（本单据没有对应字段）'],
    });
    expect(stderr).toContain('提示：已忽略 3 列');
  });

  it('says an untouched template has no data', async () => {
    const stdout: string[] = [];
    const io: CliIo = { stdout: (line) => stdout.push(line), stderr: () => undefined };
    const file = join(fixtureDir, 'purchase-order-template-untouched.xlsx');
    await runImport(['--method', purchaseOrderSpec.method, '--file', file], io);
    const json = JSON.parse(stdout.join('\n')) as { rows: unknown[]; errors: { message: string }[] };
    expect(json.rows).toEqual([]);
    expect(json.errors[0]?.message).toMatch(/^模板中没有数据/);
  });
});
