import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import {
  buildCatalogTemplate,
  buildErrorReport,
  headerSignature,
  splitBarcodes,
} from '../../../src/shared/import';
import { EXAMPLE_MARK } from '../../../src/shared/import/exampleRow';
import { canApply } from '../../../src/renderer/features/import/applyResult';
import { gbkBytes, importCatalogBytes, num, str, text, xlsxBytes } from './catalogFiles';
import { must } from './helpers';

describe('an ERP goods-list export (.xlsx)', () => {
  // The ERP's 单品 export: a title row, its own labels, columns the catalog does not need, a barcode stored
  // as a number (Excel's General format shows it as 6.90123E+12), several barcodes in one cell, a spec on
  // several rows, full-width spaces around names and a full-width code typed with a Chinese IME.
  const bytes = xlsxBytes([
    [str('货品档案导出 2026-11-30'), null, null, null, null, null],
    [str('货品编号'), str('商家编码'), str('货品名称'), str('规格名称'), str('主条码'), str('零售价')],
    [str('G001'), text('A-001'), str('\u3000保温杯\u3000'), str('红色 500ml'), num(6901234567892), num(59)],
    [str('G001'), text('A-002'), str('保温杯'), str('蓝色 500ml'), text('6901234567908'), num(59)],
    [str('G002'), text('Ｂ－００１'), str('水杯'), str(''), text('6901234567915，6901234567922'), num(9.9)],
    [str('G002'), text('B-001'), str(''), str(''), text('6901234567939'), null],
    [null, null, null, null, null, null],
    [str('G003'), text('00123'), str('毛巾'), str('白'), null, num(5)],
  ]);

  it('gives one product per 商家编码 with every barcode as the digits shown', async () => {
    const { result } = await importCatalogBytes(bytes, '货品档案.xlsx');
    expect(result.problems).toEqual([]);
    expect(result.headerRow).toBe(2);
    expect(result.rowsRead).toBe(5);
    expect(result.products).toEqual([
      { specNo: 'A-001', goodsName: '保温杯', specName: '红色 500ml', barcodes: ['6901234567892'] },
      { specNo: 'A-002', goodsName: '保温杯', specName: '蓝色 500ml', barcodes: ['6901234567908'] },
      {
        specNo: 'B-001',
        goodsName: '水杯',
        specName: '',
        barcodes: ['6901234567915', '6901234567922', '6901234567939'],
      },
      { specNo: '00123', goodsName: '毛巾', specName: '白', barcodes: [] },
    ]);
    expect(result.notices).toEqual(['已忽略 2 列：货品编号、零售价（目录不需要这些列）']);
    expect(canApply(result)).toBe(true);
  });
});

describe('a GBK CSV as the ERP exports it', () => {
  const csv = [
    '商家编码,货品名称,规格名称,条码',
    'C-01,电热水壶,1.5L,"6911111111116;6911111111123 / 6911111111130"',
    'C-01,电热水壶,1.5L,6911111111147',
    'C-01,电热水壶,1.5L,6911111111116',
    ',无编码的货品,,6922222222222',
    `${'X'.repeat(101)},太长的编码,,`,
    'C-02,台灯,暖光,6.91111E+12',
    'C-03,插线板,三孔 五位,6933333333331　6933333333348',
  ].join('\n');

  it('decodes GBK, collects a spec’s barcodes over its rows and reports bad rows in Chinese', async () => {
    const bytes = gbkBytes(csv);
    // Really GBK: not valid UTF-8, so the reader must fall back.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { result } = await importCatalogBytes(bytes, '单品列表.csv');
    expect(result.products).toEqual([
      {
        specNo: 'C-01',
        goodsName: '电热水壶',
        specName: '1.5L',
        barcodes: ['6911111111116', '6911111111123', '6911111111130', '6911111111147'],
      },
      {
        specNo: 'C-03',
        goodsName: '插线板',
        specName: '三孔 五位',
        barcodes: ['6933333333331', '6933333333348'],
      },
    ]);
    expect(result.problems).toEqual([
      { row: 5, column: '商家编码', message: '商家编码 不能为空' },
      { row: 6, column: '商家编码', message: '商家编码 最多100个字符（现有101个）' },
      { row: 7, column: '条码', message: expect.stringContaining('科学计数法') },
    ]);
    // Row problems do not block: the good rows can still replace the catalog.
    expect(canApply(result)).toBe(true);
  });

  it('writes an error report naming each bad row', async () => {
    const { result, sheet } = await importCatalogBytes(gbkBytes(csv), '单品列表.csv');
    const report = buildErrorReport(undefined, must(sheet, 'sheet'), result);
    const book = XLSX.read(report, { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<string[]>(must(book.Sheets[must(book.SheetNames[0])]), {
      header: 1,
      raw: false,
    });
    const reasons = rows.slice(1).map((row) => [row[4], row[5]]);
    expect(reasons).toContainEqual(['5', '【商家编码】商家编码 不能为空']);
    expect(reasons.some(([row, reason]) => row === '7' && reason?.includes('科学计数法'))).toBe(true);
  });
});

describe('a sheet with an example row under its header', () => {
  it('skips the untouched marked example and imports what is below it', async () => {
    const bytes = xlsxBytes([
      [str('商家编码'), str('货品名称'), str('规格名称'), str('主条码'), str('条码')],
      [
        text('SKU001'),
        str('示例货品'),
        str('红色 M'),
        text('6901234567892'),
        text('6901234567892'),
        str(EXAMPLE_MARK),
      ],
      [text('REAL-1'), str('真货品'), str(''), text('6940000000011'), text('6940000000011,6940000000028')],
    ]);
    const { result } = await importCatalogBytes(bytes, 'catalog.xlsx');
    expect(result.problems).toEqual([]);
    expect(result.notices).toEqual(['已跳过示例行：第2行（模板自带的示例，不会导入）']);
    expect(result.products).toEqual([
      {
        specNo: 'REAL-1',
        goodsName: '真货品',
        specName: '',
        barcodes: ['6940000000011', '6940000000028'],
      },
    ]);
  });

  it('says so when the downloaded template is imported untouched', async () => {
    const { result } = await importCatalogBytes(buildCatalogTemplate(), '商品目录导入模板.xlsx');
    expect(result.products).toEqual([]);
    expect(result.problems[0]?.message).toMatch(/^模板中没有数据/);
    expect(canApply(result)).toBe(false);
  });

  it('imports a filled-in template, 主条码 first', async () => {
    const book = XLSX.read(buildCatalogTemplate(), { type: 'array' });
    const sheet = must(book.Sheets['商品目录'], 'sheet');
    sheet['A3'] = { t: 's', v: 'MINE-7' };
    sheet['D3'] = { t: 's', v: '6950000000007' };
    sheet['E3'] = { t: 's', v: '6950000000014 6950000000007' };
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const { result } = await importCatalogBytes(bytes, 'filled.xlsx');
    expect(result.problems).toEqual([]);
    expect(result.products).toEqual([
      { specNo: 'MINE-7', goodsName: '', specName: '', barcodes: ['6950000000007', '6950000000014'] },
    ]);
  });
});

describe('headers the catalog does not recognise', () => {
  const bytes = xlsxBytes([
    [str('编号'), str('名字'), str('码')],
    [text('Q-1'), str('杯子'), num(6960000000012)],
  ]);

  it('asks for the columns, then imports with the user’s mapping', async () => {
    const first = (await importCatalogBytes(bytes, 'own.xlsx')).result;
    const need = must(first.mapping, 'mapping');
    expect(canApply(first)).toBe(false);
    expect(first.problems[0]?.message).toContain('请指定各列对应的字段');
    expect(need.signature).toBe(headerSignature('catalog', ['编号', '名字', '码']));
    expect(need.fields.map((field) => `${field.label}${field.required ? '*' : ''}`)).toEqual([
      '商家编码*',
      '货品名称',
      '规格名称',
      '主条码',
      '条码',
    ]);
    // The preview shows what Excel shows; the import itself reads every digit (below).
    expect(need.preview).toEqual([['Q-1', '杯子', '6.96E+12']]);

    const { result } = await importCatalogBytes(bytes, 'own.xlsx', {
      编号: 'spec_no',
      名字: 'goods_name',
      码: 'barcode',
    });
    expect(result.problems).toEqual([]);
    expect(result.products).toEqual([
      { specNo: 'Q-1', goodsName: '杯子', specName: '', barcodes: ['6960000000012'] },
    ]);
  });
});

describe('limits of one product', () => {
  it('keeps 50 barcodes per 商家编码 (what main accepts) and says the rest were left out', async () => {
    const many = Array.from({ length: 55 }, (_, i) => String(6970000000000 + i));
    const bytes = xlsxBytes([
      [str('商家编码'), str('条码')],
      [text('MANY'), text(many.slice(0, 30).join(','))],
      [text('MANY'), text(many.slice(30).join(','))],
    ]);
    const { result } = await importCatalogBytes(bytes, 'many.xlsx');
    expect(result.products?.[0]?.barcodes).toEqual(many.slice(0, 50));
    expect(result.problems).toEqual([
      { row: 3, column: '条码', message: '商家编码 "MANY" 的条码超过50个，多出的条码未导入' },
    ]);
  });

  it('cuts a name longer than main accepts and says so', async () => {
    const bytes = xlsxBytes([
      [str('商家编码'), str('货品名称')],
      [text('LONG'), str('名'.repeat(300))],
    ]);
    const { result } = await importCatalogBytes(bytes, 'long.xlsx');
    expect(result.products?.[0]?.goodsName).toBe('名'.repeat(255));
    expect(result.notices).toEqual([expect.stringContaining('已截断')]);
  });
});

describe('splitBarcodes', () => {
  it('splits on the separators people use', () => {
    expect(splitBarcodes('1,2，3;4；5/6 7\u30008、9')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});
