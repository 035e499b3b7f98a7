/**
 * The header's date boxes and 最近使用 list (issue #16): dates typed the way people type them become the
 * vendor's form on leaving the box and round-trip through the browser's picker; recent values come first,
 * narrowed by what was typed, and the catalog's matches follow without repeating them.
 */
import { describe, expect, it } from 'vitest';
import {
  fromPicker,
  normalizedDate,
  pickerValue,
} from '../../../../src/renderer/features/documents/DateHeaderInput';
import { matchingRecent } from '../../../../src/renderer/features/documents/recentValues';
import {
  mergeSuggestions,
  RECENT_NOTE,
} from '../../../../src/renderer/features/documents/useHeaderSuggestions';

describe('date boxes', () => {
  it.each([
    ['2026/12/1', '2026-12-01 00:00:00'],
    ['2026-12-01', '2026-12-01 00:00:00'],
    ['20261201', '2026-12-01 00:00:00'],
    ['2026年12月1日', '2026-12-01 00:00:00'],
    ['2026/12/1 9:05', '2026-12-01 09:05:00'],
    ['２０２６/１２/１', '2026-12-01 00:00:00'],
  ])('reads %s as %s for a date-time field', (typed, vendor) => {
    expect(normalizedDate(typed, 'datetime')).toBe(vendor);
  });

  it('drops the time for a date field and leaves what is no certain date for the validator', () => {
    expect(normalizedDate('2026/12/1 10:00', 'date')).toBe('2026-12-01');
    expect(normalizedDate('01/02/2026', 'date')).toBe('01/02/2026');
    expect(normalizedDate('明天', 'datetime')).toBe('明天');
    expect(normalizedDate('', 'datetime')).toBe('');
  });

  it('round-trips through the native picker', () => {
    expect(pickerValue('2026/12/1', 'date')).toBe('2026-12-01');
    expect(pickerValue('2026-12-01 10:30:15', 'datetime')).toBe('2026-12-01T10:30');
    expect(pickerValue('明天', 'datetime')).toBe('');
    expect(fromPicker('2026-12-01T10:30', 'datetime')).toBe('2026-12-01 10:30:00');
    expect(fromPicker('2026-12-01', 'date')).toBe('2026-12-01');
    expect(fromPicker('', 'date')).toBe('');
  });
});

describe('最近使用', () => {
  it('shows all recent values for an empty box and narrows them by what was typed', () => {
    const values = ['WH01', 'WH02', 'MAIN'];
    expect(matchingRecent(values, '')).toEqual(values);
    expect(matchingRecent(values, 'wh')).toEqual(['WH01', 'WH02']);
    // The value already typed in full is no suggestion.
    expect(matchingRecent(values, 'MAIN')).toEqual([]);
  });

  it('lists recent values first and the catalog’s other matches after them', () => {
    const recent = [{ value: 'WH02', label: '', note: RECENT_NOTE, recent: true }];
    const merged = mergeSuggestions(recent, [
      { value: 'WH01', label: '一号仓' },
      { value: 'WH02', label: '二号仓' },
    ]);
    expect(merged.map((item) => `${item.value}:${item.recent}`)).toEqual(['WH02:true', 'WH01:false']);
  });
});
