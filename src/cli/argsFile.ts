/** The `--args` file of `wdt call` and `wdt reconcile`: the document's argument array as JSON. */
import { readFile } from 'node:fs/promises';

export type ArgsFileReading =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** The parsed file, or a Chinese message naming the file and why it could not be read. */
export async function readArgsFile(path: string): Promise<ArgsFileReading> {
  try {
    return { ok: true, value: JSON.parse(await readFile(path, 'utf8')) as unknown };
  } catch (error) {
    return {
      ok: false,
      message: `无法读取参数文件 ${path}：${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
