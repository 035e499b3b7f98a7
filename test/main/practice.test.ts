/**
 * The 练习环境's ERP settings through the IPC contract, as the settings screen uses them: shown, changed at
 * run time for the practice ERP that is already running, and kept across a restart.
 */
import { describe, expect, it } from 'vitest';
import { outerTransferSpec } from '../../src/shared/documents';
import { defaultPracticeErpSettings } from '../../src/shared/practiceErp';
import { openTestCore } from '../support/appCore';

/** A transfer of part of a unit; `num` varies so each is a new document (no resend confirmation). */
function transferOf(num: string) {
  return {
    method: outerTransferSpec.method,
    draftId: `doc.t${num}`,
    draft: {
      header: { from_warehouse_no: 'wh-a', to_warehouse_no: 'wh-b', mode: '1' },
      lines: [{ spec_no: 'SKU-1', num }],
    },
  };
}
const halfUnitTransfer = transferOf('0.5');

describe('the practice ERP’s settings', () => {
  it('start as the most accepting ERP, so a new user’s first documents go through', async () => {
    const test = await openTestCore();
    expect(await test.value('getPracticeErpSettings', undefined)).toEqual({
      allowSameGoods: true,
      batchAndExpiryRequired: false,
      decimalQuantities: true,
    });
    const sent = await test.value('submitDocument', halfUnitTransfer);
    expect(sent.status === 'sent' && sent.outcome.kind).toBe('accepted');
  });

  it('change the running practice ERP’s answers at once, and are kept after a restart', async () => {
    const test = await openTestCore();
    // The first call starts the practice ERP; the change must reach the one already running.
    expect((await test.value('submitDocument', halfUnitTransfer)).status).toBe('sent');
    expect(await test.value('updatePracticeErpSettings', { decimalQuantities: false })).toEqual({
      ...defaultPracticeErpSettings,
      decimalQuantities: false,
    });
    const refused = await test.value('submitDocument', transferOf('0.25'));
    expect(refused.status === 'sent' && refused.outcome).toMatchObject({
      kind: 'refused',
      status: 100,
      message: '数量不合法',
    });

    const reopened = await test.reopen();
    expect(await reopened.value('getPracticeErpSettings', undefined)).toMatchObject({
      decimalQuantities: false,
    });
    const again = await reopened.value('submitDocument', transferOf('0.75'));
    expect(again.status === 'sent' && again.outcome).toMatchObject({
      kind: 'refused',
      message: '数量不合法',
    });
  });

  it('refuses a setting that is not one of the ERP’s, or not a yes/no', async () => {
    const test = await openTestCore();
    expect((await test.call('updatePracticeErpSettings', { allowSameGoods: 'yes' } as never)).ok).toBe(false);
    expect((await test.call('updatePracticeErpSettings', { secret: true } as never)).ok).toBe(false);
    expect(await test.value('getPracticeErpSettings', undefined)).toEqual(defaultPracticeErpSettings);
  });
});
