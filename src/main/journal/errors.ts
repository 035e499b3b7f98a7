/** The journal's errors and the outcome it records for a submission interrupted by a crash. */
import type { CallOutcome } from '../../shared/outcome';

/** A record would have contained a credential; nothing was written and the request must not be sent. */
export class JournalForbiddenTextError extends Error {
  readonly code = 'journal.forbidden-text';
  constructor() {
    super('单据内容中包含接口密钥或盐值。为保护密钥，已拒绝记录和发送，请检查备注等字段。');
    this.name = 'JournalForbiddenTextError';
  }
}

/** The journal cannot be written: nothing was recorded. The message is for people, in Chinese. */
export class JournalUnavailableError extends Error {
  readonly code = 'journal.unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JournalUnavailableError';
  }
}

export class JournalUsageError extends Error {
  readonly code = 'journal.usage';
  constructor(message: string) {
    super(message);
    this.name = 'JournalUsageError';
  }
}

export const UNKNOWN_AFTER_CRASH_REASON = '程序在发送过程中退出，结果未知';
const UNKNOWN_AFTER_CRASH_EXPLANATION =
  '程序在等待 ERP 答复时退出（崩溃、断电或被强制结束），无法确定 ERP 是否已创建单据。请先在 ERP 中查询该单据，确认未创建后再重新提交。';

/** The outcome recorded for a submission found still 'sending' when the journal is opened. */
export const UNKNOWN_AFTER_CRASH: CallOutcome = {
  kind: 'unknown',
  reason: UNKNOWN_AFTER_CRASH_REASON,
  explanation: UNKNOWN_AFTER_CRASH_EXPLANATION,
};
