/**
 * Writes zip-bomb .xlsx files for the tests without ever holding the inflated data: one chunk of sheet XML
 * is deflated with a full flush (byte-aligned, no back-references across chunks), so the compressed chunk
 * can be repeated as often as wanted and still inflate to chunk × count.
 */
import { constants, deflateRawSync } from 'node:zlib';

interface Part {
  readonly name: string;
  readonly data: Uint8Array;
  /** Uncompressed size written in the headers (the truth, or a lie). */
  readonly declaredSize: number;
}

export interface BombOptions {
  /** Inflated size of the sheet XML, in MiB. */
  readonly inflatedMiB: number;
  /** What the headers claim the sheet inflates to; defaults to the truth. */
  readonly declaredSheetBytes?: number;
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;

export function xlsxBomb(options: BombOptions): Uint8Array {
  const chunkBytes = 1024 * 1024;
  const row = '<row><c t="inlineStr"><is><t>A</t></is></c></row>';
  const chunk = Buffer.from(row.repeat(Math.ceil(chunkBytes / row.length)).slice(0, chunkBytes));
  const flushed = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  const sheet = Buffer.concat([...Array<Buffer>(options.inflatedMiB).fill(flushed), last]);
  const text = (value: string): Part => {
    const data = Buffer.from(value);
    return { name: '', data: deflateRawSync(data), declaredSize: data.length };
  };
  return zip([
    { ...text(contentTypes), name: '[Content_Types].xml' },
    { ...text(workbook), name: 'xl/workbook.xml' },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: sheet,
      declaredSize: options.declaredSheetBytes ?? options.inflatedMiB * chunkBytes,
    },
  ]);
}

/** A plain zip of deflated parts. CRCs are left 0: the file is refused before anything checks them. */
function zip(parts: readonly Part[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(part.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(part.data));
    centrals.push(central, name);
    offset += 30 + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
