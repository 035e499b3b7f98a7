/**
 * Dates from spreadsheets. Excel stores a date as a serial number of days; text dates are accepted only
 * when their reading is certain: 01/02/2026 is 1 February in China and 2 January in the US, so it is an
 * error, while 2026/1/2, 2026年1月2日 and 25/12/2026 are not ambiguous.
 */
import type { CellReading } from './readCell';
import { XLSX } from './sheetjs';

export type DateFormat = 'date' | 'datetime';

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const TIME = String.raw`(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?${TIME}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME}$`);

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function formatParts(parts: DateParts, format: DateFormat): string {
  const date = `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
  if (format === 'date') return date;
  return `${date} ${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}`;
}

/** A serial from a date-formatted or date-typed cell. 'auto' (a free-text field) drops a midnight time. */
export function fromDateSerial(serial: number, format: DateFormat | 'auto', shown: string): CellReading {
  const code = XLSX.SSF.parse_date_code(serial);
  if (code === null || code === undefined || !(code.y >= 1900 && code.y <= 9999)) {
    return { text: shown, problem: `"${shown}" 不是有效的日期` };
  }
  const parts: DateParts = {
    year: code.y,
    month: code.m,
    day: code.d,
    hour: code.H,
    minute: code.M,
    second: code.S,
  };
  const effective =
    format === 'auto' ? (code.H === 0 && code.M === 0 && code.S === 0 ? 'date' : 'datetime') : format;
  return { text: formatParts(parts, effective) };
}

/** Text typed into a date field, in the field's format when certain; left alone when it is no date at all. */
export function readTextDate(text: string, format: DateFormat): CellReading {
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst !== null) return { text: formatParts(partsOf(yearFirst, 1, 2, 3), format) };
  const yearLast = YEAR_LAST.exec(text);
  if (yearLast === null) return { text };
  const first = Number(yearLast[1]);
  const second = Number(yearLast[2]);
  if (first <= 12 && second <= 12 && first !== second) {
    return {
      text,
      problem: `日期 "${text}" 无法确定哪个是月、哪个是日，请写成 yyyy-MM-dd 格式（例如 2026-01-02）`,
    };
  }
  // The one above 12 can only be the day.
  return first > 12
    ? { text: formatParts(partsOf(yearLast, 3, 2, 1), format) }
    : { text: formatParts(partsOf(yearLast, 3, 1, 2), format) };
}

function partsOf(match: RegExpExecArray, year: number, month: number, day: number): DateParts {
  const at = (index: number): number => Number(match[index] ?? 0);
  return { year: at(year), month: at(month), day: at(day), hour: at(4), minute: at(5), second: at(6) };
}
