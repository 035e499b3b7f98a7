/**
 * The journal's files: one per UTC month, `journal-YYYY-MM.jsonl`, in the journal folder. appender.ts writes
 * to them, replay.ts reads them back; both name and recognise them only through here.
 */
import { readdir } from 'node:fs/promises';

const MONTH_FILE = /^journal-\d{4}-\d{2}\.jsonl$/;

/** The month file a record written at `timeMs` goes to. Months are UTC so the name never depends on the PC's zone. */
export function monthFileName(timeMs: number): string {
  const date = new Date(timeMs);
  return `journal-${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}.jsonl`;
}

/** The month files in `folder`, oldest first (the names sort by month). */
export async function listMonthFiles(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => MONTH_FILE.test(name)).sort();
}

/** Which file on disk a name referred to when it was read: an append checks it is still the same one. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}
