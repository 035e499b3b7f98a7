/**
 * From a file's bytes to plain grids of cells, or a friendly refusal. Formats are recognized by their
 * content, not trusted from the extension: SheetJS happily "reads" any bytes as text, so a PDF renamed
 * .xlsx would otherwise come back as a sheet of garbage.
 */
import type { CellObject, Range, WorkBook, WorkSheet } from '@e965/xlsx';
import { chooseSeparator, parseDelimited } from './csv';
import { decodeTextBytes } from './decodeText';
import { checkInflatedSize } from './inflateLimit';
import { formatCount, HEADER_SEARCH_ROWS, MAX_DATA_ROWS, MAX_FILE_BYTES } from './limits';
import { readOptions, XLSX } from './sheetjs';

export type GridCell = CellObject;

export interface SheetGrid {
  readonly name: string;
  /** Row-major cells; a missing row or cell is blank. Index 0 is spreadsheet row 1. */
  readonly rows: readonly (readonly (GridCell | undefined)[] | undefined)[];
  readonly merges: readonly Range[];
  /** True for delimited text, where every cell is literal text (no types, no formats). */
  readonly plainText: boolean;
}

type ReadOutcome =
  | { readonly ok: true; readonly sheets: readonly SheetGrid[] }
  | { readonly ok: false; readonly message: string };

const SUPPORTED = /\.(xlsx|xlsm|xls|csv|txt)$/i;
const SUPPORTED_TEXT = '.xlsx、.xls、.csv、.txt';
/**
 * Rows SheetJS keeps: enough for a full sheet below a title block, plus one to notice an oversize sheet.
 * `maxDataRows` is MAX_DATA_ROWS for documents; the catalog allows more (a whole goods list in one file,
 * since each catalog import replaces the goods and cannot be split).
 */
function keptRows(maxDataRows: number): number {
  return maxDataRows + HEADER_SEARCH_ROWS + 1;
}

export async function readSpreadsheet(
  bytes: Uint8Array,
  fileName: string,
  maxDataRows: number = MAX_DATA_ROWS,
): Promise<ReadOutcome> {
  const kept = keptRows(maxDataRows);
  if (bytes.length > MAX_FILE_BYTES) {
    return refuse(
      `文件大小 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过 50 MB 的上限，请拆分后再导入`,
    );
  }
  if (!SUPPORTED.test(fileName)) {
    const extension = /\.[^./\\]*$/.exec(fileName)?.[0] ?? '（无扩展名）';
    return refuse(`不支持的文件类型 ${extension}，请选择 ${SUPPORTED_TEXT} 文件`);
  }
  if (bytes.length === 0) return refuse('文件是空的');
  if (isZip(bytes)) {
    const inflated = await checkInflatedSize(bytes);
    return inflated.ok ? readWorkbook(bytes, maxDataRows) : refuse(inflated.message);
  }
  // An .xls (compound file) is not compressed: its streams fit in the file, so its size limit holds.
  if (isCompoundFile(bytes)) return readWorkbook(bytes, maxDataRows);

  const decoded = decodeTextBytes(bytes);
  if (decoded === undefined) return refuse(notSpreadsheet);
  // Many systems export an HTML or XML table and name it .xls; SheetJS reads those.
  if (/^\s*</.test(decoded.text)) {
    // SheetJS splits such a table into every row's text before its row limit applies: count first.
    const markedRows = countRowTags(decoded.text);
    return markedRows >= kept
      ? refuse(tooManyTextRows(markedRows, maxDataRows))
      : readWorkbook(decoded.text, maxDataRows);
  }
  return readDelimited(decoded.text, fileName, maxDataRows);
}

const notSpreadsheet = `文件已损坏或不是电子表格，无法读取。请用 Excel 或 WPS 打开确认，另存为 .xlsx 后再导入`;
const encrypted = '文件设置了打开密码（已加密），无法读取。请在 Excel 中取消密码并保存后再导入';

function refuse(message: string): ReadOutcome {
  return { ok: false, message };
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isCompoundFile(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return magic.every((byte, index) => bytes[index] === byte);
}

function readWorkbook(data: Uint8Array | string, maxDataRows: number): ReadOutcome {
  const kept = keptRows(maxDataRows);
  let workbook: WorkBook;
  try {
    workbook = XLSX.read(data, {
      ...readOptions,
      type: typeof data === 'string' ? 'string' : 'array',
      sheetRows: kept,
    });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return refuse(/password|encrypt/i.test(text) ? encrypted : notSpreadsheet);
  }
  const sheets: SheetGrid[] = [];
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    if (sheet === undefined) continue;
    const rowCount = fullRowCount(sheet);
    if (rowCount >= kept) return refuse(tooManyRows(name, rowCount, maxDataRows));
    sheets.push({ name, rows: sheet['!data'] ?? [], merges: sheet['!merges'] ?? [], plainText: false });
  }
  if (sheets.length === 0) return refuse('文件中没有工作表');
  return { ok: true, sheets };
}

function fullRowCount(sheet: WorkSheet): number {
  const ref = sheet['!fullref'] ?? sheet['!ref'];
  return ref === undefined ? 0 : XLSX.utils.decode_range(ref).e.r + 1;
}

function tooManyRows(sheetName: string | null, rowCount: number, maxDataRows: number): string {
  return `${sheetName === null ? '文件' : `工作表「${sheetName}」`}有 ${formatCount(rowCount)} 行，超过 ${formatCount(maxDataRows)} 行的上限${splitHint(maxDataRows)}`;
}

function tooManyTextRows(lineCount: number, maxDataRows: number): string {
  return `文件约有 ${formatCount(lineCount)} 行，超过 ${formatCount(maxDataRows)} 行的上限${splitHint(maxDataRows)}`;
}

/** Documents can be imported in parts; a catalog file replaces the goods, so parts would undo each other. */
function splitHint(maxDataRows: number): string {
  return maxDataRows > MAX_DATA_ROWS ? '' : '，请拆分成多个文件导入';
}

/** Line breaks, for the message only: a quoted cell may hold some, hence "约". No arrays are built. */
function countLines(text: string): number {
  let count = 0;
  let at = text.indexOf('\n');
  while (at >= 0) {
    count += 1;
    at = text.indexOf('\n', at + 1);
  }
  return text.endsWith('\n') ? count : count + 1;
}

/** Row tags of an HTML table (<tr>) or an Excel 2003 XML sheet (<Row>), counted without building arrays. */
function countRowTags(text: string): number {
  const rowTag = /<(?:tr|row)[\s>/]/gi;
  let count = 0;
  while (rowTag.exec(text) !== null) count += 1;
  return count;
}

function readDelimited(text: string, fileName: string, maxDataRows: number): ReadOutcome {
  const kept = keptRows(maxDataRows);
  // Parsing stops at the limit: 12 million rows of arrays would take gigabytes before being refused.
  const table = parseDelimited(text, chooseSeparator(text, fileName), kept);
  if (table.length >= kept)
    return refuse(tooManyTextRows(Math.max(table.length, countLines(text)), maxDataRows));
  const rows = table.map((values) => values.map((value): GridCell => ({ t: 's', v: value, w: value })));
  return {
    ok: true,
    sheets: [{ name: fileName.replace(/\.[^.]*$/, ''), rows, merges: [], plainText: true }],
  };
}
