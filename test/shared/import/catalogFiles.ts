/**
 * Goods-list files as sellers get them from the ERP: an .xlsx written with the project's own SheetJS, and a
 * CSV in GBK (what Chinese Excel and the ERP's "导出CSV" write). GBK bytes are made with the platform's own
 * GB18030 decoder run backwards over the two-byte range, so no encoder package is needed.
 */
import * as XLSX from '@e965/xlsx';
import { importSpreadsheet, type ColumnChoices, type ImportOutcome } from '../../../src/shared/import';

export type Cell = XLSX.CellObject | null;
export const text = (v: string): Cell => ({ t: 's', v, z: '@' });
export const str = (v: string): Cell => ({ t: 's', v });
/** A number cell; `w` is the text it shows (Excel's General shows a 13-digit barcode as 6.90123E+12). */
export const num = (v: number, w?: string): Cell => (w === undefined ? { t: 'n', v } : { t: 'n', v, w });

/** A sheet of the rows as given, a null cell left empty (also used by the fixture scripts in test/fixtures). */
export function worksheet(rows: Cell[][]): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxC = 0;
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null) return;
      ws[XLSX.utils.encode_cell({ r, c })] = cell;
      maxC = Math.max(maxC, c);
    }),
  );
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: maxC } });
  return ws;
}

export function xlsxBytes(rows: Cell[][], sheetName = 'Sheet1'): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, worksheet(rows), sheetName);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

let gbkTable: Map<string, number[]> | undefined;

function gbk(): Map<string, number[]> {
  if (gbkTable !== undefined) return gbkTable;
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  gbkTable = table;
  return table;
}

/** The text in GBK bytes, CRLF line ends, no BOM: as the ERP and Chinese Excel save CSV. */
export function gbkBytes(content: string): Uint8Array {
  const table = gbk();
  const out: number[] = [];
  for (const ch of content.replace(/\r?\n/g, '\r\n')) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = table.get(ch);
    if (bytes === undefined) throw new Error(`not in GBK: ${ch}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

export function importCatalogBytes(
  bytes: Uint8Array,
  fileName: string,
  choices?: ColumnChoices,
): Promise<ImportOutcome> {
  return importSpreadsheet({ bytes, fileName, target: 'catalog', choices });
}
