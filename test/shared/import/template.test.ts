import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { documentSpecs, outerOutSpec, uploadSnSpec } from '../../../src/shared/documents';
import { buildTemplate, INSTRUCTIONS_SHEET, wireLines, wireSnGroups } from '../../../src/shared/import';
import { canApply } from '../../../src/renderer/features/import/applyResult';
import { importBytes, must } from './helpers';

function readBack(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: 'array', cellNF: true, cellText: true });
}

describe.each(documentSpecs.map((spec) => [spec.title, spec] as const))('template for %s', (_title, spec) => {
  it('imported untouched, yields no line: the example is skipped and the dialog says the template is empty', async () => {
    const { result } = await importBytes(spec, buildTemplate(spec), 'template.xlsx');
    expect(result.lines).toEqual([]);
    expect(result.problems).toEqual([
      { row: null, column: null, message: expect.stringContaining('模板中没有数据') },
    ]);
    expect(result.notices[0]).toMatch(/^已跳过示例行：第2/);
    expect(canApply(result)).toBe(false);
  });

  it('imports an example row that was typed over, mark or not', async () => {
    const workbook = readBack(buildTemplate(spec));
    const sheet = must(workbook.Sheets[spec.linesLabel]);
    const specNoColumn = spec.lines.findIndex((field) => field.key === 'spec_no');
    sheet[XLSX.utils.encode_cell({ r: 1, c: specNoColumn })] = { t: 's', v: 'MY-SKU', z: '@' };
    const bytes = new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const { result } = await importBytes(spec, bytes, 'typed-over.xlsx');
    expect(result.lines[0]?.raw.spec_no).toBe('MY-SKU');
    expect(result.lines[0]?.sheetRow).toBe(2);
  });

  it('has the Chinese labels as headers, text-formatted code columns and a 填写说明 sheet', () => {
    const workbook = readBack(buildTemplate(spec));
    expect(workbook.SheetNames).toEqual([spec.linesLabel, INSTRUCTIONS_SHEET]);
    const sheet = must(workbook.Sheets[spec.linesLabel]);
    const headers = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0];
    expect(headers).toEqual(spec.lines.map((field) => field.label));
    spec.lines.forEach((field, c) => {
      // An empty row far below the example: typing a barcode there keeps it as text.
      const cell = sheet[XLSX.utils.encode_cell({ r: 20, c })] as XLSX.CellObject | undefined;
      if (field.code === true) expect(cell?.z).toBe('@');
      else expect(cell).toBeUndefined();
    });
    const rules = XLSX.utils.sheet_to_json<Record<string, string>>(must(workbook.Sheets[INSTRUCTIONS_SHEET]));
    for (const field of spec.lines) {
      expect(rules.find((row) => row['列名'] === field.label)?.['必填']).toBe(field.required ? '是' : '否');
    }
    // The other words each column may be headed by, so a sheet headed 商家编码 is known to work.
    const specNo = rules.find((row) => row['字段'] === 'spec_no');
    expect([specNo?.['列名'], ...(specNo?.['也可写作'] ?? '').split('、')]).toContain('商家编码');
  });
});

describe('a filled-in template', () => {
  it('keeps what the user typed into the text-formatted columns', async () => {
    const workbook = readBack(buildTemplate(outerOutSpec));
    const sheet = must(workbook.Sheets[outerOutSpec.linesLabel]);
    // As Excel saves typing into a text-formatted cell: a string, whatever it looks like.
    sheet['A3'] = { t: 's', v: '000690123456789012', z: '@' };
    sheet['B3'] = { t: 'n', v: 4 };
    const bytes = new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const { result } = await importBytes(outerOutSpec, bytes, 'filled.xlsx');
    expect(result.problems).toEqual([]);
    expect(result.notices).toEqual(['已跳过示例行：第2行（模板自带的示例，不会导入）']);
    expect(wireLines(outerOutSpec, result.lines)).toEqual([{ spec_no: '000690123456789012', num: 4 }]);
  });

  it('for SN lists skips the example SNs and takes the ones typed below them', async () => {
    const workbook = readBack(buildTemplate(uploadSnSpec, 'sns'));
    const sheet = must(workbook.Sheets['序列号']);
    sheet['A5'] = { t: 's', v: 'SKU-9', z: '@' };
    sheet['B5'] = { t: 's', v: 'SN-REAL-1', z: '@' };
    const bytes = new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const { result } = await importBytes(uploadSnSpec, bytes, 't.xlsx', 'sns');
    expect(result.problems).toEqual([]);
    expect(result.notices).toEqual(['已跳过示例行：第2、3、4行（模板自带的示例，不会导入）']);
    expect(wireSnGroups(uploadSnSpec, result.snGroups)).toEqual([
      { spec_no: 'SKU-9', sn_list: ['SN-REAL-1'] },
    ]);
  });
});
