/**
 * Remembered header values (issue #16): which fields stay for the next document after the ERP created one,
 * the 保留表头 switch (on by default, remembered), and the submission flow that applies it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  outerOutSpec,
  purchaseOrderSpec,
  purchaseReturnSpec,
  uploadSnSpec,
} from '../../../../src/shared/documents';
import type { DocumentSpec } from '../../../../src/shared/spec';
import { ok } from '../../../../src/shared/result';
import {
  fieldRepeats,
  followerValues,
  isKeepHeaderOn,
  keptHeaderValues,
  offersRecentValues,
  resetKeepHeaderCache,
  setKeepHeader,
} from '../../../../src/renderer/features/documents/headerMemory';
import { getDoc, setHeaderValue, setLines } from '../../../../src/renderer/features/documents/documentStore';
import { loadDocDraft } from '../../../../src/renderer/features/documents/documentDraftSync';
import { submitDoc } from '../../../../src/renderer/features/documents/submitActions';
import type { FakeDocBridge } from '../../support/docFakeBridge';
import { journalEntry } from '../../support/docFakeBridge';
import { useDocumentScreens } from '../../support/documentScreens';

function repeating(spec: DocumentSpec): string[] {
  return [...spec.header, ...spec.positional].filter((field) => fieldRepeats(spec, field)).map((f) => f.key);
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe('which header values repeat', () => {
  it('keeps the warehouse, type and flags of a stock-out, never its numbers or remark', () => {
    expect(repeating(outerOutSpec)).toEqual(['warehouse_no', 'src_order_type', 'reason', 'is_check']);
  });

  it('keeps the purchase order’s supplier, warehouses and purchaser, not its number, dates or fees', () => {
    const kept = repeating(purchaseOrderSpec);
    for (const key of ['provider_no', 'receive_warehouse_nos', 'expect_warehouse_no', 'purchaser_name'])
      expect(kept).toContain(key);
    for (const key of ['purchase_no', 'expect_time', 'created', 'remark', 'post_fee', 'apply_nos', 'prop1'])
      expect(kept).not.toContain(key);
  });

  it('clears the numbers the ERP requires to be unique on every document', () => {
    expect(repeating(purchaseReturnSpec)).not.toContain('return_no');
    expect(repeating(uploadSnSpec)).toEqual(['order_type']);
  });

  it('offers recent values for repeating text fields only', () => {
    const offered = outerOutSpec.header.filter((field) => offersRecentValues(outerOutSpec, field));
    expect(offered.map((field) => field.key)).toEqual(['warehouse_no', 'reason']);
  });

  it('puts back only values that hold something', () => {
    expect(
      keptHeaderValues(outerOutSpec, {
        warehouse_no: 'W1',
        order_no: 'WD1',
        remark: '月底',
        reason: '  ',
        is_check: false,
      }),
    ).toEqual({ warehouse_no: 'W1', is_check: false });
  });
});

describe('a warehouse asked for twice', () => {
  it('fills 预计入库仓库编号 from the first 收货仓 when it is still empty', () => {
    const header = { receive_warehouse_nos: 'WH-SH01，WH-BJ02' };
    expect(followerValues(purchaseOrderSpec, header, 'receive_warehouse_nos')).toEqual({
      expect_warehouse_no: 'WH-SH01',
    });
    // What the user typed there stays; leaving another field fills nothing.
    expect(
      followerValues(
        purchaseOrderSpec,
        { ...header, expect_warehouse_no: 'WH-GZ03' },
        'receive_warehouse_nos',
      ),
    ).toEqual({});
    expect(followerValues(purchaseOrderSpec, header, 'provider_no')).toEqual({});
    expect(followerValues(outerOutSpec, { warehouse_no: 'WH-SH01' }, 'warehouse_no')).toEqual({});
  });
});

describe('the 保留表头 switch', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    resetKeepHeaderCache();
  });

  it('is on by default and remembers being turned off', () => {
    const storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
    resetKeepHeaderCache();
    expect(isKeepHeaderOn()).toBe(true);
    setKeepHeader(false);
    resetKeepHeaderCache();
    expect(isKeepHeaderOn()).toBe(false);
    expect(storage.items.get('wdt.keepHeader')).toBe('off');
  });
});

describe('after a successful submission', () => {
  const spec = outerOutSpec;
  let fake: FakeDocBridge;

  useDocumentScreens((bridge) => (fake = bridge));

  beforeEach(() => {
    vi.stubGlobal('localStorage', new MemoryStorage());
    resetKeepHeaderCache();
  });

  afterEach(() => {
    resetKeepHeaderCache();
  });

  async function sendOne(answer: 'accepted' | 'refused'): Promise<void> {
    await loadDocDraft(spec);
    setHeaderValue(spec.method, 'warehouse_no', 'W1');
    setHeaderValue(spec.method, 'order_no', 'WD1');
    setHeaderValue(spec.method, 'remark', '月底调整');
    setHeaderValue(spec.method, 'is_check', true);
    setLines(spec.method, [{ spec_no: 'A001', num: '2' }, {}]);
    fake.answers.push(
      ok({
        status: 'sent',
        entry: journalEntry('j1', answer, answer === 'accepted' ? 'CK001' : undefined),
        outcome:
          answer === 'accepted'
            ? { kind: 'accepted', documentNo: 'CK001', response: { status: 0 } }
            : {
                kind: 'refused',
                status: 100,
                message: '仓库不存在',
                resendable: false,
                explanation: '仓库编号不对',
                response: { status: 100 },
              },
      }),
    );
    await submitDoc(spec);
  }

  it('keeps the warehouse and 是否审核, and clears the number, remark and lines', async () => {
    await sendOne('accepted');
    const doc = getDoc(spec.method);
    expect(doc?.header['warehouse_no']).toBe('W1');
    expect(doc?.header['is_check']).toBe(true);
    expect(doc?.header['remark']).toBeUndefined();
    expect(doc?.header['order_no']).not.toBe('WD1');
    expect(doc?.lines).toEqual([{}]);
  });

  it('clears the whole header when 保留表头 is off', async () => {
    setKeepHeader(false);
    await sendOne('accepted');
    const doc = getDoc(spec.method);
    expect(doc?.header['warehouse_no']).toBeUndefined();
    expect(doc?.header['is_check']).toBeUndefined();
  });

  it('leaves a refused document as it was', async () => {
    await sendOne('refused');
    expect(getDoc(spec.method)?.header).toMatchObject({ order_no: 'WD1', remark: '月底调整' });
  });
});
