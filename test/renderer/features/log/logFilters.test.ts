import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcCalls } from '../../../../src/shared/ipc';
import {
  bodyContainsText,
  defaultLogFilters,
  localDayStartUtc,
  matchEntry,
  toLogQuery,
} from '../../../../src/renderer/features/log/logFilters';
import type { LogFilters } from '../../../../src/renderer/features/log/logFilters';
import { makeEntry } from '../../support/logFakeBridge';

// Warehouse PCs run on Beijing time; the journal is in UTC. Pin the zone so the conversions are checked.
beforeAll(() => {
  vi.stubEnv('TZ', 'Asia/Shanghai');
});

const now = new Date('2026-03-15T02:00:00.000Z'); // 10:00 in Beijing
const blank: LogFilters = {
  fromDate: '',
  toDate: '',
  method: '',
  outcome: '',
  operator: '',
  profileName: '',
  text: '',
};

describe('the filters → journal query mapping', () => {
  it('defaults to the last 30 days, today included, in local days', () => {
    const filters = defaultLogFilters(now);
    expect(filters).toMatchObject({
      fromDate: '2026-02-14',
      toDate: '2026-03-15',
      method: '',
      outcome: '',
      text: '',
    });
    const mapping = toLogQuery(filters);
    expect(mapping).toEqual({
      ok: true,
      query: { from: '2026-02-13T16:00:00.000Z', to: '2026-03-15T16:00:00.000Z' },
    });
  });

  it('counts the end date as a whole local day (exclusive bound at the next local midnight)', () => {
    expect(localDayStartUtc('2026-12-31', 1)).toBe('2026-12-31T16:00:00.000Z');
    expect(localDayStartUtc('2026-02-30')).toBeNull();
    expect(localDayStartUtc('15/03/2026')).toBeNull();
  });

  it('maps every set filter and leaves the blank ones out', () => {
    const mapping = toLogQuery({
      ...blank,
      method: 'wms.purchase.PurchaseOrder.createOrder',
      outcome: 'unknown',
      operator: ' 李四 ',
      profileName: '正式账号',
      text: '  SN0001  ',
    });
    expect(mapping).toEqual({
      ok: true,
      query: {
        methods: ['wms.purchase.PurchaseOrder.createOrder'],
        outcomes: ['unknown'],
        operator: '李四',
        profileName: '正式账号',
        text: 'SN0001',
      },
    });
    expect(toLogQuery(blank)).toEqual({ ok: true, query: {} });
  });

  it('produces queries the contract in main accepts', () => {
    const mapping = toLogQuery({ ...defaultLogFilters(now), outcome: 'sending', text: 'A1' });
    if (!mapping.ok) throw new Error(mapping.message);
    expect(ipcCalls.queryJournal.input.safeParse({ ...mapping.query, offset: 0, limit: 200 }).success).toBe(
      true,
    );
    expect(ipcCalls.exportJournal.input.safeParse(mapping.query).success).toBe(true);
  });

  it('refuses a range that ends before it starts, and a date that does not exist, in Chinese', () => {
    const reversed = toLogQuery({ ...blank, fromDate: '2026-03-16', toDate: '2026-03-15' });
    expect(reversed).toEqual({ ok: false, message: expect.stringContaining('开始日期晚于结束日期') });
    const impossible = toLogQuery({ ...blank, toDate: '2026-02-30' });
    expect(impossible).toEqual({ ok: false, message: expect.stringContaining('结束日期') });
    // One day is a valid range.
    expect(toLogQuery({ ...blank, fromDate: '2026-03-15', toDate: '2026-03-15' }).ok).toBe(true);
  });
});

describe('matching a live entry against the applied query', () => {
  const entry = makeEntry(5, { businessKey: 'OUT-778', documentNo: 'CK20260315', operator: '张三' });

  it('checks time bounds, type, outcome, operator and profile as main does', () => {
    const day = toLogQuery({ ...blank, fromDate: '2026-03-15', toDate: '2026-03-15' });
    if (!day.ok) throw new Error(day.message);
    expect(matchEntry(entry, day.query)).toBe('match');
    expect(matchEntry(makeEntry(60 * 24), day.query)).toBe('no-match');
    expect(matchEntry(entry, { methods: ['wms.stockout.Sales.uploadSn'] })).toBe('no-match');
    expect(matchEntry(entry, { outcomes: ['refused', 'unknown'] })).toBe('no-match');
    expect(matchEntry(entry, { outcomes: ['accepted'] })).toBe('match');
    expect(matchEntry(entry, { operator: '李四' })).toBe('no-match');
    expect(matchEntry(entry, { profileName: '练习' })).toBe('match');
  });

  it('matches text in the keys without case, and otherwise asks for the body', () => {
    expect(matchEntry(entry, { text: 'out-77' })).toBe('match');
    expect(matchEntry(entry, { text: 'ck2026' })).toBe('match');
    expect(matchEntry(entry, { text: 'SKU-001' })).toBe('check-body');
    expect(bodyContainsText('[{"spec_no":"SKU-001"}]', ' SKU-001 ')).toBe(true);
    expect(bodyContainsText('[{"spec_no":"SKU-001"}]', 'sku-001')).toBe(false);
  });
});
