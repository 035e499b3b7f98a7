/**
 * A block pasted into the detail grid that starts with its header row (商家编码 / 数量 / 单价, copied with
 * the data from another sheet or the ERP) is placed by those headers, with the same names as an import
 * (label, key or any of the field's words). Without a header row the block goes by position, as before.
 */
import type { FieldSpec } from '../spec';
import { headerDisplay, headerKey } from './cleanText';
import { fieldNames } from './columns';

interface HeadedPaste {
  /** The field key each pasted column goes to, or null when the column is left out. */
  readonly keys: readonly (string | null)[];
  /** The data rows (the block without its header row). */
  readonly rows: readonly (readonly string[])[];
  /** Headers no field answers to, as written. */
  readonly unknown: readonly string[];
  /** Headers that name a field already named by an earlier column, as written. */
  readonly repeated: readonly string[];
}

/**
 * The block read as header + data, or undefined when its first row does not read as headers: two cells
 * naming fields, or one when it is most of the row (a data row never names two fields; a lone "备注" in a
 * wide row of data might be a remark).
 */
export function readPastedHeader(
  fields: readonly FieldSpec[],
  block: readonly (readonly string[])[],
): HeadedPaste | undefined {
  const [first, ...rows] = block;
  if (first === undefined) return undefined;
  const byName = new Map<string, string>();
  for (const field of fields) for (const name of fieldNames(field)) byName.set(headerKey(name), field.key);

  const found = first.map((cell) => byName.get(headerKey(cell)) ?? null);
  const matched = found.filter((key) => key !== null).length;
  const filled = first.filter((cell) => cell.trim() !== '').length;
  if (!(matched >= 2 || (matched === 1 && matched * 2 >= filled))) return undefined;

  const seen = new Set<string>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  const keys = found.map((key, index) => {
    const header = headerDisplay(first[index] ?? '');
    if (key === null) {
      if (header !== '') unknown.push(header);
      return null;
    }
    if (seen.has(key)) {
      repeated.push(header);
      return null;
    }
    seen.add(key);
    return key;
  });
  return { keys, rows, unknown, repeated };
}

/** The pasted rows as records keyed by field key (columns left out are not in them). */
export function headedRecords(paste: HeadedPaste): Record<string, string>[] {
  return paste.rows.map((cells) => {
    const record: Record<string, string> = {};
    paste.keys.forEach((key, index) => {
      if (key !== null) record[key] = cells[index] ?? '';
    });
    return record;
  });
}
