import { describe, expect, it } from 'vitest';
import {
  autocompleteKeyAction,
  typedSegment,
  withChoice,
} from '../../../../src/renderer/features/catalog/autocompleteKeys';

const key = (name: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean }> = {}) => ({
  key: name,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('autocomplete keys', () => {
  it('lets Enter and Tab do their usual job while nothing is highlighted (a scan ending in Enter)', () => {
    expect(autocompleteKeyAction(key('Enter'), true, 5, -1)).toEqual({ kind: 'pass' });
    expect(autocompleteKeyAction(key('Tab'), true, 5, -1)).toEqual({ kind: 'pass' });
  });

  it('moves the highlight with the arrows, wrapping through "none"', () => {
    expect(autocompleteKeyAction(key('ArrowDown'), true, 3, -1)).toEqual({ kind: 'highlight', index: 0 });
    expect(autocompleteKeyAction(key('ArrowDown'), true, 3, 2)).toEqual({ kind: 'highlight', index: -1 });
    expect(autocompleteKeyAction(key('ArrowUp'), true, 3, -1)).toEqual({ kind: 'highlight', index: 2 });
    expect(autocompleteKeyAction(key('ArrowUp'), true, 3, 0)).toEqual({ kind: 'highlight', index: -1 });
  });

  it('takes the highlighted choice with Enter (staying) or Tab (then moving on)', () => {
    expect(autocompleteKeyAction(key('Enter'), true, 3, 1)).toEqual({
      kind: 'take',
      index: 1,
      thenMove: false,
    });
    expect(autocompleteKeyAction(key('Tab'), true, 3, 1)).toEqual({ kind: 'take', index: 1, thenMove: true });
    expect(autocompleteKeyAction(key('Tab', { shiftKey: true }), true, 3, 1)).toEqual({ kind: 'pass' });
    expect(autocompleteKeyAction(key('Enter', { ctrlKey: true }), true, 3, 1)).toEqual({ kind: 'pass' });
  });

  it('closes with Escape and leaves every key alone when the list is closed or empty', () => {
    expect(autocompleteKeyAction(key('Escape'), true, 3, -1)).toEqual({ kind: 'close' });
    expect(autocompleteKeyAction(key('ArrowDown'), false, 3, -1)).toEqual({ kind: 'pass' });
    expect(autocompleteKeyAction(key('ArrowDown'), true, 0, -1)).toEqual({ kind: 'pass' });
    expect(autocompleteKeyAction(key('a'), true, 3, 1)).toEqual({ kind: 'pass' });
  });

  it('completes the last warehouse of a comma-separated list, and whole codes elsewhere', () => {
    expect(typedSegment('warehouse', 'lz, wdt')).toBe('wdt');
    expect(withChoice('warehouse', 'lz, wdt', 'wdtapi3-test')).toBe('lz,wdtapi3-test');
    expect(withChoice('warehouse', 'wd', 'wdtapi3-test')).toBe('wdtapi3-test');
    expect(typedSegment('spec', ' a,b ')).toBe('a,b');
    expect(withChoice('spec', '杯', 'DFAQT101')).toBe('DFAQT101');
  });
});
