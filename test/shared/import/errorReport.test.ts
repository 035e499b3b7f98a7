import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { outerOutSpec, uploadSnSpec } from '../../../src/shared/documents';
import { buildErrorReport, errorReportFileName, wireLines } from '../../../src/shared/import';
import { importBytes, importFixture, must } from './helpers';

function rowsOf(bytes: Uint8Array): { workbook: XLSX.WorkBook; rows: Record<string, unknown>[] } {
  const workbook = XLSX.read(bytes, { type: 'array', cellNF: true });
  const sheet = must(workbook.Sheets[must(workbook.SheetNames[0])]);
  return { workbook, rows: XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { defval: '' }) };
}

describe('error report', () => {
  it('has the original columns plus 行号 and 错误原因, codes with their full digits as text', async () => {
    const { result, sheet } = await importFixture(outerOutSpec, 'lines.xlsx');
    const { workbook, rows } = rowsOf(buildErrorReport(outerOutSpec, must(sheet), result));
    expect(Object.keys(must(rows[0]))).toEqual([
      '商家 编码',
      '数 量',
      '辅助单位',
      '备注',
      '是否 残次品',
      '批次编号',
      '有效期',
      'ＩＳ_ＥＮＡＢＬＥ_ＳＮ',
      '序列号 列表',
      '仓管员',
      '行号',
      '错误原因',
    ]);
    expect(rows.map((row) => row['行号'])).toEqual([3, 4, 6, 7, 8, 9, 10, 11, 12]);
    expect(rows[1]?.['商家 编码']).toBe('6901234567890');
    expect(must(workbook.Sheets[must(workbook.SheetNames[0])])['A3']).toMatchObject({ t: 's', z: '@' });
    expect(rows[2]?.['错误原因']).toBe(
      '【商家 编码】数值超过15位已失真，请将该列设为文本格式后重新录入；【数 量】数量 必须是整数',
    );
    expect(rows[0]?.['错误原因']).toBe('');
    expect(errorReportFileName('明细.xlsx')).toBe('明细-错误报告.xlsx');
  });

  it('imports again as is once the values are fixed', async () => {
    const { result, sheet } = await importFixture(outerOutSpec, 'lines.xlsx');
    const { workbook } = rowsOf(buildErrorReport(outerOutSpec, must(sheet), result));
    const report = must(workbook.Sheets[must(workbook.SheetNames[0])]);
    // Fix each reported row the way a user would in Excel.
    const fixes: Record<string, XLSX.CellObject> = {
      A4: { t: 's', v: '1234567890123456', z: '@' }, // row 6: the lost barcode, retyped as text
      B4: { t: 'n', v: 5 },
      A5: { t: 's', v: '1234567890123', z: '@' }, // row 7: scientific notation retyped
      A6: { t: 's', v: '00124', z: '@' }, // row 8: the duplicate
      D8: { t: 's', v: '合并的备注' }, // row 10: the merge is gone in the report; give the row its value
      I10: { t: 's', v: 'SN003,SN004,SN005', z: '@' }, // row 12: SN count
    };
    Object.assign(report, fixes);
    const fixed = new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const again = await importBytes(outerOutSpec, fixed, '明细-错误报告.xlsx');
    expect(again.result.problems).toEqual([]);
    expect(
      again.result.columns.filter((column) => column.key === null).map((column) => column.header),
    ).toEqual(['仓管员', '行号', '错误原因']);
    expect(
      wireLines(outerOutSpec, again.result.lines).map((line) => (line as { spec_no: string }).spec_no),
    ).toEqual([
      '00123',
      '6901234567890',
      '1234567890123456',
      '1234567890123',
      '00124',
      'ABC123',
      'SKU-10',
      'SN-ITEM',
      'SN-ITEM2',
    ]);
  });

  it('works for SN lists too', async () => {
    const { result, sheet } = await importFixture(uploadSnSpec, 'sns.xlsx', 'sns');
    const { rows } = rowsOf(buildErrorReport(uploadSnSpec, must(sheet), result));
    expect(rows.map((row) => [row['商家编码'], row['SN'], row['行号'], row['错误原因']])).toEqual([
      ['SKU-A', 'SN0001', 2, ''],
      ['SKU-A', '000123', 3, ''],
      ['SKU-A', '6901234567890', 4, ''],
      ['SKU-B', 'SN0001', 5, '【SN】序列号 "SN0001" 与第2行重复'],
      ['SKU-B', 'SN0005', 6, ''],
      ['', 'SN0009', 8, '【商家编码】商家编码 不能为空'],
    ]);
    const again = await importBytes(
      uploadSnSpec,
      buildErrorReport(uploadSnSpec, must(sheet), result),
      'r.xlsx',
      'sns',
    );
    expect(again.result.problems.map((problem) => problem.row)).toEqual([5, 7]);
  });
});
