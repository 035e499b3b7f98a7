import { describe, expect, it, vi } from 'vitest';
import { outerOutSpec } from '../../../../src/shared/documents/index';
import { ok, fail } from '../../../../src/shared/result';
import { draftIdFor } from '../../../../src/shared/draftIds';
import { getDoc, setHeaderValue, setLines } from '../../../../src/renderer/features/documents/documentStore';
import { flushDrafts } from '../../../../src/renderer/drafts/documentDrafts';
import { loadDocDraft } from '../../../../src/renderer/features/documents/documentDraftSync';
import { submitDoc } from '../../../../src/renderer/features/documents/submitActions';
import type { FakeDocBridge } from '../../support/docFakeBridge';
import { journalEntry } from '../../support/docFakeBridge';
import { useDocumentScreens } from '../../support/documentScreens';

const spec = outerOutSpec;
const draftId = draftIdFor(spec.method);
let fake: FakeDocBridge;

async function fillValidDocument(): Promise<void> {
  await loadDocDraft(spec);
  setHeaderValue(spec.method, 'warehouse_no', 'W1');
  setHeaderValue(spec.method, 'order_no', 'WD1');
  setHeaderValue(spec.method, 'is_check', false);
  setLines(spec.method, [{ spec_no: 'A001', num: '2' }, {}]);
}

useDocumentScreens((bridge) => (fake = bridge));

describe('drafts', () => {
  it('restores the saved draft when the screen opens', async () => {
    fake.drafts.set(draftId, {
      version: 1,
      header: { warehouse_no: 'SAVED' },
      lines: [{ spec_no: 'X', num: '1' }],
    });
    await loadDocDraft(spec);
    expect(getDoc(spec.method)).toMatchObject({ loaded: true, header: { warehouse_no: 'SAVED' } });
    expect(getDoc(spec.method)?.lines).toEqual([{ spec_no: 'X', num: '1' }]);
  });

  it('saves edits after a pause, as one save holding the latest values', async () => {
    await loadDocDraft(spec);
    setHeaderValue(spec.method, 'warehouse_no', 'W');
    setHeaderValue(spec.method, 'warehouse_no', 'W1');
    await vi.advanceTimersByTimeAsync(299);
    expect(fake.calls.filter((call) => call.startsWith('save'))).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    expect(fake.calls.filter((call) => call.startsWith('save'))).toEqual([`save ${draftId}`]);
    expect(fake.drafts.get(draftId)).toMatchObject({ header: { warehouse_no: 'W1' } });
  });

  it('leaves lines another draft keeps (scan mode) out of the document draft until something else changes', async () => {
    await loadDocDraft(spec);
    setLines(spec.method, [{ spec_no: 'A001', num: '1' }]);
    await vi.advanceTimersByTimeAsync(400);
    const saves = () => fake.calls.filter((call) => call.startsWith('save')).length;
    expect(saves()).toBe(1);

    setLines(spec.method, [{ spec_no: 'A001', num: '1', sn_list: 'SN1' }], { keptElsewhere: true });
    setLines(spec.method, [{ spec_no: 'A001', num: '2', sn_list: 'SN1,SN2' }], { keptElsewhere: true });
    await vi.advanceTimersByTimeAsync(400);
    expect(saves()).toBe(1);

    // The next change of anything else saves the document as it is now, scanned lines included.
    setHeaderValue(spec.method, 'warehouse_no', 'W1');
    await vi.advanceTimersByTimeAsync(400);
    expect(saves()).toBe(2);
    expect(fake.drafts.get(draftId)).toMatchObject({
      header: { warehouse_no: 'W1' },
      lines: [{ spec_no: 'A001', num: '2', sn_list: 'SN1,SN2' }],
    });

    // Lines set by anyone else are saved as before.
    setLines(spec.method, [{ spec_no: 'B002', num: '1' }]);
    await vi.advanceTimersByTimeAsync(400);
    expect(saves()).toBe(3);
  });

  it('does not save an untouched fresh draft', async () => {
    await loadDocDraft(spec);
    await flushDrafts();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.calls).toEqual([`load ${draftId}`]);
  });
});

describe('submitting', () => {
  it('sends the document without the trailing empty row, then clears the draft once created', async () => {
    await fillValidDocument();
    fake.answers.push(
      ok({
        status: 'sent',
        entry: journalEntry('j1', 'accepted', 'CK001'),
        outcome: { kind: 'accepted', documentNo: 'CK001', response: { status: 0 } },
      }),
    );
    await submitDoc(spec);
    expect(fake.submits[0]).toMatchObject({
      method: spec.method,
      draftId,
      draft: {
        header: { warehouse_no: 'W1', order_no: 'WD1', is_check: false },
        lines: [{ spec_no: 'A001', num: '2' }],
      },
    });
    // The draft on disk matched what was sent before sending, and was deleted after.
    expect(fake.calls.slice(-3)).toEqual([`save ${draftId}`, 'submit', `delete ${draftId}`]);
    expect(fake.drafts.has(draftId)).toBe(false);
    const doc = getDoc(spec.method);
    // A fresh document again, keeping what repeats (保留表头 is on by default, issue #16): the warehouse and
    // is_check stay; the external number is a new generated one (OuterOut's default), never the one used.
    expect(doc?.header).toEqual({
      warehouse_no: 'W1',
      is_check: false,
      order_no: expect.stringMatching(/^WD\d{14}[0-9A-Z]{3}$/),
    });
    expect(doc?.submit).toMatchObject({ phase: 'sent', outcome: { kind: 'accepted', documentNo: 'CK001' } });
    // The new document's kept header is a draft of its own; the sent lines are gone from it.
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.drafts.get(draftId)).toMatchObject({ header: { warehouse_no: 'W1' } });
    expect(JSON.stringify(fake.drafts.get(draftId))).not.toContain('A001');
  });

  it('keeps the draft when the ERP refuses', async () => {
    await fillValidDocument();
    fake.answers.push(
      ok({
        status: 'sent',
        entry: journalEntry('j2', 'refused'),
        outcome: {
          kind: 'refused',
          status: 100,
          message: '仓库不存在',
          resendable: false,
          explanation: '请检查仓库编号',
          response: { status: 100 },
        },
      }),
    );
    await submitDoc(spec);
    expect(fake.calls).not.toContain(`delete ${draftId}`);
    expect(getDoc(spec.method)?.header).toMatchObject({ warehouse_no: 'W1' });
    expect(getDoc(spec.method)?.submit).toMatchObject({ phase: 'sent', outcome: { kind: 'refused' } });
  });

  it('asks for confirmation, and a confirmed resend names the earlier entries', async () => {
    await fillValidDocument();
    fake.answers.push(ok({ status: 'needs-confirmation', prior: [journalEntry('j0', 'unknown')] }));
    await submitDoc(spec);
    const view = getDoc(spec.method)?.submit;
    expect(view).toMatchObject({ phase: 'confirm' });
    expect(fake.submits[0]?.confirmedPriorIds).toBeUndefined();

    fake.answers.push(
      ok({
        status: 'sent',
        entry: journalEntry('j3', 'not-sent'),
        outcome: { kind: 'not-sent', reason: 'ECONNREFUSED', explanation: '网络不通' },
      }),
    );
    await submitDoc(spec, view?.phase === 'confirm' ? view.prior.map((entry) => entry.id) : []);
    expect(fake.submits[1]?.confirmedPriorIds).toEqual(['j0']);
    expect(getDoc(spec.method)?.submit).toMatchObject({ phase: 'sent', outcome: { kind: 'not-sent' } });
  });

  it('a double click sends once', async () => {
    await fillValidDocument();
    fake.holdSubmits = true;
    fake.answers.push(ok({ status: 'invalid', problems: [] }));
    const first = submitDoc(spec);
    const second = submitDoc(spec);
    await vi.advanceTimersByTimeAsync(0);
    expect(getDoc(spec.method)?.submit.phase).toBe('sending');
    fake.release();
    await Promise.all([first, second]);
    expect(fake.submits).toHaveLength(1);
  });

  it('shows a refusal by main (BUSY) as an error and keeps the draft', async () => {
    await fillValidDocument();
    fake.answers.push(fail('BUSY', '这张单据正在提交中'));
    await submitDoc(spec);
    expect(getDoc(spec.method)?.submit).toEqual({
      phase: 'error',
      error: { code: 'BUSY', message: '这张单据正在提交中' },
    });
    expect(fake.calls).not.toContain(`delete ${draftId}`);
  });
});
