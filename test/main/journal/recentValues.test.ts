/**
 * 最近使用 (issue #16): the values a header field held in documents the ERP created, read back from the
 * journal's bodies, newest first, distinct, per profile, and never from refused or unsent documents.
 */
import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../../src/shared/outcome';
import { openJournal, type Journal } from '../../../src/main/journal/journal';
import { createRecentValues, RECENT_VALUES_MAX } from '../../../src/main/journal/recentValues';
import { tempFolder } from './helpers';
import { sampleStart } from './samples';

const METHOD = 'wms.outer.OuterOut.createOrder';
const accepted: CallOutcome = { kind: 'accepted', documentNo: 'CK1', response: { status: 0 } };
const refused: CallOutcome = {
  kind: 'refused',
  status: 100,
  message: '仓库不存在',
  resendable: false,
  explanation: '仓库编号不对',
  response: { status: 100, message: '仓库不存在' },
};

async function send(
  journal: Journal,
  orderNo: string,
  warehouse: string,
  outcome: CallOutcome,
  profileName = '练习环境',
): Promise<void> {
  const body = JSON.stringify([
    { warehouse_no: warehouse, order_no: orderNo, reason: `原因${warehouse}` },
    [{ spec_no: 'A1', num: 1 }],
    false,
  ]);
  const id = await journal.beginSubmission(sampleStart({ businessKey: orderNo, body, profileName }));
  await journal.recordResult(id, outcome, 5);
}

describe('recent header values', () => {
  it('answers the values of created documents, newest first and once each', async () => {
    const { journal } = await openJournal({ folder: await tempFolder() });
    await send(journal, 'N1', 'WH01', accepted);
    await send(journal, 'N2', 'WH02', accepted);
    await send(journal, 'N3', 'WH01', accepted);
    await send(journal, 'N4', 'BAD', refused);
    await send(journal, 'N5', 'OTHER', accepted, '正式仓');
    const recent = createRecentValues();
    const query = { method: METHOD, field: 'warehouse_no', profileName: '练习环境' };
    expect(await recent(journal, query)).toEqual(['WH01', 'WH02']);
    expect(await recent(journal, { ...query, profileName: '正式仓' })).toEqual(['OTHER']);
    // A later document is news at once (the parsed headers are cached per entry, not per answer).
    await send(journal, 'N6', 'WH03', accepted);
    expect(await recent(journal, query)).toEqual(['WH03', 'WH01', 'WH02']);
    await journal.close();
  });

  it('answers nothing for a field that is no header text field or a method it does not know', async () => {
    const { journal } = await openJournal({ folder: await tempFolder() });
    await send(journal, 'N1', 'WH01', accepted);
    const recent = createRecentValues();
    expect(await recent(journal, { method: METHOD, field: 'is_check', profileName: '练习环境' })).toEqual([]);
    expect(await recent(journal, { method: METHOD, field: 'spec_no', profileName: '练习环境' })).toEqual([]);
    expect(await recent(journal, { method: 'x.y', field: 'warehouse_no', profileName: '练习环境' })).toEqual(
      [],
    );
    await journal.close();
  });

  it('is bounded', async () => {
    const { journal } = await openJournal({ folder: await tempFolder() });
    for (let i = 0; i < RECENT_VALUES_MAX + 5; i += 1) await send(journal, `N${i}`, `WH${i}`, accepted);
    const recent = createRecentValues();
    const values = await recent(journal, { method: METHOD, field: 'warehouse_no', profileName: '练习环境' });
    expect(values).toHaveLength(RECENT_VALUES_MAX);
    expect(values[0]).toBe(`WH${RECENT_VALUES_MAX + 4}`);
    await journal.close();
  });
});
