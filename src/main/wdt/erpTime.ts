/**
 * Times as the ERP writes and reads them. Query windows are `yyyy-MM-dd HH:mm:ss` on the server's clock in
 * its zone, UTC+8 (China has no daylight saving), whatever zone this PC is set to; answers give times either
 * as that text or as epoch milliseconds (a number or numeric text), depending on the method and field.
 */

/** UTC+8, the ERP's zone. */
export const ERP_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Epoch milliseconds below this (1973-03-03) are not taken as times: such small numbers in a time field are
 * "not set" markers or seconds, and reading seconds as milliseconds would put a document in 1970.
 */
const MIN_EPOCH_MS = 100_000_000_000;

const ERP_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const EPOCH_TEXT = /^\d{11,16}$/;

/**
 * The ERP's text for a local-clock moment: `clockOffsetMs` (server − local, as learned from the Date header)
 * moves it onto the server's clock, then it is written in UTC+8. Fractions of a second are dropped.
 */
export function formatErpTime(moment: Date | number, clockOffsetMs = 0): string {
  const ms = typeof moment === 'number' ? moment : moment.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('formatErpTime: not a valid time');
  // Shifting by +8 h and reading the UTC fields gives the wall clock in UTC+8, independent of process TZ.
  const shifted = new Date(Math.floor((ms + clockOffsetMs) / 1000) * 1000 + ERP_UTC_OFFSET_MS);
  return shifted.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * A time from an ERP answer as an instant: text `yyyy-MM-dd HH:mm:ss` (seconds, or the whole time, may be
 * missing) read in UTC+8, or epoch milliseconds given as a number or as numeric text. Undefined for anything
 * else: empty text, `0000-00-00 00:00:00`, impossible dates, small numbers (see MIN_EPOCH_MS).
 *
 * With `clockOffsetMs` (server − local) the result is on this PC's clock, so it can be compared with times
 * this PC recorded (e.g. when a document was sent); without it, it is on the server's clock.
 */
export function parseErpTime(value: unknown, clockOffsetMs = 0): Date | undefined {
  const serverMs = erpTimeMs(value);
  return serverMs === undefined ? undefined : new Date(serverMs - clockOffsetMs);
}

function erpTimeMs(value: unknown): number | undefined {
  if (typeof value === 'number') return epochMs(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (EPOCH_TEXT.test(text)) return epochMs(Number(text));
  const match = ERP_TEXT.exec(text);
  if (!match) return undefined;
  const part = (index: number): number => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map(part) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fraction = Number((match[7] ?? '').padEnd(3, '0'));
  const utcMs = Date.UTC(year, month - 1, day, hour, minute, second, fraction);
  const check = new Date(utcMs);
  // Date.UTC rolls 2024-02-30 over to March; the ERP never means that, so such text is not a time.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  return utcMs - ERP_UTC_OFFSET_MS;
}

function epochMs(value: number): number | undefined {
  return Number.isSafeInteger(value) && value >= MIN_EPOCH_MS ? value : undefined;
}
