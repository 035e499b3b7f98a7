/**
 * Reads a block copied from Excel (or WPS, LibreOffice, a web table) as rows of cells. Excel writes
 * tab-separated lines ending in CRLF, and quotes a cell only when it holds a tab, a line break or a quote
 * (doubling inner quotes). A quote that does not start a cell is plain text, as Excel reads it.
 */
export function parseClipboardGrid(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let index = 0;
  let cellStart = true;
  while (index < text.length) {
    const char = text[index];
    if (cellStart && char === '"') {
      const quoted = readQuoted(text, index);
      if (quoted !== undefined) {
        cell += quoted.value;
        index = quoted.end;
        cellStart = false;
        continue;
      }
    }
    cellStart = false;
    if (char === '\t') {
      row.push(cell);
      cell = '';
      cellStart = true;
      index += 1;
    } else if (char === '\r' || char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      cellStart = true;
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
    } else {
      cell += char;
      index += 1;
    }
  }
  // Excel ends the block with a line break; anything after the last one is a final row.
  if (!cellStart || row.length > 0 || cell !== '') {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * A quoted cell runs to a closing quote followed by a tab, a line break or the end. Anything else means the
 * quote was literal text (e.g. `"A" grade`), and the caller reads it as such.
 */
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      if (text[index + 1] === '"') {
        value += '"';
        index += 2;
        continue;
      }
      const next = text[index + 1];
      if (next === undefined || next === '\t' || next === '\r' || next === '\n')
        return { value, end: index + 1 };
      return undefined;
    }
    value += char;
    index += 1;
  }
  return undefined;
}

/** True when a paste should fill cells rather than go into the one being edited. */
export function isBlockPaste(text: string): boolean {
  const trimmed = text.replace(/(\r\n|\r|\n)$/, '');
  return /[\t\r\n]/.test(trimmed);
}
