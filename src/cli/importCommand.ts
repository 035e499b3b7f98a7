/**
 * `wdt import`: runs the app's import pipeline on a spreadsheet and prints what the app would put in the
 * detail grid (or the SN lists), in the shape the vendor method receives it, with every problem located.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs as parseCliArgs } from 'node:util';
import { getSpec, methodNames } from '../shared/documents';
import {
  importSpreadsheet,
  MAX_FILE_BYTES,
  wireLines,
  wireSnGroups,
  type ColumnChoices,
  type MappingNeed,
} from '../shared/import';
import { exitCodes, type CliIo } from './io';

export const importUsage = `用法：npm run wdt -- import --method 接口名 --file 文件路径 [--sn] [--map 表头=字段 ...]
  读取 .xlsx / .xls / .csv / .txt，按该接口的明细字段（加 --sn 时按序列号列表）检查，输出 JSON：
  {"rows": [...按接口格式的明细...], "errors": [{"row": 行号, "column": "列名", "message": "原因"}],
   "notices": ["已忽略的列、已跳过的示例行等提示"]}
  缺少必填列时另输出 "mapping"（各列表头、自动对应的字段、前几行预览、可选字段）；
  用 --map 指定对应后重新导入，例如 --map 货号=spec_no --map 件数=num --map 品名=忽略。
  退出码：0 没有问题，2 有问题或用法错误。`;

export async function runImport(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    values = parseCliArgs({
      args: [...argv],
      options: {
        method: { type: 'string' },
        file: { type: 'string' },
        sn: { type: 'boolean' },
        map: { type: 'string', multiple: true },
      },
      strict: true,
    }).values;
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const missing = (['method', 'file'] as const).filter((name) => !values[name]);
  if (missing.length > 0) return usageError(io, `缺少参数：${missing.map((name) => `--${name}`).join(' ')}`);
  const method = values.method ?? '';
  const spec = getSpec(method);
  if (!spec) return usageError(io, `不支持的接口：${method}\n支持：${methodNames.join(', ')}`);
  const path = values.file ?? '';

  let bytes: Uint8Array;
  try {
    // Refuse an oversize file before reading it into memory.
    const { size } = await stat(path);
    if (size > MAX_FILE_BYTES)
      return printResult(
        io,
        [],
        [fileError(`文件大小 ${(size / 1024 / 1024).toFixed(1)} MB，超过 50 MB 的上限，请拆分后再导入`)],
        [],
      );
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    return usageError(io, `无法读取文件 ${path}：${error instanceof Error ? error.message : String(error)}`);
  }

  const choices = parseChoices(values.map ?? []);
  if (typeof choices === 'string') return usageError(io, choices);
  const target = values.sn === true ? 'sns' : 'lines';
  const { result } = await importSpreadsheet({ bytes, fileName: basename(path), spec, target, choices });
  const rows = target === 'sns' ? wireSnGroups(spec, result.snGroups) : wireLines(spec, result.lines);
  for (const problem of result.problems) {
    const where = [problem.row === null ? '' : `第${problem.row}行`, problem.column ?? '']
      .filter(Boolean)
      .join(' ');
    io.stderr(where === '' ? problem.message : `${where}：${problem.message}`);
  }
  for (const notice of result.notices) io.stderr(`提示：${notice}`);
  return printResult(io, rows, result.problems, result.notices, result.mapping);
}

/** `--map 表头=字段` pairs as the pipeline's choices; 忽略 (or nothing after "=") ignores the column. */
function parseChoices(pairs: readonly string[]): ColumnChoices | undefined | string {
  if (pairs.length === 0) return undefined;
  const choices: Record<string, string | null> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) return `--map 的格式应为 表头=字段，例如 --map 货号=spec_no：${pair}`;
    const key = pair.slice(at + 1).trim();
    choices[pair.slice(0, at).trim()] = key === '' || key === '忽略' ? null : key;
  }
  return choices;
}

interface ErrorLine {
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

function fileError(message: string): ErrorLine {
  return { row: null, column: null, message };
}

function printResult(
  io: CliIo,
  rows: readonly unknown[],
  errors: readonly ErrorLine[],
  notices: readonly string[],
  mapping?: MappingNeed,
): number {
  const plainErrors = errors.map(({ row, column, message }) => ({ row, column, message }));
  io.stdout(
    JSON.stringify({ rows, errors: plainErrors, notices, ...(mapping === undefined ? {} : { mapping }) }),
  );
  return errors.length === 0 ? exitCodes.accepted : exitCodes.invalid;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(message);
  io.stderr(importUsage);
  return exitCodes.invalid;
}
