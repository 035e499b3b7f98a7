/**
 * "下载模板": an .xlsx per document with the spec's Chinese labels as headers, code columns pre-formatted
 * as text, the vendor page's example as the first data rows (marked, so an untouched template imports no
 * line: see exampleRow.ts), and a 填写说明 sheet listing every column's rules and the other words it may be
 * headed by. The template is made from the same spec the import maps by, so a filled-in template imports.
 */
import type { DocumentSpec, FieldSpec, FieldType } from '../spec';
import { enumOptionText } from '../validate';
import { catalogColumns, catalogExamples } from './catalogColumns';
import { lineColumns, productField, snColumns, snListField } from './columns';
import { EXAMPLE_MARK } from './exampleRow';
import type { ImportTarget } from './types';
import { fieldCell, plainCell, sheetFromCells, textCell, textWidth, workbookBytes } from './writeSheet';
import { XLSX } from './sheetjs';
import type { CellObject } from '@e965/xlsx';

/** Empty rows below the example whose code cells are already text-formatted, ready to be typed into. */
const PREFORMATTED_ROWS = 500;
export const INSTRUCTIONS_SHEET = '填写说明';

export function templateFileName(spec: DocumentSpec, target: ImportTarget = 'lines'): string {
  if (target === 'catalog') return CATALOG_TEMPLATE_FILE_NAME;
  return `${spec.title}-${target === 'lines' ? '明细' : '序列号'}导入模板.xlsx`;
}

export function buildTemplate(spec: DocumentSpec, target: ImportTarget = 'lines'): Uint8Array {
  const columns =
    target === 'catalog' ? catalogColumns() : target === 'lines' ? lineColumns(spec) : snColumns(spec);
  if (columns === undefined) throw new Error(`${spec.method} has no SN list to import into`);
  const sheetName = target === 'lines' ? spec.linesLabel : target === 'sns' ? '序列号' : CATALOG_SHEET;
  return templateBytes(
    columns.map((column) => column.field),
    templateExamples(spec, target),
    sheetName,
    target,
  );
}

/** "下载模板" for the catalog: 商家编码, 货品名称, 规格名称, 主条码, 条码, with a marked example row. */
export function buildCatalogTemplate(): Uint8Array {
  const fields = catalogColumns().map((column) => column.field);
  return templateBytes(
    fields,
    catalogExamples.map((example) => ({ ...example })),
    CATALOG_SHEET,
    'catalog',
  );
}

export const CATALOG_TEMPLATE_FILE_NAME = '商品目录导入模板.xlsx';
const CATALOG_SHEET = '商品目录';

function templateBytes(
  fields: readonly FieldSpec[],
  examples: readonly Readonly<Record<string, string>>[],
  sheetName: string,
  target: ImportTarget,
): Uint8Array {
  const rows: (CellObject | undefined)[][] = [fields.map((field) => plainCell(field.label))];
  for (const example of examples) {
    const cells = fields.map((field) => {
      const value = example[field.key];
      return value === undefined ? (isTextColumn(field) ? textCell('') : undefined) : fieldCell(field, value);
    });
    rows.push([...cells, plainCell(EXAMPLE_MARK)]);
  }
  for (let i = 0; i < PREFORMATTED_ROWS; i++) {
    rows.push(fields.map((field) => (isTextColumn(field) ? textCell('') : undefined)));
  }
  const widths = [
    ...fields.map((field) => Math.max(12, textWidth(field.label) + 4)),
    textWidth(EXAMPLE_MARK) + 2,
  ];

  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheetFromCells(rows, widths), sheetName);
  XLSX.utils.book_append_sheet(workbook, instructionsSheet(fields, target), INSTRUCTIONS_SHEET);
  return workbookBytes(workbook);
}

/** The example rows the template carries, as cell texts keyed by field key (SN rows use the key 'sn'). */
export function templateExamples(spec: DocumentSpec, target: ImportTarget): Record<string, string>[] {
  if (target === 'catalog') return catalogExamples.map((example) => ({ ...example }));
  return target === 'lines' ? exampleLines(spec) : exampleSnRows(spec);
}

function isTextColumn(field: FieldSpec): boolean {
  return field.code === true || field.type.kind === 'snList';
}

/** The vendor example's detail lines as cell texts keyed by field key. */
function exampleLines(spec: DocumentSpec): Record<string, string>[] {
  const [first, second] = spec.example.args;
  const raw = spec.linesNested ? (isRecord(first) ? first[spec.linesArg] : undefined) : second;
  if (!Array.isArray(raw)) return [];
  const known = new Set(spec.lines.map((field) => field.key));
  return raw.filter(isRecord).map((line) => {
    const texts: Record<string, string> = {};
    for (const [key, value] of Object.entries(line)) {
      if (!known.has(key)) continue;
      const text = exampleText(value);
      if (text !== undefined) texts[key] = text;
    }
    return texts;
  });
}

function exampleSnRows(spec: DocumentSpec): Record<string, string>[] {
  const snList = snListField(spec);
  const product = productField(spec);
  if (snList === undefined || product === undefined) return [];
  const rows = exampleLines(spec).flatMap((line) => {
    const specNo = line[product.key];
    const sns = (line[snList.key] ?? '').split(',').filter((sn) => sn !== '');
    return specNo === undefined ? [] : sns.map((sn) => ({ [product.key]: specNo, sn }));
  });
  if (rows.length > 0) return rows;
  const specNo = exampleLines(spec)[0]?.[product.key] ?? 'SKU001';
  return [
    { [product.key]: specNo, sn: 'SN0001' },
    { [product.key]: specNo, sn: 'SN0002' },
  ];
}

function exampleText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join(',');
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const INSTRUCTION_HEADERS = ['列名', '也可写作', '字段', '类型', '必填', '长度', '可选值', '说明'];

function instructionsSheet(fields: readonly FieldSpec[], target: ImportTarget) {
  const rows: CellObject[][] = [INSTRUCTION_HEADERS.map(plainCell)];
  for (const field of fields) {
    rows.push(
      [
        field.label,
        (field.words ?? []).filter((word) => word !== field.label).join('、'),
        target === 'sns' && field.type.kind === 'snList' ? 'SN' : field.key,
        typeText(field),
        field.required ? '是' : '否',
        lengthText(field.type),
        field.type.kind === 'enum' ? field.type.options.map(enumOptionText).join('；') : '',
        field.help,
      ].map(plainCell),
    );
  }
  rows.push([], ...generalNotes(target).map((note) => [plainCell(note)]));
  return sheetFromCells(rows, [16, 24, 16, 28, 6, 24, 36, 80]);
}

function typeText(field: FieldSpec): string {
  const type = field.type;
  const text = ((): string => {
    switch (type.kind) {
      case 'string':
        if (type.format === 'datetime') return '日期时间（yyyy-MM-dd HH:mm:ss）';
        if (type.format === 'date' || type.dateLike === true) return '日期（yyyy-MM-dd）';
        return '文本';
      case 'int':
        return type.positive === undefined ? '整数' : '整数（大于0）';
      case 'decimal':
        return type.positive === undefined ? '数字' : '数字（大于0）';
      case 'boolean':
        return '是/否（也可填 true/false、1/0）';
      case 'flag':
        return '0/1（也可填 否/是）';
      case 'enum':
        return '选项（填数字或名称）';
      case 'snList':
        return '序列号（多个用英文逗号分隔）';
    }
  })();
  return field.code === true ? `${text}，编码列：已设为文本格式` : text;
}

function lengthText(type: FieldType): string {
  switch (type.kind) {
    case 'string':
      return type.maxLength === undefined ? '' : `最多${type.maxLength}个字符`;
    case 'int':
      return type.maxDigits === undefined ? '' : `最多${type.maxDigits}位`;
    case 'decimal':
      return `整数部分最多${type.precision - type.scale}位，小数最多${type.scale}位`;
    default:
      return '';
  }
}

function generalNotes(target: ImportTarget): string[] {
  const notes = [
    '说明：',
    '1. 第一行是表头；列名也可以写成「也可写作」中的任一名称，其他列会被忽略；可以删除不需要的非必填列。',
    '2. 第二行起是示例数据（右侧标有“示例行”），原样保留时导入会自动跳过；可以直接覆盖，也可以在下方填写。',
    '3. 编码列（商家编码、批次号、序列号等）已设为文本格式，请勿改为数字格式，否则前导0和长编码会丢失。',
    '4. 空行会被跳过；请不要合并单元格。',
  ];
  if (target === 'sns') notes.push('5. 每行一个序列号；同一文件中的序列号不能重复。');
  else if (target === 'catalog')
    notes.push(
      '5. 一个单元格可以填多个条码（用逗号、分号、斜杠或空格分隔）；同一商家编码可以占多行，条码会合并。',
    );
  else notes.push('5. 同一个商家编码在一张单据中只能出现一次。');
  return notes;
}
