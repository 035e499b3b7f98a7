import { afterEach, describe, expect, it } from 'vitest';
import { formatErpTime, parseErpTime } from '../../../src/main/wdt/erpTime';

const savedTz = process.env['TZ'];
afterEach(() => {
  if (savedTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = savedTz;
});

describe('ERP times', () => {
  // 2024-03-01 00:30:05 in UTC+8 is 2024-02-29 16:30:05 UTC.
  const instant = Date.UTC(2024, 1, 29, 16, 30, 5, 900);

  it('writes yyyy-MM-dd HH:mm:ss in UTC+8 whatever zone the PC is set to', () => {
    for (const zone of ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Shanghai', 'UTC']) {
      process.env['TZ'] = zone;
      expect(formatErpTime(new Date(instant))).toBe('2024-03-01 00:30:05');
    }
    // The zone change took effect in this process: the local offset differs from UTC+8.
    process.env['TZ'] = 'America/Los_Angeles';
    expect(new Date(instant).getTimezoneOffset()).not.toBe(-480);
  });

  it('moves a local moment onto the ERP clock by the learned offset', () => {
    expect(formatErpTime(instant, 5 * 60_000)).toBe('2024-03-01 00:35:05');
    expect(formatErpTime(instant, -3_600_000)).toBe('2024-02-29 23:30:05');
  });

  it('reads text as UTC+8 and epoch milliseconds as numbers or numeric text', () => {
    const expected = Date.UTC(2024, 1, 29, 16, 30, 5);
    process.env['TZ'] = 'America/New_York';
    expect(parseErpTime('2024-03-01 00:30:05')?.getTime()).toBe(expected);
    expect(parseErpTime(expected)?.getTime()).toBe(expected);
    expect(parseErpTime(String(expected))?.getTime()).toBe(expected);
    expect(parseErpTime('2024-03-01')?.getTime()).toBe(Date.UTC(2024, 1, 29, 16, 0, 0));
    // The vendor's own example value (wms.stockout.PurchaseReturn.queryWithDetail create_time).
    expect(parseErpTime(1675751003000)?.toISOString()).toBe('2023-02-07T06:23:23.000Z');
  });

  it('gives answer times on this PC clock when told the offset', () => {
    const serverMs = Date.UTC(2024, 1, 29, 16, 30, 5);
    expect(parseErpTime('2024-03-01 00:30:05', 60_000)?.getTime()).toBe(serverMs - 60_000);
  });

  it('reads nothing from what is not a time', () => {
    for (const value of [
      '',
      '0000-00-00 00:00:00',
      '2024-02-30 10:00:00',
      '2024-03-01 24:00:00',
      'soon',
      0,
      1675751003,
      null,
      undefined,
      {},
      -5,
    ]) {
      expect(parseErpTime(value)).toBeUndefined();
    }
  });
});
