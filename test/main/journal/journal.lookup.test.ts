import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../../src/shared/outcome';
import { openJournal } from '../../../src/main/journal/journal';
import { tempFolder } from './helpers';
import {
  acceptedOutcome as ok,
  journalSubmission as submit,
  outerOutBody,
  refusedOutcome as refused,
  sampleStart,
  uploadSnBody,
} from './samples';

const OUTER_OUT = 'wms.outer.OuterOut.createOrder';
const UPLOAD_SN = 'wms.stockout.Base.uploadSN';
const approvalFailed: CallOutcome = {
  kind: 'approval-failed',
  reason: '库存不足',
  response: { status: 0, data: { status: 20, message: '库存不足' } },
};
const unknown: CallOutcome = { kind: 'unknown', reason: '超时', explanation: '请在 ERP 中查询' };
const notSent: CallOutcome = { kind: 'not-sent', reason: '连接被拒绝', explanation: '可以重试' };

describe('journal: at-most-once lookups', () => {
  it('findPrior lists created, possibly created and in-flight submissions of the same document only', async () => {
    const folder = await tempFolder();
    const { journal } = await openJournal({ folder });
    const acceptedId = await submit(journal, 'OUT-1', ok);
    await submit(journal, 'OUT-1', refused);
    await submit(journal, 'OUT-1', notSent);
    const unknownId = await submit(journal, 'OUT-1', unknown);
    const failedId = await submit(journal, 'OUT-1', approvalFailed);
    const sendingId = await submit(journal, 'OUT-1', undefined);
    await submit(journal, 'OUT-2', ok);
    await journal.beginSubmission(sampleStart({ method: UPLOAD_SN, businessKey: 'OUT-1' }));

    const prior = journal.findPrior(OUTER_OUT, 'OUT-1');
    expect(prior.map((entry) => entry.id)).toEqual([sendingId, failedId, unknownId, acceptedId]);
    expect(journal.findPrior(OUTER_OUT, 'OUT-3')).toEqual([]);
    await journal.close();
  });

  it('finds SNs sent in created uploadSN and OuterOut submissions, also after a reopen', async () => {
    const folder = await tempFolder();
    const first = await openJournal({ folder });
    const upload = await submit(
      first.journal,
      'CK001',
      ok,
      uploadSnBody('CK001', 'SPEC', ['SN-A1', 'SN-A2']),
    );
    const outerOut = await submit(
      first.journal,
      'OUT-9',
      approvalFailed,
      outerOutBody('OUT-9', 'S', ['SN-B1', 'SN-B2']),
    );
    await submit(first.journal, 'OUT-10', refused, outerOutBody('OUT-10', 'S', ['SN-C1']));
    await submit(first.journal, 'OUT-11', unknown, outerOutBody('OUT-11', 'S', ['SN-D1']));
    const inFlight = await submit(first.journal, 'OUT-12', undefined, outerOutBody('OUT-12', 'S', ['SN-E1']));

    expect(first.journal.findSnSubmission('SN-A2')?.id).toBe(upload);
    expect(first.journal.findSnSubmission('SN-B1')?.id).toBe(outerOut);
    expect(first.journal.hasAcceptedSn('SN-C1')).toBe(false);
    expect(first.journal.hasAcceptedSn('SN-D1')).toBe(false);
    expect(first.journal.hasAcceptedSn('SN-E1')).toBe(false);
    await first.journal.recordResult(inFlight, ok, 10);
    expect(first.journal.hasAcceptedSn('SN-E1')).toBe(true);
    await first.journal.close();

    const second = await openJournal({ folder });
    for (const sn of ['SN-A1', 'SN-A2', 'SN-B1', 'SN-B2', 'SN-E1'])
      expect(second.journal.hasAcceptedSn(sn)).toBe(true);
    for (const sn of ['SN-C1', 'SN-D1', 'SN-A']) expect(second.journal.hasAcceptedSn(sn)).toBe(false);
    expect(second.journal.findSnSubmission('SN-B2')?.businessKey).toBe('OUT-9');
    await second.journal.close();
  });
});
