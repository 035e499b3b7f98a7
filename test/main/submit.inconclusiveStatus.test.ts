/**
 * An ERP answer whose status proves nothing (4, 5, 99, or one the vendor never listed) is treated exactly as
 * a timeout: journaled as unknown, never resent automatically, and a second send needs confirmation. A
 * business refusal (status 100) proves nothing was created, so the corrected document goes straight out.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../../src/shared/spec';
import type { SubmitResponse } from '../../src/shared/ipc';
import { outerTransferSpec } from '../../src/shared/documents';
import { openTestCore, type TestCore } from '../support/appCore';
import { useSimulatorProfile } from '../support/simulatorProfile';
import { fixedAnswerErp } from '../support/fixedAnswerErp';

const transfer = outerTransferSpec.method;
const transferDraft: DocumentDraft = {
  header: { from_warehouse_no: 'wh-a', to_warehouse_no: 'wh-b', mode: '1' },
  lines: [{ spec_no: 'SKU-1', num: '3' }],
};

function sent(response: SubmitResponse) {
  if (response.status !== 'sent') throw new Error(`expected a send, got ${response.status}`);
  return response;
}

const submitTransfer = (test: TestCore, confirmedPriorIds?: string[]) =>
  test.value('submitDocument', {
    method: transfer,
    draftId: 'doc.t',
    draft: transferDraft,
    ...(confirmedPriorIds ? { confirmedPriorIds } : {}),
  });

describe('a create answered with a status that proves nothing', () => {
  it.each([
    [4, '数据库错误'],
    [5, '数据库错误'],
    [99, '其他错误'],
    [42, '未列出的状态'],
  ])('status %i (%s): unknown, not resent, and a resend asks first', async (status, message) => {
    const test = await openTestCore();
    const erp = await fixedAnswerErp({ status, message });
    await useSimulatorProfile(test, erp.url);
    const first = sent(await submitTransfer(test));
    expect(first.outcome).toMatchObject({ kind: 'unknown', response: { status, message } });
    expect(first.entry.outcome).toBe('unknown');
    expect(erp.requests()).toBe(1);

    const again = await submitTransfer(test);
    expect(again).toMatchObject({ status: 'needs-confirmation', prior: [{ outcome: 'unknown' }] });
    expect(erp.requests()).toBe(1);

    const confirmed = sent(await submitTransfer(test, [first.entry.id]));
    expect(confirmed.outcome.kind).toBe('unknown');
    expect(erp.requests()).toBe(2);
  });

  it('status 100 is a refusal: nothing was created, so sending again needs no confirmation', async () => {
    const test = await openTestCore();
    const erp = await fixedAnswerErp({ status: 100, message: '数量不合法' });
    await useSimulatorProfile(test, erp.url);
    const first = sent(await submitTransfer(test));
    expect(first.outcome).toMatchObject({ kind: 'refused', status: 100, resendable: false });
    expect(sent(await submitTransfer(test)).outcome.kind).toBe('refused');
    expect(erp.requests()).toBe(2);
  });
});
