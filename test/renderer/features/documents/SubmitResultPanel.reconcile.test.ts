/**
 * 核对 on the submission result panel of an unknown outcome: the button, the progress of a check (ours or
 * the one main starts by itself shortly after the outcome), and each finding as the panel then reads.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { outerOutSpec } from '../../../../src/shared/documents';
import type { JournalEntry } from '../../../../src/shared/journal';
import type { CallOutcome } from '../../../../src/shared/outcome';
import { ok } from '../../../../src/shared/result';
import { ConfirmResendDialog } from '../../../../src/renderer/features/documents/ConfirmResendDialog';
import { SubmitResultPanel } from '../../../../src/renderer/features/documents/SubmitResultPanel';
import { RECONCILE_EXPLANATION } from '../../../../src/renderer/features/reconcile/reconcileView';
import {
  getDoc,
  resetDocuments,
  setHeaderValue,
  setLines,
} from '../../../../src/renderer/features/documents/documentStore';
import { loadDocDraft } from '../../../../src/renderer/features/documents/documentDraftSync';
import {
  reconcileEntry,
  resetReconcileRuns,
  watchReconcileProgress,
} from '../../../../src/renderer/stores/reconcileStore';
import { submitDoc, watchSubmittedEntries } from '../../../../src/renderer/features/documents/submitActions';
import { FakeDocBridge, journalEntry } from '../../support/docFakeBridge';
import { makeFinding } from '../../support/reconcileFakeBridge';

const spec = outerOutSpec;
const outcome: CallOutcome = {
  kind: 'unknown',
  reason: '等待 ERP 答复超时',
  explanation: '请求已发出，ERP 可能已经创建了单据。程序不会自动重发。',
};
const noop = (): void => undefined;
let fake: FakeDocBridge;

beforeEach(() => {
  fake = new FakeDocBridge();
  vi.stubGlobal('window', fake.asWindow());
  resetDocuments();
  resetReconcileRuns();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function panel(entry: JournalEntry): string {
  const html = renderToString(
    createElement(SubmitResultPanel, {
      spec,
      view: { phase: 'sent', entry, outcome },
      onRetry: noop,
      onDismiss: noop,
    }),
  );
  return html.replace(/<!-- -->/g, '');
}

const unknown = journalEntry('j-unknown', 'unknown');

describe('the result panel of an unknown outcome', () => {
  it('offers 核对 with what it does, and no retry', () => {
    const html = panel(unknown);
    expect(html).toContain('结果未知：请求已发出');
    expect(html).toMatch(/<button[^>]*>核对<\/button>/);
    expect(html).toContain(RECONCILE_EXPLANATION);
    expect(html).not.toContain('重试');
    expect(html).not.toContain('重新提交</button>');
  });

  it('shows the progress of the check main starts by itself after the outcome', () => {
    const stop = watchReconcileProgress();
    fake.reconciler.emit({ entryId: unknown.id, phase: 'querying', queries: 1 });
    expect(panel(unknown)).toContain('正在核对…已查询 1 次');
    fake.reconciler.emit({ entryId: unknown.id, phase: 'querying', queries: 4 });
    expect(panel(unknown)).toContain('正在核对…已查询 4 次');
    // Another entry's check is not this panel's.
    expect(panel(journalEntry('j-other', 'unknown'))).not.toContain('正在核对');
    fake.reconciler.emit({
      entryId: unknown.id,
      phase: 'done',
      queries: 4,
      finding: makeFinding('created', { documentNo: 'CK-AUTO-9' }),
    });
    const html = panel(unknown);
    expect(html).not.toContain('正在核对');
    expect(html).toContain('核对结果：外仓调整出库单创建已创建');
    expect(html).toContain('CK-AUTO-9');
    stop();
  });

  it('已创建 reads as created, with the ERP number, and says a resend would be confirmed first', () => {
    const html = panel({ ...unknown, reconciled: makeFinding('created', { documentNo: 'CK-55' }) });
    expect(html).toContain('result-success');
    expect(html).toContain('核对结果：外仓调整出库单创建已创建');
    expect(html).toMatch(/<output class="doc-no-value">CK-55<\/output>/);
    expect(html).toMatch(/<button[^>]*>复制单号<\/button>/);
    expect(html).toContain('如果再次提交，会先请您确认');
    expect(html).toMatch(/<strong>已核对<\/strong>（2026-03-15 \d\d:40:00）/);
    expect(html).not.toMatch(/<button[^>]*>(再次)?核对<\/button>/);
    expect(html).not.toContain('重新提交</button>');
  });

  it('未创建 says a resend needs no confirmation and offers it', () => {
    const html = panel({ ...unknown, reconciled: makeFinding('not_created') });
    expect(html).toContain('核对结果：ERP 中没有这张单据');
    expect(html).toContain('现在重新提交不需要确认');
    expect(html).toMatch(/<button[^>]*btn-primary[^>]*>重新提交<\/button>/);
    expect(html).not.toMatch(/<button[^>]*>(再次)?核对<\/button>/);
  });

  it('无法确定 keeps the warning, shows the candidates and offers the check again', () => {
    const html = panel({
      ...unknown,
      reconciled: makeFinding('uncertain', {
        candidates: [{ documentNo: 'CK-MAYBE', summary: '2 行' }],
      }),
    });
    expect(html).toContain('结果未知：请求已发出');
    expect(html).toContain('无法确定');
    expect(html).toContain('CK-MAYBE');
    expect(html).toMatch(/<button[^>]*>再次核对<\/button>/);
    expect(html).not.toContain('重新提交</button>');
  });
});

describe('a check from the result panel', () => {
  it('brings the recorded entry onto the panel (journalChanged), so the panel reads its finding', async () => {
    const stopEntries = watchSubmittedEntries();
    await loadDocDraft(spec);
    setHeaderValue(spec.method, 'warehouse_no', 'W1');
    setHeaderValue(spec.method, 'is_check', false);
    setLines(spec.method, [{ spec_no: 'A001', num: '2' }]);
    fake.answers.push(ok({ status: 'sent', entry: unknown, outcome }));
    await submitDoc(spec);
    expect(getDoc(spec.method)?.submit).toMatchObject({ phase: 'sent', entry: { id: unknown.id } });

    const finding = makeFinding('not_created');
    fake.reconciler.answers.set(unknown.id, ok(finding));
    fake.reconciler.onFinding = (id, found) =>
      fake.announce({ type: 'updated', entry: { ...unknown, id, reconciled: found } });
    await reconcileEntry(unknown.id);
    expect(fake.reconciler.calls).toEqual([unknown.id]);
    const view = getDoc(spec.method)?.submit;
    expect(view?.phase === 'sent' && view.entry.reconciled).toEqual(finding);
    // The draft is still there to be sent again.
    expect(getDoc(spec.method)?.lines).toEqual([{ spec_no: 'A001', num: '2' }]);
    stopEntries();
  });
});

describe('the resend confirmation', () => {
  it('names an unknown send a check found created as created', () => {
    const prior = { ...unknown, reconciled: makeFinding('created', { documentNo: 'CK-55' }) };
    const html = renderToString(
      createElement(ConfirmResendDialog, { prior: [prior], onConfirm: noop, onCancel: noop }),
    ).replace(/<!-- -->/g, '');
    expect(html).toContain('ERP 已经创建过这张单据');
    expect(html).not.toContain('其中有结果未知的提交');
    expect(html).toContain('结果未知（核对：已创建）');
    expect(html).toContain('<td>CK-55</td>');
  });
});
