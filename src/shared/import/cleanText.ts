/**
 * Cleaning of cell text. Spreadsheets collect invisible junk: zero-width spaces pasted from web pages,
 * control characters from other systems' exports, full-width letters and digits typed with a Chinese IME.
 */

/** C0/C1 control characters (except tab and line breaks), soft hyphen, zero-width and direction marks, BOM. */
const INVISIBLE = new RegExp(
  // Matching control characters is the point here.
  // eslint-disable-next-line no-control-regex
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u00AD\\u200B-\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2060-\\u2064\\uFEFF]',
  'g',
);
const LINE_BREAKS = /[\t\r\n]+/g;
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
/** Full-width letters and digits only: in free text, full-width punctuation (，。：) is ordinary Chinese. */
const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const PLAIN = /^[\x21-\x7E](?:[\x20-\x7E]*[\x21-\x7E])?$/;

interface CleanOptions {
  /** Line breaks separate SNs in a list cell; everywhere else they become one space. */
  readonly keepLineBreaks: boolean;
  /** Free text keeps full-width punctuation; codes, numbers and choices are normalized completely. */
  readonly freeText: boolean;
}

function toHalfWidth(ch: string): string {
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

export function cleanCellText(text: string, options: CleanOptions): string {
  // Most cells are plain printable ASCII without surrounding spaces: skip the regex work for them.
  if (PLAIN.test(text)) return text;
  let cleaned = text.replace(INVISIBLE, '');
  if (!options.keepLineBreaks) cleaned = cleaned.replace(LINE_BREAKS, ' ');
  cleaned = cleaned
    .replace(options.freeText ? FULL_WIDTH_ALNUM : FULL_WIDTH_ASCII, toHalfWidth)
    .replace(/\u3000/g, ' ');
  return cleaned.trim();
}

/** A header as compared with labels and keys: no spaces or line breaks, half-width, lower case, no "*". */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[\s*]+/g, '')
    .toLowerCase();
}

/** A header as shown back to the user in messages: one line, trimmed. */
export function headerDisplay(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
