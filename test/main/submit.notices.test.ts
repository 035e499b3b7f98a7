/**
 * Main re-validates every document before signing and refuses to send only on errors: a notice (one product
 * on two lines with different batches, which only the ERP's settings decide) goes out as it is.
 */
import { describe, expect, it } from 'vitest';
import { outerOutSpec } from '../../src/shared/documents';
import { openTestCore, simulator } from '../support/appCore';
import { useSimulatorProfile } from '../support/simulatorProfile';

const method = outerOutSpec.method;

async function coreAgainstSimulator() {
  const test = await openTestCore();
  const sim = await simulator();
  await useSimulatorProfile(test, sim.url);
  return { test, sim };
}

const header = { warehouse_no: 'pos', order_no: 'WD-N1', is_check: false };

describe("main's check before signing", () => {
  it('sends a document whose only problems are notices', async () => {
    const { test, sim } = await coreAgainstSimulator();
    const draft = {
      header,
      lines: [
        { spec_no: 'A', num: '1', batch_no: 'B1' },
        { spec_no: 'A', num: '2', batch_no: 'B2' },
      ],
    };
    const response = await test.value('submitDocument', { method, draftId: 'doc.n', draft });
    expect(response.status).toBe('sent');
    const body = sim.requests.find((request) => request.apiMethod === method)?.bodyText ?? '';
    expect(JSON.parse(body)).toEqual([
      { warehouse_no: 'pos', order_no: 'WD-N1' },
      [
        { spec_no: 'A', num: 1, batch_no: 'B1' },
        { spec_no: 'A', num: 2, batch_no: 'B2' },
      ],
      false,
    ]);
  });

  it('sends nothing for lines the ERP refuses in every setting, and offers the merge', async () => {
    const { test, sim } = await coreAgainstSimulator();
    const draft = {
      header,
      lines: [
        { spec_no: 'A', num: '1', batch_no: 'B1' },
        { spec_no: 'A', num: '2', batch_no: 'B1' },
      ],
    };
    const response = await test.value('submitDocument', { method, draftId: 'doc.n', draft });
    expect(response.status).toBe('invalid');
    if (response.status !== 'invalid') return;
    expect(response.problems).toEqual([
      expect.objectContaining({ severity: 'error', fix: { kind: 'mergeLines', rows: [0, 1] } }),
    ]);
    expect(sim.requests.filter((request) => request.apiMethod === method)).toEqual([]);
  });
});
