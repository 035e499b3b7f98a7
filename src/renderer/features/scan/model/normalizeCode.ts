/**
 * Cleaning of a scanned or typed code before it is compared or stored. Scanners configured for another
 * keyboard layout, a Chinese IME left in full-width mode, or text pasted from chat tools bring full-width
 * letters, zero-width marks and control characters that look identical on screen but would make the ERP
 * reject (or worse, accept as different) the serial number.
 */

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
/** Distance from a full-width ASCII variant to its ASCII character. */
const FULL_WIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

function isInvisible(codePoint: number): boolean {
  return (
    codePoint <= 0x1f || // C0 controls, including CR, LF and Tab
    (codePoint >= 0x7f && codePoint <= 0x9f) || // DEL and C1 controls
    (codePoint >= 0x200b && codePoint <= 0x200d) || // zero-width space, non-joiner, joiner
    codePoint === 0x2060 || // word joiner
    codePoint === 0xfeff // byte order mark / zero-width no-break space
  );
}

/**
 * Returns the code as the ERP should see it: invisible characters removed, full-width ASCII (U+FF01–U+FF5E)
 * and the ideographic space mapped to ASCII, then trimmed. Fast path: plain printable ASCII is returned
 * trimmed without rebuilding the string, since that is what nearly every scan is.
 */
export function normalizeScannedValue(raw: string): string {
  let clean = true;
  for (let i = 0; i < raw.length; i++) {
    const unit = raw.charCodeAt(i);
    if (unit < 0x20 || unit > 0x7e) {
      clean = false;
      break;
    }
  }
  if (clean) return raw.trim();

  let out = '';
  for (const char of raw) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (isInvisible(codePoint)) continue;
    if (codePoint >= FULL_WIDTH_FIRST && codePoint <= FULL_WIDTH_LAST) {
      out += String.fromCharCode(codePoint - FULL_WIDTH_OFFSET);
    } else if (codePoint === IDEOGRAPHIC_SPACE) {
      out += ' ';
    } else {
      out += char;
    }
  }
  return out.trim();
}

export type SnProblem = 'whitespace' | 'comma' | 'too-long';

/**
 * Why a normalized, non-empty value cannot be a serial number, or null if it can. Commas are refused because
 * one vendor method sends the SN list as a single comma-joined string, where a comma would split one SN in
 * two. `maxLength` counts code points, as the vendor pages count lengths.
 */
export function findSnProblem(value: string, maxLength: number): SnProblem | null {
  if (/\s/.test(value)) return 'whitespace';
  if (value.includes(',')) return 'comma';
  let length = 0;
  for (const _ of value) length++;
  if (length > maxLength) return 'too-long';
  return null;
}
