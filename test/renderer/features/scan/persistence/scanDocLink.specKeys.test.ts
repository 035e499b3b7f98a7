/**
 * The scan link keeps a document's scans in the fields its spec names: a document whose SN list is not
 * called sn_list (the recipe's made-up 退货入库SN登记, SNs in `serial_nos`) has its scans written there and
 * its typed SNs read from there, in the document's lines and in the scan draft.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { scanDraftIdFor } from '../../../../../src/shared/draftIds';
import { getSpec } from '../../../../../src/shared/documents';
import {
  ensureDoc,
  getDoc,
  resetDocuments,
  setLines,
} from '../../../../../src/renderer/features/documents/documentStore';
import { scanKindOf } from '../../../../../src/renderer/features/scan/model/scanFields';
import { applyScan } from '../../../../../src/renderer/features/scan/model/scanState';
import { scanLinkFor } from '../../../../../src/renderer/features/scan/persistence/scanDocLink';
import { REFUND_SN_METHOD } from '../../../../recipe/refundSnSpec';
import { FakeDocBridge } from '../../../support/docFakeBridge';

// Registered as the recipe registers a document: one more entry in the registry's list.
vi.mock(import('../../../../../src/shared/documents'), async (importOriginal) => {
  const registry = await importOriginal();
  const { refundSnSpec } = await import('../../../../recipe/refundSnSpec');
  const specs = [...registry.documentSpecs, refundSnSpec];
  const byMethod = new Map(specs.map((spec) => [spec.method, spec]));
  return {
    ...registry,
    documentSpecs: specs,
    methodNames: specs.map((spec) => spec.method),
    getSpec: (method: string) => byMethod.get(method),
  };
});

let fake: FakeDocBridge;

beforeEach(() => {
  fake = new FakeDocBridge();
  vi.stubGlobal('window', fake.asWindow());
  resetDocuments();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

it('scans into serial_nos, the SN field the spec names, and reads typed SNs from it', async () => {
  const spec = getSpec(REFUND_SN_METHOD);
  if (spec === undefined) throw new Error('the made-up document is not registered');
  expect(scanKindOf(spec)).toBe('lines');
  ensureDoc(spec);
  const link = scanLinkFor(spec.method);
  await link.restore();

  // Typed in the grid: the scan state reads the line's SNs from serial_nos.
  setLines(spec.method, [{ spec_no: 'SKU-8', num: '1', serial_nos: 'SN-9' }]);
  expect(link.current().lines.map((line) => [line.specNo, line.count])).toEqual([['SKU-8', 1]]);

  let state = link.current();
  for (const value of ['SKU-7', 'SN-1', 'SN-9', 'SN-2'])
    state = applyScan(state, value, 'scanner', { expectingSpecNo: value === 'SKU-7' }).state;
  link.commit(state);
  link.flushLines();
  await link.saved();

  // SN-9 is on the first line already, so its second scan was refused.
  expect(getDoc(spec.method)?.lines).toEqual([
    { num: '1', spec_no: 'SKU-8', serial_nos: ['SN-9'] },
    { spec_no: 'SKU-7', serial_nos: ['SN-1', 'SN-2'] },
  ]);
  // The scan draft keeps the quantity typed beside the line's scans.
  expect(fake.drafts.get(scanDraftIdFor(spec.method))).toMatchObject({ fields: [{ num: '1' }] });
});
