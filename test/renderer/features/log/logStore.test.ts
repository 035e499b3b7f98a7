import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applyJournalChange,
  applyLogFilters,
  closeLogDetail,
  exportLog,
  getLogState,
  LOG_PAGE_SIZE,
  loadMoreLog,
  moveLogSelection,
  openLogDetail,
  resetLogStore,
  setLogFilters,
} from '../../../../src/renderer/features/log/logStore';
import { FakeJournal, makeEntry } from '../../support/logFakeBridge';

const now = new Date('2026-03-15T02:30:00.000Z');
let journal: FakeJournal;

beforeAll(() => {
  vi.stubEnv('TZ', 'Asia/Shanghai');
});

beforeEach(() => {
  journal = new FakeJournal();
  vi.stubGlobal('window', { wdt: journal.bridge });
  resetLogStore(now);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function ids(): string[] {
  return getLogState().rows.map((row) => row.id);
}

describe('querying and paging', () => {
  it('loads the newest 200 for the default range, then the rest as asked, and shows the total', async () => {
    for (let n = 0; n < 450; n += 1) journal.add(makeEntry(n));
    journal.add(makeEntry(60 * 24 * 40)); // 40 days old: outside the default 30 days
    await applyLogFilters();
    expect(journal.queries[0]).toEqual({
      from: '2026-02-13T16:00:00.000Z',
      to: '2026-03-15T16:00:00.000Z',
      offset: 0,
      limit: LOG_PAGE_SIZE,
    });
    expect(getLogState()).toMatchObject({ total: 450, loading: 'idle', error: null });
    expect(ids()).toHaveLength(200);
    expect(ids()[0]).toBe(makeEntry(0).id);

    await loadMoreLog();
    await loadMoreLog();
    expect(journal.queries.map((query) => query.offset)).toEqual([0, 200, 400]);
    expect(ids()).toHaveLength(450);
    expect(new Set(ids()).size).toBe(450);
    await loadMoreLog();
    expect(journal.queries).toHaveLength(3); // everything loaded: no further call
  });

  it('applies the outcome and text filters', async () => {
    journal.add(makeEntry(1, { outcome: 'unknown' }));
    journal.add(makeEntry(2));
    journal.add(makeEntry(3, { outcome: 'refused' }), '[{"spec_no":"BLUE-42"}]');
    setLogFilters({ outcome: 'unknown' });
    await applyLogFilters();
    expect(ids()).toEqual([makeEntry(1).id]);
    setLogFilters({ outcome: '', text: 'BLUE-42' });
    await applyLogFilters();
    expect(ids()).toEqual([makeEntry(3).id]);
    expect(getLogState().total).toBe(1);
  });

  it('keeps the answer to the latest filters when an earlier answer arrives late', async () => {
    journal.add(makeEntry(1, { operator: '张三' }));
    journal.add(makeEntry(2, { operator: '李四' }));
    journal.hold();
    const first = applyLogFilters();
    setLogFilters({ operator: '李四' });
    const second = applyLogFilters();
    journal.release();
    await Promise.all([first, second]);
    expect(ids()).toEqual([makeEntry(2).id]);
  });

  it('reports a reversed date range without asking main, and a failed query as an error', async () => {
    setLogFilters({ fromDate: '2026-03-20', toDate: '2026-03-01' });
    await applyLogFilters();
    expect(journal.queries).toHaveLength(0);
    expect(getLogState().error).toContain('开始日期晚于结束日期');

    resetLogStore(now);
    journal.failNextQuery = '日志文件无法读取';
    await applyLogFilters();
    expect(getLogState().error).toBe('日志文件无法读取');
  });
});

describe('live changes from main', () => {
  beforeEach(async () => {
    journal.add(makeEntry(10));
    journal.add(makeEntry(20));
  });

  it('puts a new matching submission on top and counts it; ignores one the filters exclude', async () => {
    setLogFilters({ method: 'wms.outer.OuterOut.createOrder' });
    await applyLogFilters();
    const fresh = makeEntry(1, { outcome: 'sending', documentNo: undefined });
    await applyJournalChange({ type: 'added', entry: fresh });
    expect(ids()).toEqual([fresh.id, makeEntry(10).id, makeEntry(20).id]);
    expect(getLogState().total).toBe(3);

    await applyJournalChange({
      type: 'added',
      entry: makeEntry(0, { method: 'wms.stockout.Sales.uploadSn' }),
    });
    expect(ids()).toHaveLength(3);
    expect(getLogState().total).toBe(3);
  });

  it('replaces the row when its result arrives, and drops it when it no longer matches', async () => {
    const sending = makeEntry(1, { outcome: 'sending', documentNo: undefined });
    journal.add(sending);
    await applyLogFilters();
    const done = { ...sending, outcome: 'unknown' as const, message: '等待响应超时' };
    journal.replace(done);
    await applyJournalChange({ type: 'updated', entry: done });
    expect(getLogState().rows[0]).toEqual(done);
    expect(getLogState().total).toBe(3);

    setLogFilters({ outcome: 'sending' });
    journal.add(makeEntry(2, { outcome: 'sending' }));
    await applyLogFilters();
    expect(getLogState().total).toBe(1);
    const accepted = makeEntry(2, { outcome: 'accepted' });
    journal.replace(accepted);
    await applyJournalChange({ type: 'updated', entry: accepted });
    expect(ids()).toEqual([]);
    expect(getLogState().total).toBe(0);
  });

  it('reads the body of a new submission when only its body could match the search text', async () => {
    setLogFilters({ text: 'SN-7788' });
    await applyLogFilters();
    expect(ids()).toEqual([]);
    const withSn = makeEntry(1);
    journal.add(withSn, '[{"stockout_no":"CK1"},[{"sn":"SN-7788"}]]');
    await applyJournalChange({ type: 'added', entry: withSn });
    const without = makeEntry(2);
    journal.add(without, '[{"stockout_no":"CK2"},[{"sn":"SN-1111"}]]');
    await applyJournalChange({ type: 'added', entry: without });
    expect(ids()).toEqual([withSn.id]);
    expect(getLogState().total).toBe(1);
  });
});

describe('selection, detail and export', () => {
  beforeEach(async () => {
    for (let n = 1; n <= 3; n += 1) journal.add(makeEntry(n));
    await applyLogFilters();
  });

  it('moves with the arrows within the list and opens the selected row with its body', async () => {
    moveLogSelection(1);
    expect(getLogState().selectedId).toBe(makeEntry(1).id);
    moveLogSelection(1);
    moveLogSelection(5);
    expect(getLogState().selectedId).toBe(makeEntry(3).id);
    moveLogSelection(-1);
    await openLogDetail();
    const detail = getLogState().detail;
    expect(detail?.entry?.id).toBe(makeEntry(2).id);
    expect(detail?.entry?.body).toBe(journal.bodies.get(makeEntry(2).id));

    // With the detail open, it follows the selection.
    moveLogSelection(-1);
    await vi.waitFor(() => expect(getLogState().detail?.entry?.id).toBe(makeEntry(1).id));
    closeLogDetail();
    expect(getLogState().detail).toBeNull();
    expect(getLogState().selectedId).toBe(makeEntry(1).id);
  });

  it('shows why a detail could not be read', async () => {
    await openLogDetail('20990101T000000000Z-missing');
    expect(getLogState().detail).toMatchObject({ loading: false, entry: null, error: '没有这条记录' });
  });

  it('exports exactly the applied filters, without paging', async () => {
    setLogFilters({ outcome: 'accepted' });
    await applyLogFilters();
    const file = await exportLog();
    expect(journal.exports).toEqual([
      { from: '2026-02-13T16:00:00.000Z', to: '2026-03-15T16:00:00.000Z', outcomes: ['accepted'] },
    ]);
    expect(file?.fileName).toBe('提交记录.xlsx');
    expect(getLogState()).toMatchObject({ exporting: false, notice: '已导出：提交记录.xlsx' });
  });
});
