/**
 * The checksum that closes every line the journal writes: `…,"crc":"xxxxxxxx"}` where xxxxxxxx is the
 * CRC-32 (lowercase hex) of every byte before `,"crc":"`. The line stays plain JSON, and a single damaged
 * byte anywhere in it (a flipped bit, a torn write, zeros after a power cut) is always detected: CRC-32
 * catches every error burst up to 32 bits long. Without it, a flip inside a business key would still parse
 * and silently move the duplicate guard to a key nobody will ever submit.
 */
import { crc32 } from 'node:zlib';

const CHECK_MARKER = Buffer.from(',"crc":"');
const HEX_DIGITS = 8;
/** `,"crc":"` + 8 hex digits + `"}` */
const SEAL_LENGTH = CHECK_MARKER.length + HEX_DIGITS + 2;
const QUOTE = 0x22;
const CLOSE_BRACE = 0x7d;
const HEX = /^[0-9a-f]{8}$/;

/** Adds the checksum field to a serialized JSON object and ends the line. */
export function seal(json: string): string {
  const covered = json.slice(0, -1);
  const check = crc32(Buffer.from(covered)).toString(16).padStart(HEX_DIGITS, '0');
  return `${covered},"crc":"${check}"}\n`;
}

/**
 * Checks the seal of the line `buf[start, end)`. Returns where the covered part ends (the offset of
 * `,"crc":"`), or undefined if the line is not sealed or its checksum does not match.
 */
export function verifySeal(buf: Buffer, start: number, end: number): number | undefined {
  const coveredEnd = end - SEAL_LENGTH;
  if (coveredEnd <= start || buf[end - 1] !== CLOSE_BRACE || buf[end - 2] !== QUOTE) return undefined;
  if (!buf.subarray(coveredEnd, coveredEnd + CHECK_MARKER.length).equals(CHECK_MARKER)) return undefined;
  const hex = buf.toString('latin1', end - 2 - HEX_DIGITS, end - 2);
  if (!HEX.test(hex)) return undefined;
  return crc32(buf.subarray(start, coveredEnd)) === Number.parseInt(hex, 16) ? coveredEnd : undefined;
}
