/**
 * 核对 of a journal entry, for the app: read what was sent (the journaled body) and to which ERP (the
 * entry's profile), ask the ERP (engine.ts), append the finding to the journal, and report progress. One
 * check per entry at a time; a second request for the same entry joins the first. Never sends anything.
 */
import type { ReconcileFinding, ReconcileProgress } from '../../shared/reconcile';
import type { ProfileSummary } from '../../shared/profile';
import { environmentLabels } from '../../shared/profile';
import { fail, ok, type Result } from '../../shared/result';
import {
  OUTER_TRANSFER_METHOD,
  referenceInRemark,
  transferReferenceFor,
} from '../../shared/transferReference';
import type { Journal } from '../journal/journal';
import { JournalUnavailableError } from '../journal/errors';
import type { WdtQueryClient } from '../wdt/queryTypes';
import { canReconcile, reconcile, type EvidenceInput } from './engine';
import { recordOf } from './context';

/** The real client also says how far the ERP's clock is from this PC's; a fake need not. */
export type ReconcileQueryClient = WdtQueryClient & { readonly clockOffset?: { get(): number } };

interface ReconcilerDeps {
  readonly journal: () => Promise<Journal>;
  readonly profiles: () => readonly ProfileSummary[];
  /** A query client signed for the profile, or why there is none (the secret must be re-entered, …). */
  readonly queryClientFor: (profileId: string) => Promise<Result<ReconcileQueryClient>>;
  readonly now: () => number;
  readonly progress: (progress: ReconcileProgress) => void;
  /** HTTP calls per check (engine default when absent). */
  readonly maxCalls?: number;
}

export type ReconcileEntry = (id: string) => Promise<Result<ReconcileFinding>>;

export function createReconciler(deps: ReconcilerDeps): ReconcileEntry {
  const running = new Map<string, Promise<Result<ReconcileFinding>>>();
  return (id) => {
    const current = running.get(id);
    if (current) return current;
    const run = check(deps, id).finally(() => running.delete(id));
    running.set(id, run);
    return run;
  };
}

async function check(deps: ReconcilerDeps, id: string): Promise<Result<ReconcileFinding>> {
  try {
    return await checkOnce(deps, id);
  } catch (error) {
    // A bug, or a journal that can no longer be written to: the progress line must not stay at "querying".
    deps.progress({
      entryId: id,
      phase: 'failed',
      queries: 0,
      error: '核对时出现内部错误，没有记录核对结果。',
    });
    throw error;
  }
}

async function checkOnce(deps: ReconcilerDeps, id: string): Promise<Result<ReconcileFinding>> {
  const failed = <T>(result: Result<T>): Result<T> => {
    if (!result.ok) deps.progress({ entryId: id, phase: 'failed', queries: 0, error: result.error.message });
    return result;
  };
  const journal = await deps.journal();
  const prepared = await prepare(deps, journal, id);
  if (!prepared.ok) return failed(prepared);
  const { input, client } = prepared.value;
  deps.progress({ entryId: id, phase: 'querying', queries: 0 });
  const run = await reconcile(input, client, {
    now: deps.now,
    maxCalls: deps.maxCalls,
    onCalls: (made) => deps.progress({ entryId: id, phase: 'querying', queries: made }),
  });
  if (!run.ok) {
    deps.progress({ entryId: id, phase: 'failed', queries: run.calls, error: run.reason });
    return fail('ERP_UNAVAILABLE', `${run.reason}没有记录核对结果，可以稍后再核对。`);
  }
  try {
    await journal.recordReconcile(id, run.finding);
  } catch (error) {
    if (!(error instanceof JournalUnavailableError)) throw error;
    const message = `核对结果未能写入提交日志：${error.message}`;
    deps.progress({ entryId: id, phase: 'failed', queries: run.calls, error: message });
    return fail('STORE_FAILED', message);
  }
  deps.progress({ entryId: id, phase: 'done', queries: run.calls, finding: run.finding });
  return ok(run.finding);
}

async function prepare(
  deps: ReconcilerDeps,
  journal: Journal,
  id: string,
): Promise<Result<{ input: EvidenceInput; client: ReconcileQueryClient }>> {
  const detail = await journal.getDetail(id);
  if (!detail) return fail('NOT_FOUND', '找不到这条提交记录');
  if (detail.outcome !== 'unknown') return fail('VALIDATION', '只有结果未知的提交需要核对。');
  if (!canReconcile(detail.method)) return fail('VALIDATION', `不支持核对这种单据：${detail.documentTitle}`);
  let args: unknown;
  try {
    args = detail.bodyLost ? undefined : (JSON.parse(detail.body) as unknown);
  } catch {
    args = undefined;
  }
  if (!Array.isArray(args))
    return fail('VALIDATION', '日志中这条提交的请求内容已损坏，无法核对，请在 ERP 中人工查询。');
  // The same ERP account that was sent to, or none: asking another ERP would find nothing and say 未创建.
  const profile = deps
    .profiles()
    .find(
      (candidate) =>
        candidate.name === detail.profileName &&
        environmentLabels[candidate.environment] === detail.environment,
    );
  if (!profile)
    return fail(
      'NOT_FOUND',
      `找不到发送这张单据时使用的配置“${detail.profileName}”（${detail.environment}），它可能已被删除、改名或改了环境，无法向同一个 ERP 账号查询。`,
    );
  const client = await deps.queryClientFor(profile.id);
  if (!client.ok) return client;
  return ok({
    input: {
      method: detail.method,
      args,
      sentAt: new Date(detail.time),
      ...(detail.method === OUTER_TRANSFER_METHOD && { reference: sentReference(id, args) }),
    },
    client: client.value,
  });
}

/** The reference this entry's remark carries: only the one derived from its own id counts. */
function sentReference(id: string, args: readonly unknown[]): string | undefined {
  const expected = transferReferenceFor(id);
  return referenceInRemark(recordOf(args[0]).remark) === expected ? expected : undefined;
}
