/** What one import may hold; larger files are refused before any real work. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_DATA_ROWS = 200_000;
/** The header row is looked for in this many rows from the top (title rows above it are common). */
export const HEADER_SEARCH_ROWS = 10;

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
