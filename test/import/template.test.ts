import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { documentSpecs, outerOutSpec, uploadSnSpec } from '../../src/shared/documents';
import { buildTemplate, INSTRUCTIONS_SHEET, wireLines, wireSnGroups } from '../../src/shared/import';
import { importBytes, must } from './helpers';

function readBack(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: 'array', cellNF: true, cellText: true });
}

describe.each(documentSpecs.map((spec) => [spec.title, spec] as const))('template for %s', (_title, spec) => {
  it('imports back untouched, giving the vendor example lines', async () => {
    const { result } = await importBytes(spec, buildTemplate(spec), 'template.xlsx');
    expect(result.problems).toEqual([]);
    const [first, second] = spec.example.args;
    const exampleLines = spec.linesNested ? (first as Record<string, unknown>)[spec.linesArg] : second;
    const wire = wireLines(spec, result.lines);
    expect(wire).toHaveLength((exampleLines as unknown[]).length);
    expect(result.lines[0]?.raw.spec_no).toBe((exampleLines as Record<string, string>[])[0]?.spec_no);
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
    expect(wireLines(outerOutSpec, result.lines)).toEqual([
      { spec_no: 'DFAQT101', num: 2 },
      { spec_no: '000690123456789012', num: 4 },
    ]);
  });

  it('for SN lists imports back as the example SNs', async () => {
    const { result } = await importBytes(uploadSnSpec, buildTemplate(uploadSnSpec, 'sns'), 't.xlsx', 'sns');
    expect(result.problems).toEqual([]);
    expect(wireSnGroups(uploadSnSpec, result.snGroups)).toEqual([
      { spec_no: '009', sn_list: ['0090x001'] },
      { spec_no: 'SNTEST', sn_list: ['SNTEST0x001', 'SNTEST0x002'] },
    ]);
  });
});
