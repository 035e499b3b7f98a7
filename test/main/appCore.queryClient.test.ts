import { describe, expect, it } from 'vitest';
import { outerOutSpec } from '../../src/shared/documents';
import { queryWindowFor } from '../../src/main/wdt/queryMethods';
import { openTestCore, simulator } from '../support/appCore';
import { useSimulatorProfile } from '../support/simulatorProfile';

const QUERY = 'wms.outer.OuterOut.queryWithDetail';

describe('the query client of a profile', () => {
  it('reaches the profile’s ERP and shares the clock offset its submissions learned', async () => {
    const test = await openTestCore();
    // The ERP's clock runs 10 minutes ahead: the first submission is refused (时间戳错误) and retried.
    const sim = await simulator({ clockSkewMs: 10 * 60_000 });
    const profile = await useSimulatorProfile(test, sim.url);
    const sentAt = Date.now();
    await test.value('submitDocument', {
      method: outerOutSpec.method,
      draftId: 'doc.q',
      draft: {
        header: { warehouse_no: 'pos', order_no: 'WQ-1', is_check: false },
        lines: [{ spec_no: 'A1', num: '1' }],
      },
    });
    expect(sim.created.map((doc) => doc.documentNo)).toEqual(['WQ-1']);

    const built = await test.core.queryClientForProfile(profile.id);
    if (!built.ok) throw new Error(built.error.message);
    expect(Math.abs(built.value.clockOffset.get() - 10 * 60_000)).toBeLessThan(2000);
    // A narrow window around the local send time finds it only if the offset is applied.
    const window = queryWindowFor(QUERY, new Date(sentAt - 5_000), new Date(Date.now() + 5_000));
    const answer = await built.value.query(QUERY, { warehouse_no: 'pos' }, { window });
    expect(answer).toMatchObject({ kind: 'found', calls: 1 });
    expect(answer.kind === 'found' ? answer.records.map((row) => row['outer_out_no']) : []).toEqual(['WQ-1']);
    expect(sim.requests.filter((request) => request.apiMethod === QUERY)).toHaveLength(1);
  });

  it('fails as the create client does for a profile that does not exist', async () => {
    const test = await openTestCore();
    expect((await test.core.queryClientForProfile('no-such-profile')).ok).toBe(false);
  });
});
