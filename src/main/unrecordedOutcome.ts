/**
 * What the user is told when the request went out but its result could not be journaled (a full disk, a
 * disk error, a journal file that vanished). The ERP may have created the document, so this is never
 * "please retry": the outcome is unknown, with the ERP's answer when there was one. The journal's 'sending'
 * record is on disk: the entry reads as unknown from now on (Journal.markUnrecorded) and also after a
 * restart, so it blocks a resend and 核对 can check it.
 */
import type { CallOutcome } from '../shared/outcome';
import { JournalUnavailableError } from './journal/errors';
import { MAY_HAVE_BEEN_CREATED } from './wdt/explain';

const UNRECORDED_REASON = '结果无法写入提交日志';

/** What the ERP's answer said, as a clause ending in '；' (empty when nothing came back). */
function answerClause(sent: CallOutcome): string {
  switch (sent.kind) {
    case 'accepted':
      return `ERP 答复已创建${sent.documentNo !== undefined ? `（单据编号 ${sent.documentNo}）` : ''}；`;
    case 'approval-failed':
      return `ERP 答复已创建，但审核失败（${sent.reason}）；`;
    case 'refused':
      return `ERP 答复：${sent.message}；`;
    case 'not-sent':
      return `连接 ERP 时出错（${sent.reason}）；`;
    case 'unknown':
      return `${sent.reason}；`;
  }
}

export function unrecordedOutcome(
  sent: CallOutcome,
  error: unknown,
): Extract<CallOutcome, { kind: 'unknown' }> {
  const why = error instanceof JournalUnavailableError ? error.message : '写入时出错。';
  const response = 'response' in sent ? sent.response : undefined;
  return {
    kind: 'unknown',
    reason: UNRECORDED_REASON,
    explanation:
      `请求已经发出，${answerClause(sent)}但程序无法把结果写入提交日志：${why}` +
      `这条提交在日志中记为结果未知，可以用“核对”查询。${MAY_HAVE_BEEN_CREATED}`,
    ...(response !== undefined && { response }),
  };
}
