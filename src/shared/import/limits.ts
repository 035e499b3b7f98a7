/** What one import may hold; larger files are refused before any real work. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_DATA_ROWS = 200_000;
/**
 * A catalog file is a whole goods list (the catalog is built for 500,000 specs) and replaces the goods, so it
 * cannot be split like a document's lines: it may hold more rows.
 */
export const CATALOG_MAX_DATA_ROWS = 500_000;
/**
 * What an .xlsx may inflate to, all parts together. A full 200,000-row sheet of a dozen columns is
 * well under it; SheetJS's memory use grows several-fold over this, so it keeps the worker far from 1 GB.
 */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
/** The header row is looked for in this many rows from the top (title rows above it are common). */
export const HEADER_SEARCH_ROWS = 10;

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
