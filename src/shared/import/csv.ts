/**
 * A small RFC 4180 reader for decoded CSV / tab-separated text. We parse it ourselves rather than through
 * SheetJS so that every value stays the text in the file (SheetJS would turn "00123" into 123 and guess
 * dates) and so that a first cell such as "ID" is not mistaken for a SYLK file.
 */

/** Tab for .txt and for text whose first line has tabs but no commas; comma otherwise. */
export function chooseSeparator(text: string, fileName: string): ',' | '\t' {
  if (/\.txt$/i.test(fileName)) return '\t';
  const firstLineEnd = text.search(/\r|\n/);
  const firstLine = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

/** Stops once `maxRows` rows are read, so an oversize file is refused without being held whole. */
export function parseDelimited(text: string, separator: string, maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      if (rows.length >= maxRows) return rows;
      row = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
