/**
 * The request went out, then the result could not be journaled (say, the disk filled up): the user must
 * read that the document may have been created, never "please retry", and the entry must stay guarded.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentDraft } from '../../src/shared/spec';
import { outerOutSpec } from '../../src/shared/documents';
import { JournalAppender } from '../../src/main/journal/appender';
import { JournalUnavailableError } from '../../src/main/journal/errors';
import { openTestCore } from '../support/appCore';

const outerOut = outerOutSpec.method;
const draft: DocumentDraft = {
  header: { warehouse_no: 'pos', order_no: 'WD-7', is_check: false },
  lines: [{ spec_no: 'DFAQT101', num: '2' }],
};

afterEach(() => {
  vi.restoreAllMocks();
});

/** The journal's appends succeed `okCount` times, then fail as a full disk would. */
function diskFullAfter(okCount: number): void {
  const original = JournalAppender.prototype.append;
  let calls = 0;
  vi.spyOn(JournalAppender.prototype, 'append').mockImplementation(function (this: JournalAppender, ...args) {
    calls += 1;
    if (calls > okCount)
      return Promise.reject(new JournalUnavailableError('无法写入提交日志 journal.jsonl（磁盘已满）。'));
    return original.apply(this, args);
  });
}

describe('a result that cannot be journaled after the request was sent', () => {
  it('says the document may have been created, keeps the guard and leaves the entry for 核对', async () => {
    const test = await openTestCore();
    diskFullAfter(1); // the 'sending' record is written; the result record is not

    const reply = await test.call('submitDocument', { method: outerOut, draftId: 'doc.a', draft });
    expect(reply).toMatchObject({
      ok: true,
      value: { status: 'sent', outcome: { kind: 'unknown', reason: '结果无法写入提交日志' } },
    });
    const outcome = reply.ok && reply.value.status === 'sent' ? reply.value.outcome : undefined;
    const explanation = outcome?.kind === 'unknown' ? outcome.explanation : '';
    expect(explanation).toMatch(/ERP 答复已创建（单据编号 WD-7）/);
    expect(explanation).toMatch(/磁盘已满/);
    expect(explanation).toMatch(/单据可能已经创建/);
    expect(explanation).not.toMatch(/请重试/);
    // The ERP's answer is kept for the user to see.
    expect(outcome).toMatchObject({ response: { status: 0 } });

    // In this run: the log reads unknown, a resend asks first.
    expect((await test.value('queryJournal', {})).entries).toMatchObject([{ outcome: 'unknown' }]);
    const again = await test.value('submitDocument', { method: outerOut, draftId: 'doc.b', draft });
    expect(again).toMatchObject({ status: 'needs-confirmation', prior: [{ outcome: 'unknown' }] });
    await test.core.close();

    // After a restart with room on the disk, it is recorded as unknown (its 'sending' record was on disk).
    vi.restoreAllMocks();
    const restarted = await openTestCore({ dataFolder: test.dataFolder });
    expect((await restarted.value('queryJournal', {})).entries).toMatchObject([{ outcome: 'unknown' }]);
    const third = await restarted.value('submitDocument', { method: outerOut, draftId: 'doc.c', draft });
    expect(third).toMatchObject({ status: 'needs-confirmation', prior: [{ outcome: 'unknown' }] });
  });

  it('can be checked with 核对 once the disk has room, and the finding survives a restart', async () => {
    const test = await openTestCore();
    diskFullAfter(1);
    const reply = await test.value('submitDocument', { method: outerOut, draftId: 'doc.a', draft });
    const id = reply.status === 'sent' ? reply.entry.id : '';

    // Still full: 核对 says its finding could not be recorded, and nothing changes.
    const refused = await test.call('reconcileEntry', { id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORE_FAILED' } });

    vi.restoreAllMocks(); // space again
    expect(await test.value('reconcileEntry', { id })).toMatchObject({
      state: 'created',
      documentNo: 'WD-7',
    });
    await test.core.close();

    const restarted = await openTestCore({ dataFolder: test.dataFolder });
    expect((await restarted.value('queryJournal', {})).entries).toMatchObject([
      { id, outcome: 'unknown', reconciled: { state: 'created', documentNo: 'WD-7' } },
    ]);
    expect((await restarted.value('queryJournal', {})).skippedLines).toBe(0);
  });
});
