/**
 * The practice ERP's own reading and writing of its times (`yyyy-MM-dd HH:mm:ss`, UTC+8). Written apart from
 * the client's erpTime.ts on purpose: a shared mistake would pass every test and still fail on the real ERP.
 */

const UTC8_MS = 8 * 3_600_000;
const TIME_TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Server-clock ms as the ERP writes it. */
export function serverTimeText(ms: number): string {
  const wall = new Date(ms + UTC8_MS);
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${wall.getUTCFullYear()}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())} ` +
    `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}:${two(wall.getUTCSeconds())}`
  );
}

/** The ERP's time text as server-clock ms; undefined when it is not exactly `yyyy-MM-dd HH:mm:ss`. */
export function readServerTime(text: string): number | undefined {
  const match = TIME_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  if (
    back.getUTCDate() !== day ||
    back.getUTCMonth() !== month - 1 ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  return ms - UTC8_MS;
}
