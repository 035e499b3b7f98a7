/**
 * Writing cells for the files we produce (templates, error reports). Code columns are written as text
 * cells with the text format "@", so Excel keeps what the user types there as typed (leading zeros, long
 * barcodes) instead of turning it into a number.
 */
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import type { FieldSpec } from '../spec';
import { XLSX } from './sheetjs';

const TEXT_FORMAT = '@';

export function textCell(value: string): CellObject {
  return { t: 's', v: value, z: TEXT_FORMAT };
}

export function plainCell(value: string | number | boolean): CellObject {
  if (typeof value === 'number') return { t: 'n', v: value };
  if (typeof value === 'boolean') return { t: 'b', v: value };
  return { t: 's', v: value };
}

/** A value for `field` as a person would type it into the column. */
export function fieldCell(field: FieldSpec, value: string): CellObject {
  if (field.code === true || field.type.kind === 'snList') return textCell(value);
  const numeric = field.type.kind === 'int' || field.type.kind === 'decimal' || field.type.kind === 'flag';
  if (numeric && value.trim() !== '' && Number.isFinite(Number(value))) return plainCell(Number(value));
  return plainCell(value);
}

export function sheetFromCells(
  rows: readonly (readonly (CellObject | undefined)[])[],
  widths: readonly number[],
): WorkSheet {
  const sheet: WorkSheet = {};
  let lastColumn = 0;
  rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (cell === undefined) return;
      sheet[XLSX.utils.encode_cell({ r, c })] = cell;
      lastColumn = Math.max(lastColumn, c);
    });
  });
  sheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(0, rows.length - 1), c: lastColumn },
  });
  sheet['!cols'] = widths.map((wch) => ({ wch }));
  return sheet;
}

/** Display width of a text in Excel "characters": a Chinese character takes two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return width;
}

export function workbookBytes(workbook: WorkBook): Uint8Array {
  const written: unknown = XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true });
  if (written instanceof ArrayBuffer) return new Uint8Array(written);
  if (written instanceof Uint8Array) return written;
  throw new Error('SheetJS returned an unexpected type from write()');
}
