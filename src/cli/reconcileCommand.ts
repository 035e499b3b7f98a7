/**
 * `wdt reconcile`: ask the ERP what a create call whose outcome is unknown did, from the argument file that
 * was sent and when it was sent. The app's own 核对 engine (src/main/reconcile/engine.ts); only queries,
 * nothing is ever sent again.
 */
import { parseArgs as parseCliArgs } from 'node:util';
import { getSpec } from '../shared/documents';
import { parseArgs } from '../shared/args';
import { formatProblem } from '../shared/problemText';
import type { ReconcileFinding, ReconcileState } from '../shared/reconcile';
import { OUTER_TRANSFER_METHOD, referenceInRemark } from '../shared/transferReference';
import type { FetchLike } from '../main/wdt/fetchLike';
import { createWdtQueryClient, type WdtQueryClientOptions } from '../main/wdt/query';
import { WdtConfigError } from '../main/wdt/signer';
import { canReconcile, DEFAULT_RECONCILE_MAX_CALLS, reconcile } from '../main/reconcile/engine';
import { recordOf } from '../main/reconcile/context';
import type { ReconcileQueryClient } from '../main/reconcile/runner';
import type { CliIo } from './io';
import { readArgsFile } from './argsFile';
import { connectionOptions, readConnection } from './connection';

export const reconcileUsage = `用法：npm run wdt -- reconcile --url 接口地址 --sid 卖家账号 --key APPKEY --method 创建接口名 --args 参数.json --sent-at 发送时间 [--timeout 秒] [--max-calls 次数]
  核对结果未知的提交：向 ERP 查询这张单据是否已创建（只查询，不会重发）。
  appsecret 从环境变量 WDT_APPSECRET 读取（不要写在命令行上）。
  参数文件是当时发送的位置参数 JSON 数组；发送时间是带时区的 ISO 8601 时刻，例如 2026-11-20T10:15:02+08:00。
  输出一个 JSON 对象：state（created | not_created | uncertain）、document_no（已创建时）、evidence 等。
  退出码：0 已创建，1 未创建，3 无法确定，2 输入或用法错误，4 无法连接 ERP（或查询失败）。`;

export const reconcileExitCodes = {
  created: 0,
  not_created: 1,
  invalid: 2,
  uncertain: 3,
  unreachable: 4,
} as const;

const stateExitCodes: Readonly<Record<ReconcileState, number>> = {
  created: reconcileExitCodes.created,
  not_created: reconcileExitCodes.not_created,
  uncertain: reconcileExitCodes.uncertain,
};

interface ReconcileDeps {
  readonly fetch: FetchLike;
  readonly now: () => number;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The query client; the real one unless a test passes its own. */
  readonly queryClient?: (options: WdtQueryClientOptions) => ReconcileQueryClient;
}

/** An instant: a date, a time, and a zone (Z or ±hh:mm); a time without a zone would depend on the PC. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export async function runReconcile(argv: readonly string[], io: CliIo, deps: ReconcileDeps): Promise<number> {
  let values;
  try {
    values = parseCliArgs({
      args: [...argv],
      options: {
        ...connectionOptions,
        method: { type: 'string' },
        args: { type: 'string' },
        'sent-at': { type: 'string' },
        'max-calls': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const read = readConnection(values, deps.env, ['method', 'args', 'sent-at']);
  if (!read.ok) return usageError(io, read.message);
  const { connection } = read;
  const maxCalls =
    values['max-calls'] === undefined ? DEFAULT_RECONCILE_MAX_CALLS : Number(values['max-calls']);
  if (!Number.isInteger(maxCalls) || maxCalls < 1 || maxCalls > 1000)
    return usageError(io, '--max-calls 必须是 1 到 1000 之间的整数');
  const sentText = values['sent-at'] ?? '';
  const sentMs = Date.parse(sentText);
  if (!INSTANT.test(sentText) || Number.isNaN(sentMs))
    return usageError(
      io,
      `--sent-at 不是带时区的 ISO 8601 时刻：${sentText}（例如 2026-11-20T10:15:02+08:00）`,
    );
  if (sentMs > deps.now() + 60_000) return usageError(io, `--sent-at 在将来：${sentText}`);

  const method = values.method ?? '';
  const spec = getSpec(method);
  if (!spec || !canReconcile(method)) return usageError(io, `不支持核对的接口：${method}`);
  const argsFile = await readArgsFile(values.args ?? '');
  if (!argsFile.ok) return usageError(io, argsFile.message);
  const rawArgs = argsFile.value;
  // The file must be a document of this method; it is then used exactly as it was sent.
  const parsed = parseArgs(spec, rawArgs);
  if (!parsed.ok || !Array.isArray(rawArgs)) {
    for (const problem of parsed.ok ? [] : parsed.problems) io.stderr(formatProblem(spec, problem));
    io.stderr('参数文件不是这个接口的请求参数，无法核对。');
    return reconcileExitCodes.invalid;
  }

  let client;
  try {
    client = (deps.queryClient ?? createWdtQueryClient)({ ...connection, fetch: deps.fetch, now: deps.now });
  } catch (error) {
    if (error instanceof WdtConfigError) return usageError(io, error.message);
    throw error;
  }
  const reference =
    method === OUTER_TRANSFER_METHOD ? referenceInRemark(recordOf(rawArgs[0]).remark) : undefined;
  const run = await reconcile(
    { method, args: rawArgs, sentAt: new Date(sentMs), ...(reference !== undefined && { reference }) },
    client,
    { now: deps.now, maxCalls },
  );
  if (!run.ok) {
    io.stdout(JSON.stringify({ state: null, error: run.reason, calls: run.calls }));
    io.stderr(`${run.reason}\n无法判断，请稍后重试，或在 ERP 中人工查询。`);
    return reconcileExitCodes.unreachable;
  }
  io.stdout(JSON.stringify(toOutput(run.finding)));
  io.stderr(run.finding.evidence);
  if (run.finding.missingPermission) io.stderr(run.finding.missingPermission.remedy);
  return stateExitCodes[run.finding.state];
}

/** snake_case, as scripts reading ERP answers expect. */
function toOutput(finding: ReconcileFinding): Record<string, unknown> {
  return {
    state: finding.state,
    ...(finding.documentNo !== undefined && { document_no: finding.documentNo }),
    evidence: finding.evidence,
    queries: finding.queries,
    checked_at: finding.checkedAt,
    ...(finding.candidates && {
      candidates: finding.candidates.map((candidate) => ({
        document_no: candidate.documentNo,
        ...(candidate.createdAt !== undefined && { created_at: candidate.createdAt }),
        summary: candidate.summary,
      })),
    }),
    ...(finding.missingPermission && { missing_permission: finding.missingPermission }),
    ...(finding.sns && { sns: finding.sns }),
  };
}

function usageError(io: CliIo, message: string): number {
  io.stderr(message);
  io.stderr(reconcileUsage);
  return reconcileExitCodes.invalid;
}
