/**
 * Refuses an .xlsx by what it inflates to, before SheetJS inflates it: SheetJS holds every part of the
 * zip in memory at once, so a 1.5 MB file of repeated XML would become 1.5 GB and kill the worker.
 * First the sizes the central directory declares are added up (free); then each deflated part is
 * inflated as a stream and only counted, because a crafted directory can declare less than the data
 * holds, and SheetJS trusts the data, not the directory.
 */
import { entryDataStart, readZipDirectory } from './zipEntries';
import { MAX_INFLATED_BYTES } from './limits';

type InflateCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

const STORED = 0;
const DEFLATED = 8;
/**
 * Input fed per step. Small on purpose: one step's output is queued whole (deflate inflates up to ~1000×),
 * and a step that ends in bytes after the stream's end errors and drops its output uncounted.
 */
const CHUNK = 16 * 1024;

export async function checkInflatedSize(
  bytes: Uint8Array,
  limit: number = MAX_INFLATED_BYTES,
): Promise<InflateCheck> {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return { ok: false, message: damagedZip };
  const declared = directory.entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limit) return { ok: false, message: tooLarge(limit, declared) };

  let total = 0;
  for (const entry of directory.entries) {
    if (entry.method === STORED) {
      total += entry.compressedSize;
    } else if (entry.method === DEFLATED) {
      const start = entryDataStart(bytes, entry);
      if (start === undefined) return { ok: false, message: damagedZip };
      // From the data's start to the end of the file, as SheetJS reads it: the stream ends where it says.
      total += await inflatedBytes(bytes.subarray(start), limit - total);
    }
    // Other methods: SheetJS refuses them itself, with its own message.
    if (total > limit) return { ok: false, message: tooLarge(limit, null) };
  }
  return { ok: true };
}

const damagedZip = '文件已损坏或不是电子表格，无法读取。请用 Excel 或 WPS 打开确认，另存为 .xlsx 后再导入';

function megabytes(bytes: number): string {
  return Math.round(bytes / 1024 / 1024).toLocaleString('en-US');
}

function tooLarge(limit: number, declared: number | null): string {
  const size = declared === null ? '' : `约 ${megabytes(declared)} MB，`;
  return `文件解压后的内容${size}超过 ${megabytes(limit)} MB 的上限（表格数据过多，或文件异常），无法导入。请拆分成多个文件，或删除多余的行列后再导入`;
}

/** How many bytes a raw deflate stream inflates to, counting no further than just past `cap`. */
async function inflatedBytes(data: Uint8Array, cap: number): Promise<number> {
  let offset = 0;
  const input = new ReadableStream<ArrayBufferView<ArrayBuffer>>({
    pull(controller) {
      if (offset >= data.length) {
        controller.close();
        return;
      }
      controller.enqueue(data.slice(offset, offset + CHUNK));
      offset += CHUNK;
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        return total;
      }
    }
  } catch {
    // Bytes after the stream's end, or a damaged stream: SheetJS stops (or fails) at the same point.
    return total;
  }
}
