import { describe, expect, it } from 'vitest';
import { outerOutSpec } from '../../../src/shared/documents';
import { LOST_DIGITS, wireLines } from '../../../src/shared/import';
import type { DocumentSpec } from '../../../src/shared/spec';
import { importBytes, importFixture, must } from './helpers';

// Both written by LibreOffice from the same source: a merged title row, odd headers, every kind of cell.
describe.each(['lines.xlsx', 'lines.xls'])('detail lines from %s', (name) => {
  it('finds the header under the merged title and maps odd headers to fields', async () => {
    const { result } = await importFixture(outerOutSpec, name);
    expect(result.headerRow).toBe(2);
    expect(result.columns.map((column) => [column.header, column.key])).toEqual([
      ['商家 编码', 'spec_no'],
      ['数 量', 'num'],
      ['辅助单位', 'aux_unit_name'],
      ['备注', 'remark'],
      ['是否 残次品', 'defect'],
      ['批次编号', 'batch_no'],
      ['有效期', 'expire_date'],
      ['ＩＳ_ＥＮＡＢＬＥ_ＳＮ', 'is_enable_sn'],
      ['序列号 列表', 'sn_list'],
      ['仓管员', null],
    ]);
  });

  it('reads codes as shown, dates as text, 5.0 as 5 and skips the blank row', async () => {
    const { result } = await importFixture(outerOutSpec, name);
    expect(result.rowsRead).toBe(9);
    expect(result.lines.map((line) => line.sheetRow)).toEqual([3, 4, 6, 7, 8, 9, 10, 11, 12]);
    const [first, second] = wireLines(outerOutSpec, result.lines);
    expect(first).toEqual({
      spec_no: '00123',
      num: 5,
      aux_unit_name: '个',
      remark: '首行',
      defect: false,
      batch_no: 'B001',
      expire_date: '2026-03-01',
    });
    expect(second).toEqual({
      spec_no: '6901234567890',
      num: 5,
      remark: '条码存成了数字',
      defect: true,
      batch_no: '20240101',
      is_enable_sn: 0,
    });
    const fullWidth = result.lines.find((line) => line.sheetRow === 9);
    expect(fullWidth?.clean.spec_no).toBe('ABC123');
  });

  it('reports every problem at once with the sheet row, the header text and a Chinese message', async () => {
    const { result } = await importFixture(outerOutSpec, name);
    expect(result.problems).toEqual([
      { row: 6, column: '商家 编码', message: LOST_DIGITS },
      { row: 6, column: '数 量', message: '数量 必须是整数' },
      { row: 7, column: '商家 编码', message: expect.stringContaining('"1.23457E+12" 是科学计数法') },
      { row: 9, column: '备注', message: '合并单元格 D9:D10：请取消合并，并在每一行分别填写' },
      { row: 12, column: '序列号 列表', message: '序列号列表 有1个序列号，必须与 数量（3）一致' },
    ]);
  });
});

describe.each(['gb18030.csv', 'utf8-bom.csv', 'utf16.txt'])('text file %s', (name) => {
  it('decodes Chinese, keeps leading zeros and long codes as typed', async () => {
    const { result } = await importFixture(outerOutSpec, name);
    expect(wireLines(outerOutSpec, result.lines)).toEqual([
      { spec_no: '00123', num: 5, remark: '中文备注，带逗号' },
      { spec_no: '6901234567890', num: 2, remark: '条码' },
      { spec_no: 'X-1' },
    ]);
    expect(result.problems).toEqual([{ row: 5, column: '数量', message: '数量 必须是整数' }]);
  });
});

const encoder = new TextEncoder();
function csv(text: string): Uint8Array {
  return encoder.encode(text);
}

describe('header and values', () => {
  it('names the missing required columns in Chinese', async () => {
    const { result } = await importBytes(outerOutSpec, csv('商家编码,备注\nA,x\n'), 'a.csv');
    expect(result.problems).toEqual([
      { row: null, column: null, message: '缺少必填列：数量，请指定各列对应的字段' },
    ]);
    expect(result.lines).toEqual([]);
    expect(result.mapping?.headers).toEqual(['商家编码', '备注']);
    expect(result.mapping?.suggested).toEqual(['spec_no', 'remark']);
  });

  it('says where the header should be when none is found, and offers to map the columns', async () => {
    const { result } = await importBytes(outerOutSpec, csv('货号,件数\nA,1\n'), 'a.csv');
    expect(result.problems[0]?.message).toBe(
      '在前10行中没有找到表头（应包含：商家编码、数量），请指定各列对应的字段',
    );
    expect(result.mapping?.headers).toEqual(['货号', '件数']);
    expect(result.mapping?.preview).toEqual([['A', '1']]);
  });

  it('accepts field keys as headers, cleans invisible characters and maps yes/no words', async () => {
    const text =
      'spec_no,num,defect,is_enable_sn,sn_list\n"\u200bA-1\u0007 ",５,是,是,"S1\nS2"\nB-2,"3.00",false,0,\n';
    const { result } = await importBytes(outerOutSpec, csv(text), 'a.csv');
    expect(result.problems).toEqual([
      { row: 2, column: 'sn_list', message: '序列号列表 有2个序列号，必须与 数量（5）一致' },
    ]);
    expect(wireLines(outerOutSpec, result.lines)).toEqual([
      { spec_no: 'A-1', num: 5, defect: true, is_enable_sn: 1, sn_list: 'S1,S2' },
      { spec_no: 'B-2', num: 3, defect: false, is_enable_sn: 0 },
    ]);
  });

  it('flags a column given twice', async () => {
    const { result } = await importBytes(outerOutSpec, csv('商家编码,数量,spec_no\nA,1,B\n'), 'a.csv');
    expect(result.problems).toEqual([
      { row: 1, column: null, message: '「spec_no」与「商家编码」是同一列（商家编码），请删除其中一列' },
    ]);
  });
});

/** A spec with a datetime line field, to check how dates in sheets become the field's format. */
const datedSpec: DocumentSpec = {
  ...outerOutSpec,
  lines: [
    must(outerOutSpec.lines[0]),
    {
      key: 'arrive',
      label: '到货时间',
      vendorType: 'String',
      type: { kind: 'string', format: 'datetime' },
      required: false,
      help: '',
    },
  ],
  rules: [],
};

describe('dates', () => {
  it('turns serials and unambiguous text into yyyy-MM-dd HH:mm:ss and refuses 01/02/2026', async () => {
    const { result } = await importFixture(datedSpec, 'dates.xlsx');
    expect(result.lines.map((line) => [line.raw.spec_no, line.clean.arrive ?? null])).toEqual([
      ['A', '2026-01-01 10:30:00'],
      ['B', null],
      ['C', '2026-01-02 10:30:00'],
      ['D', '2026-12-25 00:00:00'],
      ['E', '2026-03-04 00:00:00'],
    ]);
    expect(result.problems).toEqual([
      {
        row: 3,
        column: '到货时间',
        message: expect.stringContaining('日期 "01/02/2026" 无法确定哪个是月、哪个是日'),
      },
    ]);
  });
});

describe('refused files', () => {
  it.each([
    ['corrupt.xlsx', '文件已损坏或不是电子表格'],
    ['not-a-sheet.xlsx', '文件已损坏或不是电子表格'],
    ['encrypted.xls', '文件设置了打开密码（已加密）'],
  ])('%s is refused with a friendly message', async (name, message) => {
    const { result, sheet } = await importFixture(outerOutSpec, name);
    expect(sheet).toBeNull();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toContain(message);
  });

  it('refuses a binary file named .csv and an unsupported extension', async () => {
    const binary = new Uint8Array([0x00, 0x01, 0x02, 0x9f, 0x00, 0x80]);
    expect((await importBytes(outerOutSpec, binary, 'x.csv')).result.problems[0]?.message).toContain(
      '不是电子表格',
    );
    expect((await importBytes(outerOutSpec, csv('a'), 'x.pdf')).result.problems[0]?.message).toBe(
      '不支持的文件类型 .pdf，请选择 .xlsx、.xls、.csv、.txt 文件',
    );
  });

  it('refuses files over 50 MB before reading them', async () => {
    const { result } = await importBytes(outerOutSpec, new Uint8Array(50 * 1024 * 1024 + 1), 'big.xlsx');
    expect(result.problems[0]?.message).toBe('文件大小 50.0 MB，超过 50 MB 的上限，请拆分后再导入');
  });

  it('refuses sheets over 200,000 rows', async () => {
    const text = `商家编码,数量\n${'A,1\n'.repeat(200_011)}`;
    const { result } = await importBytes(outerOutSpec, csv(text), 'many.csv');
    expect(result.problems[0]?.message).toBe(
      '文件约有 200,012 行，超过 200,000 行的上限，请拆分成多个文件导入',
    );
  });
});
