/**
 * The screen rendered to markup (no DOM here; effects do not run): checks the labels people and the
 * Playwright tests find things by, and that an unknown outcome's detail says what to check in the ERP.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogScreen } from '../../../../src/renderer/features/log/LogScreen';
import {
  applyLogFilters,
  openLogDetail,
  resetLogStore,
} from '../../../../src/renderer/features/log/logStore';
import { UNKNOWN_OUTCOME_ADVICE } from '../../../../src/renderer/features/log/logFormat';
import { FakeJournal, makeEntry } from '../../support/logFakeBridge';

let journal: FakeJournal;

beforeEach(() => {
  journal = new FakeJournal();
  vi.stubGlobal('window', { wdt: journal.bridge });
  resetLogStore(new Date('2026-03-15T02:30:00.000Z'));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the log screen markup', () => {
  it('has the heading, the labelled filters, the total and the export button', async () => {
    for (let n = 1; n <= 3; n += 1) journal.add(makeEntry(n));
    await applyLogFilters();
    const html = renderToString(createElement(LogScreen));
    expect(html).toMatch(/<h1[^>]*>提交记录<\/h1>/);
    for (const label of ['开始日期', '结束日期', '单据类型', '结果', '操作员', '账号配置', '搜索']) {
      expect(html).toContain(`<span>${label}</span>`);
    }
    expect(html).toContain('外仓调整出库单创建</option>');
    expect(html).toContain('结果未知</option>');
    expect(html).toMatch(/共 (<!-- -->)?3(<!-- -->)? 条/);
    expect(html).toMatch(/<button[^>]*>导出<\/button>/);
  });

  it('shows the unknown outcome in the detail with what to check, the body sent, and copy as new', async () => {
    const entry = makeEntry(1, { outcome: 'unknown', documentNo: undefined, businessKey: 'OUT-555' });
    journal.add(entry, '[{"order_no":"OUT-555"},[{"spec_no":"SKU-9","num":2}],1]');
    await applyLogFilters();
    await openLogDetail(entry.id);
    const onCopyAsNew = vi.fn();
    const html = renderToString(createElement(LogScreen, { onCopyAsNew }));
    expect(html).toContain(UNKNOWN_OUTCOME_ADVICE);
    expect(html).toContain('OUT-555');
    expect(html).toContain('&quot;spec_no&quot;: &quot;SKU-9&quot;');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>复制单号<\/button>/);
    expect(html).toMatch(/<button(?![^>]*disabled)[^>]*>复制为新单据<\/button>/);
  });

  it('offers no "copy as new" when the shell gives no callback', async () => {
    const entry = makeEntry(1);
    journal.add(entry);
    await applyLogFilters();
    await openLogDetail(entry.id);
    const html = renderToString(createElement(LogScreen));
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>复制为新单据<\/button>/);
    expect(html).toMatch(/<button(?![^>]*disabled)[^>]*>复制单号<\/button>/);
  });

  it('says how many damaged journal lines were skipped, and says nothing when none were', async () => {
    journal.add(makeEntry(1));
    journal.skippedLines = 3;
    await applyLogFilters();
    const banner = /日志文件中有 (<!-- -->)?3(<!-- -->)? 行已损坏，已跳过；重复提交保护仍以其余记录为准。/;
    expect(renderToString(createElement(LogScreen))).toMatch(banner);

    journal.skippedLines = 0;
    await applyLogFilters();
    expect(renderToString(createElement(LogScreen))).not.toContain('行已损坏');
  });
});
