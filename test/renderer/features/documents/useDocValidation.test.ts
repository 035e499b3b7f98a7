import { describe, expect, it } from 'vitest';
import { validationDelayMs } from '../../../../src/renderer/features/documents/useDocValidation';

const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ spec_no: `A${i}`, num: 1 }));
const snRow = (count: number) => ({
  spec_no: 'A',
  sn_list: Array.from({ length: count }, (_, i) => `SN${i}`),
});

describe('validationDelayMs', () => {
  it('checks a small document almost at once', () => {
    expect(validationDelayMs(rows(5))).toBeLessThanOrEqual(50);
    expect(validationDelayMs([snRow(40)])).toBeLessThanOrEqual(50);
  });

  it('waits for a pause in typing on a big grid', () => {
    expect(validationDelayMs(rows(300))).toBeGreaterThan(validationDelayMs(rows(5)));
    expect(validationDelayMs(rows(2500))).toBeGreaterThan(validationDelayMs(rows(300)));
  });

  it('waits for a pause in scanning when a few rows hold thousands of SNs', () => {
    // Scans come about a second apart; a check between two of them would delay the next scan's keys.
    expect(validationDelayMs([snRow(20_000)])).toBeGreaterThanOrEqual(1000);
    expect(validationDelayMs(Array.from({ length: 100 }, () => snRow(200)))).toBeGreaterThanOrEqual(1000);
    expect(validationDelayMs([snRow(200)])).toBeLessThan(1000);
  });
});
