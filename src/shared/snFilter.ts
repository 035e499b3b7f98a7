/**
 * A Bloom filter of the SNs already sent in accepted submissions: main builds it from its journal, the scan
 * views hold it. An SN the filter does not hold was certainly never sent, so its scan needs no round trip to
 * main; an SN it may hold (every one that was sent, and at most about 1 in 100 others) is asked about as
 * before.
 * Shared so main and the renderer hash alike; the bits travel as base64, which both IPC paths carry as is.
 */
import { z } from 'zod';

/** By default about one SN in this many that was never sent still costs a lookup. */
const FALSE_POSITIVE_RATE = 0.01;
/** A small journal still gets a filter with room to grow a little before its next rebuild. */
const MIN_CAPACITY = 1024;

export const snFilterData = z.object({
  /** The bit array, base64. */
  bits: z.string(),
  /** Bits set per SN. */
  hashes: z.number().int().min(1).max(32),
  /** SNs it was built from (for the screen and for tests). */
  count: z.number().int().min(0),
});
export type SnFilterData = z.infer<typeof snFilterData>;

/** FNV-1a over the UTF-16 code units, from a given offset basis: two bases give two independent hashes. */
function fnv1a(text: string, basis: number): number {
  let hash = basis;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Bit positions for an SN by double hashing (h1 + i·h2): for a Bloom filter about as good as k hashes. */
function positions(sn: string, hashes: number, bitCount: number, visit: (bit: number) => boolean): boolean {
  const h1 = fnv1a(sn, 0x811c9dc5);
  // Never 0, which would put all k bits in one place.
  const h2 = fnv1a(sn, 0x050c5d1f) | 1;
  for (let i = 0; i < hashes; i++) {
    if (!visit(((h1 + Math.imul(i, h2)) >>> 0) % bitCount)) return false;
  }
  return true;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/**
 * A filter SNs can be added to, for up to `capacity` SNs at `falsePositiveRate` (more only raise it). A lower
 * rate costs bits: about 9.6 per SN at 1%, 14.4 at 0.1%.
 */
export class SnFilterBuilder {
  private readonly bytes: Uint8Array;
  private readonly bitCount: number;
  private readonly hashes: number;
  private added = 0;

  constructor(
    readonly capacity: number,
    readonly falsePositiveRate: number = FALSE_POSITIVE_RATE,
  ) {
    if (!(falsePositiveRate > 0 && falsePositiveRate < 1))
      throw new RangeError(
        `A filter's false-positive rate must be between 0 and 1, not ${falsePositiveRate}.`,
      );
    const room = Math.max(MIN_CAPACITY, capacity);
    this.bitCount = Math.ceil((-room * Math.log(falsePositiveRate)) / Math.LN2 ** 2 / 8) * 8;
    this.hashes = Math.max(1, Math.round((this.bitCount / room) * Math.LN2));
    this.bytes = new Uint8Array(this.bitCount / 8);
  }

  get count(): number {
    return this.added;
  }

  add(sn: string): void {
    positions(sn, this.hashes, this.bitCount, (bit) => {
      this.bytes[bit >>> 3] = (this.bytes[bit >>> 3] ?? 0) | (1 << (bit & 7));
      return true;
    });
    this.added++;
  }

  data(): SnFilterData {
    return { bits: toBase64(this.bytes), hashes: this.hashes, count: this.added };
  }
}

export function buildSnFilter(sns: readonly string[], falsePositiveRate?: number): SnFilterData {
  const builder = new SnFilterBuilder(sns.length, falsePositiveRate);
  for (const sn of sns) builder.add(sn);
  return builder.data();
}

export class SnFilter {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly hashes: number,
    readonly count: number,
  ) {}

  /** Null when the data is not a filter (then every SN is looked up, as without one). */
  static from(data: unknown): SnFilter | null {
    const parsed = snFilterData.safeParse(data);
    if (!parsed.success) return null;
    const bytes = fromBase64(parsed.data.bits);
    if (bytes === null || bytes.length === 0) return null;
    return new SnFilter(bytes, parsed.data.hashes, parsed.data.count);
  }

  /** False: certainly never sent. True: may have been sent; ask main. */
  mayHold(sn: string): boolean {
    const bitCount = this.bytes.length * 8;
    // Main keys its journal's SNs trimmed (Journal.hasAcceptedSn).
    return positions(
      sn.trim(),
      this.hashes,
      bitCount,
      (bit) => ((this.bytes[bit >>> 3] ?? 0) & (1 << (bit & 7))) !== 0,
    );
  }
}
