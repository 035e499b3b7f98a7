/**
 * 核对 in the log, driven through the log store and the fake journal (which plays main's engine): the
 * button only on unknown entries, the progress of a check (ours or main's own), and each finding as the
 * list and the detail show it. Markup via renderToString: effects do not run, the stores are driven directly.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JournalEntry } from '../../../../src/shared/journal';
import { ok } from '../../../../src/shared/result';
import { LogScreen } from '../../../../src/renderer/features/log/LogScreen';
import { documentNoOf, rowTone, rowTooltip } from '../../../../src/renderer/features/log/logFormat';
import {
  applyJournalChange,
  applyLogFilters,
  getLogState,
  openLogDetail,
  resetLogStore,
  selectLogEntry,
  setLogFilters,
} from '../../../../src/renderer/features/log/logStore';
import { ReconcileBadge } from '../../../../src/renderer/features/reconcile/ReconcileBadge';
import {
  latestFinding,
  RECONCILE_EXPLANATION,
} from '../../../../src/renderer/features/reconcile/reconcileView';
import {
  getReconcileRun,
  reconcileEntry,
  resetReconcileRuns,
  watchReconcileProgress,
} from '../../../../src/renderer/stores/reconcileStore';
import { FakeJournal, makeEntry } from '../../support/logFakeBridge';
import { makeFinding } from '../../support/reconcileFakeBridge';

let journal: FakeJournal;

beforeEach(() => {
  journal = new FakeJournal();
  vi.stubGlobal('window', { wdt: journal.bridge });
  resetLogStore(new Date('2026-03-15T02:30:00.000Z'));
  resetReconcileRuns();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function unknownEntry(n: number, overrides: Partial<JournalEntry> = {}): JournalEntry {
  return makeEntry(n, { outcome: 'unknown', documentNo: undefined, ...overrides });
}

/** The screen with `entry` selected and its detail open. */
async function screenWithDetail(entry: JournalEntry): Promise<string> {
  await applyLogFilters();
  selectLogEntry(entry.id);
  await openLogDetail(entry.id);
  return renderToString(createElement(LogScreen));
}

/** renderToString separates adjacent text parts with comments; people do not see them. */
function visibleText(html: string): string {
  return html.replace(/<!-- -->/g, '');
}

const reconcileButton = /<button[^>]*>核对<\/button>/g;

describe('the 核对 button', () => {
  it('is offered on an unknown entry, in the header (for the selected row) and in the detail', async () => {
    const entry = unknownEntry(1);
    journal.add(entry);
    const html = visibleText(await screenWithDetail(entry));
    expect(html.match(reconcileButton)).toHaveLength(2);
    expect(html).toContain(RECONCILE_EXPLANATION);
    expect(html).toMatch(/<h3[^>]*>核对<\/h3>/);
  });

  it('is not offered on entries whose outcome is known', async () => {
    for (const [n, outcome] of [
      [1, 'accepted'],
      [2, 'refused'],
      [3, 'not-sent'],
      [4, 'approval-failed'],
      [5, 'sending'],
    ] as const) {
      const entry = makeEntry(n, { outcome });
      journal.add(entry);
      const html = await screenWithDetail(entry);
      expect(html, outcome).not.toMatch(reconcileButton);
      expect(html, outcome).not.toContain(RECONCILE_EXPLANATION);
    }
  });

  it('is no longer offered once a check settled the entry, and offered again after 无法确定', async () => {
    const created = unknownEntry(1, { reconciled: makeFinding('created') });
    const notCreated = unknownEntry(2, { reconciled: makeFinding('not_created') });
    const uncertain = unknownEntry(3, { reconciled: makeFinding('uncertain') });
    for (const entry of [created, notCreated, uncertain]) journal.add(entry);
    expect(await screenWithDetail(created)).not.toMatch(reconcileButton);
    expect(await screenWithDetail(notCreated)).not.toMatch(reconcileButton);
    const again = await screenWithDetail(uncertain);
    expect(again).toMatch(/<button[^>]*>再次核对<\/button>/);
  });
});

describe('a check started here', () => {
  it('shows its progress while it runs, then the finding in the detail and the list', async () => {
    const entry = unknownEntry(1);
    journal.add(entry);
    journal.reconciler.answers.set(entry.id, ok(makeFinding('created', { documentNo: 'CK-FOUND-1' })));
    journal.reconciler.queriesPerCall = 3;
    journal.reconciler.hold();
    const stop = watchReconcileProgress();
    const stopJournal = journal.bridge.events.journalChanged((change) => void applyJournalChange(change));
    await screenWithDetail(entry);

    const running = reconcileEntry(entry.id);
    await vi.waitFor(() => expect(getReconcileRun(entry.id)?.queries).toBe(3));
    const during = visibleText(renderToString(createElement(LogScreen)));
    expect(during).toContain('正在核对…已查询 3 次');
    // Neither button can start a second check meanwhile.
    expect(during).not.toMatch(/<button(?![^>]*disabled)[^>]*>核对<\/button>/);
    expect(during).toMatch(/<button[^>]*disabled=""[^>]*>核对<\/button>/);
    expect(during).toMatch(/<button[^>]*disabled=""[^>]*>正在核对…已查询 3 次<\/button>/);
    expect(visibleText(renderToString(createElement(ReconcileBadge, { entry })))).toContain('核对中（3）');

    journal.reconciler.release();
    await running;
    await vi.waitFor(() => expect(getLogState().detail?.entry?.reconciled?.state).toBe('created'));
    const after = visibleText(renderToString(createElement(LogScreen)));
    expect(after).not.toContain('正在核对');
    expect(after).toMatch(/<strong>已核对<\/strong>（2026-03-15 \d\d:40:00）：/);
    expect(after).toContain('已创建');
    expect(after).toContain('CK-FOUND-1');
    expect(after).toContain('不要重新提交');
    expect(after).not.toMatch(reconcileButton);
    // The list row carries the finding and the number it found.
    const row = getLogState().rows[0];
    if (row === undefined) throw new Error('no row');
    expect(visibleText(renderToString(createElement(ReconcileBadge, { entry: row })))).toContain(
      '已核对·已创建',
    );
    expect(documentNoOf(row)).toBe('CK-FOUND-1');
    expect(rowTone(row)).toBe('log-row-reconciled');
    expect(journal.reconciler.calls).toEqual([entry.id]);
    stop();
    stopJournal();
  });

  it('says why when the check could not run, and offers it again', async () => {
    const entry = unknownEntry(1);
    journal.add(entry);
    // No scripted answer: main answers as it did before its engine existed.
    await reconcileEntry(entry.id);
    const html = visibleText(await screenWithDetail(entry));
    expect(html).toContain('核对未能完成：核对尚未实现');
    expect(html.match(reconcileButton)).toHaveLength(2);
  });
});

describe('a check main runs by itself', () => {
  it('shows its progress in the list and the detail, and its finding when done', async () => {
    const entry = unknownEntry(1);
    journal.add(entry);
    const stop = watchReconcileProgress();
    await screenWithDetail(entry);

    journal.reconciler.emit({ entryId: entry.id, phase: 'querying', queries: 1 });
    journal.reconciler.emit({ entryId: entry.id, phase: 'querying', queries: 2 });
    expect(visibleText(renderToString(createElement(LogScreen)))).toContain('正在核对…已查询 2 次');
    expect(visibleText(renderToString(createElement(ReconcileBadge, { entry })))).toContain('核对中（2）');

    const finding = makeFinding('not_created');
    journal.reconciler.emit({ entryId: entry.id, phase: 'done', queries: 2, finding });
    // Shown at once, before main's journalChanged brings the recorded entry.
    const html = visibleText(renderToString(createElement(LogScreen)));
    expect(html).toContain('未创建');
    expect(html).toContain('现在重新提交不需要确认');
    expect(visibleText(renderToString(createElement(ReconcileBadge, { entry })))).toContain('已核对·未创建');
    stop();
  });
});

describe('each finding in the detail', () => {
  it('无法确定 lists the candidates found, with number, time and summary', async () => {
    const finding = makeFinding('uncertain', {
      evidence: '按仓库和时间窗口查到 2 张出库单，明细都与这次提交相同。',
      candidates: [
        { documentNo: 'CK-A', createdAt: '2026-03-15T02:31:05.000Z', summary: '2 行，备注：月底盘亏' },
        { documentNo: 'CK-B', summary: '2 行，备注：月底盘亏' },
      ],
    });
    const entry = unknownEntry(1, { reconciled: finding });
    journal.add(entry);
    const html = visibleText(await screenWithDetail(entry));
    expect(html).toContain('无法确定');
    expect(html).toContain('按仓库和时间窗口查到 2 张出库单');
    expect(html).toContain('找到 2 张可能是这张单据的记录');
    expect(html).toMatch(
      /<td class="mono">CK-A<\/td><td>2026-03-15 \d\d:31:05<\/td><td>2 行，备注：月底盘亏<\/td>/,
    );
    expect(html).toMatch(/<td class="mono">CK-B<\/td><td>—<\/td>/);
    expect(html).toContain('重新提交前会先请您确认');
  });

  it('无法确定 for want of a query permission names the method and the remedy', async () => {
    const entry = unknownEntry(1, {
      reconciled: makeFinding('uncertain', {
        evidence: '查询被 ERP 拒绝。',
        missingPermission: {
          method: 'wms.outer.OuterOut.queryWithDetail',
          message: '权限不足',
          remedy: '请卖家在旺店通开放平台为该 API 账号开通接口 wms.outer.OuterOut.queryWithDetail 的权限。',
        },
      }),
    });
    journal.add(entry);
    const html = visibleText(await screenWithDetail(entry));
    expect(html).toContain(
      'API 账号不能调用查询接口 <span class="mono">wms.outer.OuterOut.queryWithDetail</span>',
    );
    expect(html).toContain('ERP 的回复：权限不足');
    expect(html).toContain('处理方法：</strong>请卖家在旺店通开放平台为该 API 账号开通接口');
    expect(html).not.toContain('没有找到可能是这张单据的记录');
  });

  it('for SNs, says which of ours the ERP holds and which it lacks', async () => {
    const entry = unknownEntry(1, {
      method: 'wms.stockout.Sn.uploadSn',
      documentTitle: '出库SN明细推送',
      reconciled: makeFinding('uncertain', {
        evidence: 'ERP 中只有部分序列号。',
        sns: { present: ['SN0001', 'SN0002'], missing: ['SN0003'] },
      }),
    });
    journal.add(entry);
    const html = visibleText(await screenWithDetail(entry));
    expect(html).toContain('<dt>ERP 中已有的序列号（2 个）</dt><dd>SN0001、SN0002</dd>');
    expect(html).toContain('<dt>ERP 中没有的序列号（1 个）</dt><dd>SN0003</dd>');
  });

  it('已创建 makes the number copyable and the advice says the check answered', async () => {
    const entry = unknownEntry(1, { reconciled: makeFinding('created', { documentNo: 'CK-77' }) });
    journal.add(entry);
    const html = visibleText(await screenWithDetail(entry));
    expect(html).toMatch(/<button(?![^>]*disabled)[^>]*>复制单号<\/button>/);
    expect(html).toContain('<dd>CK-77</dd>');
    expect(html).toContain('已向 ERP 核对');
    expect(rowTooltip(entry)).toContain('已核对（');
    expect(rowTooltip(entry)).not.toContain('请在旺店通 ERP 中按单号');
  });
});

describe('a recorded check arriving as journalChanged', () => {
  it('updates a loaded row and keeps the count', async () => {
    const entry = unknownEntry(1);
    journal.add(entry);
    journal.add(makeEntry(2));
    await applyLogFilters();
    const updated = { ...entry, reconciled: makeFinding('created') };
    await applyJournalChange({ type: 'updated', entry: updated });
    expect(getLogState().total).toBe(2);
    expect(getLogState().rows.find((row) => row.id === entry.id)?.reconciled?.state).toBe('created');
  });

  it('does not count an entry twice when it is not loaded yet', async () => {
    // 250 unknown entries: the first page holds 200; an update to an older one must not change the total.
    for (let n = 1; n <= 250; n += 1) journal.add(unknownEntry(n));
    setLogFilters({ outcome: 'unknown' });
    await applyLogFilters();
    expect(getLogState().rows).toHaveLength(200);
    const old = journal.entries.find((candidate) => candidate.businessKey === 'OUT00240');
    if (old === undefined) throw new Error('no entry 240');
    await applyJournalChange({ type: 'updated', entry: { ...old, reconciled: makeFinding('uncertain') } });
    expect(getLogState().total).toBe(250);
    expect(getLogState().rows).toHaveLength(200);
  });
});

describe('which finding is shown', () => {
  it('the newer of the journal’s and the one just received, whichever arrived first', () => {
    const older = makeFinding('uncertain', { checkedAt: '2026-03-15T02:40:00.000Z' });
    const newer = makeFinding('created', { checkedAt: '2026-03-15T02:45:00.000Z' });
    expect(latestFinding(older, newer)).toBe(newer);
    expect(latestFinding(newer, older)).toBe(newer);
    expect(latestFinding(undefined, older)).toBe(older);
    expect(latestFinding(older, undefined)).toBe(older);
  });
});
