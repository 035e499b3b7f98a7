/**
 * 生成单号 as the default for new OuterOut documents (issue 12: 核对 finds an OuterOut by its external
 * number): a new, cleared or copied OuterOut starts with a generated number; the user may clear or change it,
 * and a draft they saved keeps what they chose. Other documents start as before.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentSpecs, outerOutSpec, purchaseOrderSpec } from '../../../../src/shared/documents';
import { applyCopy, prepareCopy } from '../../../../src/renderer/app/copyAsNew';
import { draftIdFor } from '../../../../src/shared/draftIds';
import {
  getDoc,
  resetDocuments,
  setHeaderValue,
} from '../../../../src/renderer/features/documents/documentStore';
import { clearDocDraft, loadDocDraft } from '../../../../src/renderer/features/documents/documentDraftSync';
import { FakeDocBridge } from '../../support/docFakeBridge';

const generated = /^WD\d{14}[0-9A-Z]{3}$/;
let fake: FakeDocBridge;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date(2026, 2, 15, 10, 0, 0) });
  fake = new FakeDocBridge();
  vi.stubGlobal('window', fake.asWindow());
  resetDocuments();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function orderNo(): unknown {
  return getDoc(outerOutSpec.method)?.header.order_no;
}

describe('a new OuterOut document', () => {
  it('starts with a generated 外部单号 stamped with the local time', async () => {
    await loadDocDraft(outerOutSpec);
    expect(orderNo()).toMatch(generated);
    expect(String(orderNo()).slice(2, 16)).toBe('20260315100000');
  });

  it('lets the user clear or change the number, and does not fill it back in', async () => {
    await loadDocDraft(outerOutSpec);
    setHeaderValue(outerOutSpec.method, 'order_no', '');
    expect(orderNo()).toBe('');
    setHeaderValue(outerOutSpec.method, 'order_no', 'MY-OWN-1');
    expect(orderNo()).toBe('MY-OWN-1');
  });

  it('restores a saved draft as saved, even one whose number the user cleared', async () => {
    fake.drafts.set(draftIdFor(outerOutSpec.method), {
      version: 1,
      header: { warehouse_no: 'W1', order_no: '' },
      lines: [{ spec_no: 'A', num: '1' }],
    });
    await loadDocDraft(outerOutSpec);
    expect(getDoc(outerOutSpec.method)?.header).toEqual({ warehouse_no: 'W1', order_no: '' });
  });

  it('gets a new number when cleared (清空)', async () => {
    await loadDocDraft(outerOutSpec);
    const first = orderNo();
    vi.advanceTimersByTime(2_000);
    await clearDocDraft(outerOutSpec);
    expect(orderNo()).toMatch(generated);
    expect(orderNo()).not.toBe(first);
  });

  it('copied from the log, gets a new number instead of the one already used', async () => {
    const copy = await prepareCopy(outerOutSpec.method, [
      { warehouse_no: 'W1', order_no: 'USED-1' },
      [{ spec_no: 'A', num: 2 }],
      false,
    ]);
    if (copy === null) throw new Error('the copy was refused');
    expect(copy.header.order_no).toMatch(generated);
    expect(copy.generatedExternalNo).toBe(true);
    applyCopy(copy);
    expect(orderNo()).toBe(copy.header.order_no);
  });
});

describe('other documents', () => {
  it('start without a generated number, as before', async () => {
    for (const spec of documentSpecs.filter((candidate) => candidate !== outerOutSpec)) {
      await loadDocDraft(spec);
      const header = getDoc(spec.method)?.header ?? {};
      for (const value of Object.values(header)) expect(String(value), spec.method).not.toMatch(generated);
    }
  });

  it('a copied purchase order has its used number cleared, not replaced', async () => {
    const args = purchaseOrderSpec.example?.args;
    if (args === undefined) throw new Error('no example');
    const first = args[0] as Record<string, unknown>;
    const copy = await prepareCopy(purchaseOrderSpec.method, [
      { ...first, purchase_no: 'CG-USED' },
      ...args.slice(1),
    ]);
    if (copy === null) throw new Error('the copy was refused');
    expect(copy.header.purchase_no).toBeUndefined();
    expect(copy.generatedExternalNo).toBe(false);
  });
});
