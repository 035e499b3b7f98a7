/**
 * One cell to the text the field should receive: code columns exactly as displayed (never Excel's
 * 1.23457E+12), numbers from the stored value (not the rounded display), dates in the field's format.
 * The text then goes through normalizeField like anything typed into the form.
 */
import type { FieldSpec } from '../spec';
import { cleanCellText } from './cleanText';
import { fromDateSerial, readTextDate } from './dates';
import type { GridCell } from './readSheet';
import { XLSX } from './sheetjs';
import type { CellReading } from './types';

export const LOST_DIGITS = '数值超过15位已失真，请将该列设为文本格式后重新录入';
/** Excel writes a long number like this when it is shown in a narrow or General-format cell. */
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i;
const DIGITS = /^\d+$/;
/** Excel keeps 15 significant digits; below that, binary noise such as 0.30000000000000004 is not data. */
const EXCEL_PRECISION = 15;
const WHOLE_WITH_ZERO_FRACTION = /^([+-]?\d+)\.0+$/;

export function readCell(field: FieldSpec, cell: GridCell | undefined): CellReading {
  if (cell === undefined || cell.v === undefined || cell.v === null) return { text: '' };
  switch (cell.t) {
    case 's':
      return readText(field, String(cell.v));
    case 'n':
      return readNumber(field, cell);
    case 'b':
      return readBoolean(field, cell);
    case 'e':
      return { text: cell.w ?? '', problem: `单元格是错误值 ${cell.w ?? ''}，请填写实际内容` };
    default:
      return readText(field, cell.w ?? String(cell.v));
  }
}

function isFreeText(field: FieldSpec): boolean {
  return field.type.kind === 'string' && field.code !== true && field.type.format === undefined;
}

function readText(field: FieldSpec, value: string): CellReading {
  const text = cleanCellText(value, {
    keepLineBreaks: field.type.kind === 'snList',
    freeText: isFreeText(field),
  });
  if (field.code === true && SCIENTIFIC.test(text)) {
    return {
      text,
      problem: `"${text}" 是科学计数法，原来的数字已丢失；请将该列设为文本格式后重新录入完整内容`,
    };
  }
  switch (field.type.kind) {
    case 'int': {
      // "5.0" is what many exports write for a whole number; the value is 5.
      const whole = WHOLE_WITH_ZERO_FRACTION.exec(text);
      return { text: whole?.[1] ?? text };
    }
    case 'string':
      if (field.type.format !== undefined) return readTextDate(text, field.type.format);
      return { text };
    default:
      return { text };
  }
}

function readNumber(field: FieldSpec, cell: GridCell): CellReading {
  const value = cell.v as number;
  const shown = cell.w;
  if (field.code === true) return readCodeNumber(value, shown);
  switch (field.type.kind) {
    case 'int':
    case 'decimal':
    case 'flag':
    case 'boolean':
    case 'enum':
      return { text: String(Number(value.toPrecision(EXCEL_PRECISION))) };
    case 'snList':
      return readCodeNumber(value, shown);
    case 'string': {
      const format = field.type.format;
      if (format !== undefined || isDateFormat(cell.z)) {
        return fromDateSerial(value, format ?? 'auto', shown ?? String(value));
      }
      return { text: shown ?? String(value) };
    }
  }
}

function readCodeNumber(value: number, shown: string | undefined): CellReading {
  if (Number.isInteger(value)) {
    if (Math.abs(value) >= 1e15) return { text: shown ?? String(value), problem: LOST_DIGITS };
    // A custom format such as 000000 shows leading zeros the user typed; keep what they see.
    if (shown !== undefined && DIGITS.test(shown)) return { text: shown };
    return { text: String(value) };
  }
  if (shown !== undefined && !SCIENTIFIC.test(shown)) return { text: shown.trim() };
  return { text: String(value) };
}

function readBoolean(field: FieldSpec, cell: GridCell): CellReading {
  if (field.type.kind === 'boolean' || field.type.kind === 'flag') return { text: cell.v ? '是' : '否' };
  return { text: cell.w ?? (cell.v ? 'TRUE' : 'FALSE') };
}

function isDateFormat(format: string | number | undefined): boolean {
  if (format === undefined) return false;
  return XLSX.SSF.is_date(format);
}
