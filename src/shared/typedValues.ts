/**
 * Values as people type them, into the grid, a form, a paste or a spreadsheet cell, turned into the one form
 * the ERP parses. Shared by the field normalizer (validate.ts) and the import, so a value means the same
 * wherever it was entered:
 * - dates: 2024/5/20, 2024-5-20, 2024.5.20, 2024年5月20日 and 20240520 become yyyy-MM-dd (or
 *   yyyy-MM-dd HH:mm:ss for a time field; the ERP refuses other shapes with "Unparseable date"). 01/02/2026
 *   is 1 February in China and 2 January in the US, so it stays an error naming the expected form;
 *   25/12/2026 is not ambiguous and is read.
 * - numbers: full-width digits (１２, typed with a Chinese IME), thousands separators (1,200) and
 *   surrounding spaces. "1,5" is no thousands grouping and is left for the caller to refuse.
 */

export type DateFormat = 'date' | 'datetime';

interface TypedReading {
  readonly text: string;
  readonly problem?: string;
}

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
/** 20240520, as many systems export a date; a time may follow. */
const COMPACT = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})${TIME}$`);
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const THOUSANDS = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

export function formatDateParts(parts: DateParts, format: DateFormat): string {
  const date = `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
  if (format === 'date') return date;
  return `${date} ${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}`;
}

/** Full-width digits, letters and punctuation to ASCII, ideographic space to a space, then trimmed. */
function halfWidth(text: string): string {
  return text.normalize('NFKC').trim();
}

/**
 * Text typed into a date field, in the field's format when its reading is certain; left as it is when it is
 * no date at all (the caller's format check then names the expected form).
 */
export function readTypedDate(raw: string, format: DateFormat): TypedReading {
  const text = halfWidth(raw).replace(/\s+/g, ' ');
  const yearFirst = YEAR_FIRST.exec(text) ?? COMPACT.exec(text);
  if (yearFirst !== null) return { text: formatDateParts(partsOf(yearFirst, 1, 2, 3), format) };
  const yearLast = YEAR_LAST.exec(text);
  if (yearLast === null) return { text: raw };
  const first = Number(yearLast[1]);
  const second = Number(yearLast[2]);
  if (first <= 12 && second <= 12 && first !== second) {
    const shape = format === 'datetime' ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd';
    return {
      text: raw,
      problem: `日期 "${text}" 无法确定哪个是月、哪个是日，请写成 ${shape} 格式（例如 2026-01-02）`,
    };
  }
  // The one above 12 can only be the day.
  return first > 12
    ? { text: formatDateParts(partsOf(yearLast, 3, 2, 1), format) }
    : { text: formatDateParts(partsOf(yearLast, 3, 1, 2), format) };
}

function partsOf(match: RegExpExecArray, year: number, month: number, day: number): DateParts {
  const at = (index: number): number => Number(match[index] ?? 0);
  return { year: at(year), month: at(month), day: at(day), hour: at(4), minute: at(5), second: at(6) };
}

/** A number as typed, in plain ASCII without grouping; anything that is no number is returned half-width. */
export function readTypedNumber(raw: string): string {
  // Most cells already are plain numbers: skip the Unicode normalization for them (a sheet has 200,000).
  if (PLAIN_NUMBER.test(raw)) return raw;
  const text = halfWidth(raw).replace(/\s+/g, '');
  const grouped = THOUSANDS.exec(text);
  if (grouped === null) return text;
  return `${grouped[1] ?? ''}${(grouped[2] ?? '').replace(/,/g, '')}${grouped[3] ?? ''}`;
}
