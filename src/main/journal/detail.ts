/**
 * One entry in full for the detail view: the body and the whole outcome are read from disk, where the
 * in-memory row only points (see entry.ts). The files may have been damaged since they were read, so what
 * cannot be read back is reported as missing, never thrown.
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalEntryDetail } from '../../shared/journal';
import type { IndexedEntry } from './entry';
import { NO_BODY, toJournalEntry } from './entry';
import type { ResultRecord } from './format';
import { parseLine } from './format';
import { parseJson } from './lines';

export async function readDetail(
  folder: string,
  files: readonly string[],
  entry: IndexedEntry,
): Promise<JournalEntryDetail> {
  const readRange = async (file: number, offset: number, length: number): Promise<Buffer | undefined> => {
    const name = files[file];
    if (name === undefined) return undefined;
    const handle = await open(join(folder, name), 'r');
    try {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, offset);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  };
  const literal =
    entry.bodyFile === NO_BODY
      ? undefined
      : await readRange(entry.bodyFile, entry.bodyOffset, entry.bodyLength);
  const body = literal && parseJson(literal.toString('utf8'));
  let result: ResultRecord | undefined;
  if (entry.resultFile >= 0) {
    const line = await readRange(entry.resultFile, entry.resultOffset, entry.resultLength);
    const parsed = line && parseLine(line, 0, line.length);
    if (parsed?.type === 'result') result = parsed.record;
  }
  return {
    ...toJournalEntry(entry),
    body: typeof body === 'string' ? body : '',
    ...(typeof body !== 'string' && { bodyLost: true }),
    ...(result && { result: result.outcome }),
    ...(result?.redacted && { redacted: true }),
  };
}
