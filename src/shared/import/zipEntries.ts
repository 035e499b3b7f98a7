/**
 * A minimal ZIP central-directory reader: the entries of an .xlsx with their sizes and where their data
 * starts, read without inflating anything. It finds the end record the same way SheetJS does (the last
 * "PK\x05\x06" in the file), so the entries checked here are exactly the ones SheetJS will inflate.
 */

interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated; SheetJS refuses anything else. */
  readonly method: number;
  readonly compressedSize: number;
  /** As the central directory declares it; a crafted file may lie, so the inflater checks it too. */
  readonly uncompressedSize: number;
  /** Offset of the local file header. */
  readonly headerOffset: number;
}

type ZipDirectory =
  | { readonly ok: true; readonly entries: readonly ZipEntry[] }
  | { readonly ok: false; readonly reason: 'damaged' };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const MAX32 = 0xffffffff;

export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged: ZipDirectory = { ok: false, reason: 'damaged' };
  let end = bytes.length - 4;
  while (end >= 0 && view.getUint32(end, true) !== EOCD_SIGNATURE) end -= 1;
  if (end < 0 || end + 22 > bytes.length) return damaged;
  const count = view.getUint16(end + 8, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return damaged;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    if (extraStart + extraLength > bytes.length) return damaged;
    const sizes = withZip64(
      view,
      extraStart,
      extraLength,
      view.getUint32(at + 24, true),
      view.getUint32(at + 20, true),
      view.getUint32(at + 42, true),
    );
    if (sizes === undefined) return damaged;
    entries.push({
      name: latin1(bytes.subarray(nameStart, extraStart)),
      method: view.getUint16(at + 10, true),
      ...sizes,
    });
    at = extraStart + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** Where an entry's data begins: after its local header, whose name and extra lengths may differ. */
export function entryDataStart(bytes: Uint8Array, entry: ZipEntry): number | undefined {
  const at = entry.headerOffset;
  if (at + 30 > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== LOCAL_SIGNATURE) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return start <= bytes.length ? start : undefined;
}

/**
 * ZIP64: a field of 0xFFFFFFFF means the real value is in extra field 0x0001, 64-bit, in the order
 * uncompressed, compressed, offset (only the fields that overflowed are present).
 */
function withZip64(
  view: DataView,
  extraStart: number,
  extraLength: number,
  uncompressedSize: number,
  compressedSize: number,
  headerOffset: number,
): Pick<ZipEntry, 'uncompressedSize' | 'compressedSize' | 'headerOffset'> | undefined {
  const sizes = { uncompressedSize, compressedSize, headerOffset };
  if (uncompressedSize !== MAX32 && compressedSize !== MAX32 && headerOffset !== MAX32) return sizes;
  let at = extraStart;
  const extraEnd = extraStart + extraLength;
  while (at + 4 <= extraEnd) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    let field = at + 4;
    if (id === ZIP64_EXTRA) {
      const read64 = (): number | undefined => {
        if (field + 8 > at + 4 + size) return undefined;
        const value = view.getUint32(field, true) + view.getUint32(field + 4, true) * 2 ** 32;
        field += 8;
        return value;
      };
      const usz = uncompressedSize === MAX32 ? read64() : uncompressedSize;
      const csz = compressedSize === MAX32 ? read64() : compressedSize;
      const offset = headerOffset === MAX32 ? read64() : headerOffset;
      if (usz === undefined || csz === undefined || offset === undefined) return undefined;
      return { uncompressedSize: usz, compressedSize: csz, headerOffset: offset };
    }
    at += 4 + size;
  }
  return undefined;
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}
