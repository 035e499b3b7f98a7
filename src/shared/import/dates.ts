/**
 * Dates from spreadsheets. Excel stores a date as a serial number of days; text dates are accepted only
 * when their reading is certain: 01/02/2026 is 1 February in China and 2 January in the US, so it is an
 * error, while 2026/1/2, 2026年1月2日 and 25/12/2026 are not ambiguous.
 */
import { formatDateParts, readTypedDate, type DateFormat } from '../typedValues';
import type { CellReading } from './types';
import { XLSX } from './sheetjs';

/** A serial from a date-formatted or date-typed cell. 'auto' (a free-text field) drops a midnight time. */
export function fromDateSerial(serial: number, format: DateFormat | 'auto', shown: string): CellReading {
  const code = XLSX.SSF.parse_date_code(serial);
  if (code === null || code === undefined || !(code.y >= 1900 && code.y <= 9999)) {
    return { text: shown, problem: `"${shown}" 不是有效的日期` };
  }
  const parts = {
    year: code.y,
    month: code.m,
    day: code.d,
    hour: code.H,
    minute: code.M,
    second: code.S,
  };
  const effective =
    format === 'auto' ? (code.H === 0 && code.M === 0 && code.S === 0 ? 'date' : 'datetime') : format;
  return { text: formatDateParts(parts, effective) };
}

/** Text in a date cell: the same reading as typing it into the form. */
export function readTextDate(text: string, format: DateFormat): CellReading {
  return readTypedDate(text, format);
}
