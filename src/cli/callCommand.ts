/**
 * `wdt call`: validate a vendor-shaped argument file against the method's spec, then sign, send and print
 * the answer. It is the app's own modules end to end (spec, validator, client); nothing here decides
 * anything the app would decide differently.
 */
import { parseArgs as parseCliArgs } from 'node:util';
import { getSpec, methodNames } from '../shared/documents';
import { buildArgs, parseArgs } from '../shared/args';
import { hasErrors, validateDocument, type ValidationResult } from '../shared/validate';
import { formatProblem } from '../shared/problemText';
import type { CallOutcome } from '../shared/outcome';
import { createWdtClient } from '../main/wdt/client';
import type { FetchLike } from '../main/wdt/fetchLike';
import { WdtConfigError } from '../main/wdt/signer';
import { exitCodes, type CliIo } from './io';
import { readArgsFile } from './argsFile';
import { connectionOptions, readConnection } from './connection';

export const callUsage = `用法：npm run wdt -- call --url 接口地址 --sid 卖家账号 --key APPKEY --method 接口名 --args 参数.json [--timeout 秒]
  appsecret 从环境变量 WDT_APPSECRET 读取（不要写在命令行上）。
  参数文件是该接口的位置参数 JSON 数组，与旺店通文档的请求示例相同。
  退出码：0 已受理，1 被 ERP 拒绝（没有创建），2 输入或用法错误，
  3 结果未知（超时、连接中断、ERP 返回状态 4/5/99 等，单据可能已创建，不要直接重发），4 未发送。`;

interface CallDeps {
  readonly fetch: FetchLike;
  readonly now: () => number;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export async function runCall(argv: readonly string[], io: CliIo, deps: CallDeps): Promise<number> {
  let values;
  try {
    values = parseCliArgs({
      args: [...argv],
      options: { ...connectionOptions, method: { type: 'string' }, args: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const read = readConnection(values, deps.env, ['method', 'args']);
  if (!read.ok) return usageError(io, read.message);
  const { connection } = read;

  const method = values.method ?? '';
  const spec = getSpec(method);
  if (!spec) return usageError(io, `不支持的接口：${method}\n支持：${methodNames.join(', ')}`);

  const argsFile = await readArgsFile(values.args ?? '');
  if (!argsFile.ok) return usageError(io, argsFile.message);
  const rawArgs = argsFile.value;
  const parsed = parseArgs(spec, rawArgs);
  const checked: ValidationResult = parsed.ok
    ? validateDocument(spec, parsed.draft)
    : { problems: parsed.problems };
  for (const problem of checked.problems) io.stderr(formatProblem(spec, problem));
  if (!checked.document || hasErrors(checked.problems)) {
    io.stderr('参数有误，未发送。');
    return exitCodes.invalid;
  }

  let client;
  try {
    client = createWdtClient({ ...connection, fetch: deps.fetch, now: deps.now });
  } catch (error) {
    if (error instanceof WdtConfigError) return usageError(io, error.message);
    throw error;
  }
  const result = await client.call(spec.method, buildArgs(spec, checked.document));
  return report(result.outcome, io);
}

function report(outcome: CallOutcome, io: CliIo): number {
  switch (outcome.kind) {
    case 'accepted':
      io.stdout(JSON.stringify(outcome.response));
      if (outcome.documentNo) io.stderr(`已创建：${outcome.documentNo}`);
      return exitCodes.accepted;
    case 'approval-failed':
      io.stdout(JSON.stringify(outcome.response));
      io.stderr(`单据已创建，但审核失败：${outcome.reason}。请在 ERP 中处理，不要重复提交。`);
      return exitCodes.accepted;
    case 'refused':
      io.stdout(JSON.stringify(outcome.response));
      io.stderr(`ERP 拒绝（status ${outcome.status}）：${outcome.message}\n${outcome.explanation}`);
      return exitCodes.refused;
    case 'unknown':
      io.stdout(
        JSON.stringify({
          outcome: outcome.kind,
          reason: outcome.reason,
          httpStatus: outcome.httpStatus,
          response: outcome.response,
        }),
      );
      // An ERP answer whose status proves nothing (4, 5, 99, unlisted) is shown as it came.
      if (outcome.response) {
        io.stderr(`ERP 答复（status ${outcome.response.status}）：${outcome.response.message ?? ''}`);
      }
      io.stderr(`结果未知：${outcome.explanation}`);
      return exitCodes.unknown;
    case 'not-sent':
      io.stdout(JSON.stringify({ outcome: outcome.kind, reason: outcome.reason }));
      io.stderr(`未发送：${outcome.explanation}`);
      return exitCodes.notSent;
  }
}

function usageError(io: CliIo, message: string): number {
  io.stderr(message);
  io.stderr(callUsage);
  return exitCodes.invalid;
}
