import { describe, expect, it } from 'vitest';
import { createScanState } from '../../../../../src/renderer/features/scan/model/scanState';
import { findSn, isTypedSn } from '../../../../../src/renderer/features/scan/model/scanLineEdits';
import { flattenChunks } from '../../../../../src/renderer/features/scan/model/snChunks';
import { totalSnCount } from '../../../support/scanCounts';
import { FieldDriver } from './fieldDriver';

function snsOf(driver: FieldDriver, line = 0): string[] {
  return flattenChunks(driver.state.lines[line]?.sns ?? []);
}

describe('scanner bursts', () => {
  it.each([1, 3, 5])('takes a burst at %i ms per character ended by Enter as a scan', (perChar) => {
    const field = new FieldDriver();
    field.burst('SN0001234', perChar);
    expect(field.last()).toMatchObject({
      kind: 'accepted',
      source: 'scanner',
      value: 'SN0001234',
      tone: 'success',
    });
    expect(snsOf(field)).toEqual(['SN0001234']);
    expect(field.value).toBe('');
  });

  it('ends a scan on Tab and NumpadEnter, and consumes the key so focus stays in the field', () => {
    const field = new FieldDriver();
    field.burst('TAB00001', 2, 'Tab');
    field.burst('PAD00002', 2, 'NumpadEnter');
    expect(field.results.map((r) => [r.kind, r.value])).toEqual([
      ['accepted', 'TAB00001'],
      ['accepted', 'PAD00002'],
    ]);
    expect(field.prevented).toBe(2);
  });

  it('honours a configured suffix set: Tab alone means Enter is not a terminator', () => {
    const field = new FieldDriver(undefined, {}, { ...FieldDriver.defaults(), suffixKeys: ['Tab'] });
    field.burst('ABCD1234', 2, 'Enter');
    expect(field.results).toEqual([]);
    expect(field.value).toBe('ABCD1234');
  });

  it('ignores the empty second terminator of CR+LF, whether it comes as Enter or Ctrl+J', () => {
    const field = new FieldDriver();
    field.burst('CRLF0001');
    field.terminator('Enter', 1);
    field.burst('CRLF0002');
    field.now += 1;
    field.dispatch({ type: 'keydown', key: 'j', code: 'KeyJ', ctrlKey: true });
    field.burst('CRLF0003');
    expect(field.results.map((r) => r.kind)).toEqual([
      'accepted',
      'empty-ignored',
      'accepted',
      'empty-ignored',
      'accepted',
    ]);
    expect(field.results.filter((r) => r.kind === 'empty-ignored').every((r) => r.tone === 'none')).toBe(
      true,
    );
    // The LF must not taint the next burst: it is still a scanner scan.
    expect(field.last()).toMatchObject({ value: 'CRLF0003', source: 'scanner' });
    expect(snsOf(field)).toEqual(['CRLF0001', 'CRLF0002', 'CRLF0003']);
  });

  it('keeps upper-case letters and stays a burst although Shift is pressed for each of them', () => {
    const field = new FieldDriver();
    field.burst('AbC-12xYZ', 2);
    expect(field.last()).toMatchObject({ kind: 'accepted', value: 'AbC-12xYZ', source: 'scanner' });
  });

  it('tolerates one hiccup in a burst but not two', () => {
    const one = new FieldDriver();
    one.burst('HICCUP01', (i) => (i === 4 ? 90 : 2));
    expect(one.last()).toMatchObject({ kind: 'accepted', source: 'scanner' });
    const two = new FieldDriver();
    two.burst('HICCUP02', (i) => (i === 2 || i === 5 ? 90 : 2));
    expect(two.last()).toMatchObject({ kind: 'accepted', source: 'typed', value: 'HICCUP02' });
  });

  it('marks a burst that stalls 500 ms as typed, keeping every character', () => {
    const field = new FieldDriver();
    field.burst('STALL0001', (i) => (i === 4 ? 500 : 2));
    expect(field.last()).toMatchObject({ kind: 'accepted', value: 'STALL0001', source: 'typed' });
    expect(isTypedSn(field.state, 'STALL0001')).toBe(true);
    expect(field.last().message).toContain('手工输入');
  });

  it('accepts hand typing at 150 ms per character, marked as typed', () => {
    const field = new FieldDriver();
    field.burst('TYPED123', 150);
    expect(field.last()).toMatchObject({ kind: 'accepted', value: 'TYPED123', source: 'typed' });
    field.burst('SCANNED1', 2);
    expect(isTypedSn(field.state, 'TYPED123')).toBe(true);
    expect(isTypedSn(field.state, 'SCANNED1')).toBe(false);
  });

  it('marks a fast entry shorter than minLength, or one corrected with Backspace, as typed', () => {
    const field = new FieldDriver();
    field.burst('AB1', 2);
    expect(field.last()).toMatchObject({ value: 'AB1', source: 'typed' });
    for (const ch of 'EDIT0009') field.char(ch, 2);
    field.now += 2;
    field.dispatch({ type: 'keydown', key: 'Backspace', code: 'Backspace' });
    field.value = field.value.slice(0, -1);
    field.char('1', 2);
    field.terminator('Enter', 2);
    expect(field.last()).toMatchObject({ value: 'EDIT0001', source: 'typed' });
  });

  it('starts afresh when a burst arrives in a field emptied by hand: the burst is a scan', () => {
    const field = new FieldDriver();
    field.char('X', 0);
    field.now += 200;
    field.dispatch({ type: 'keydown', key: 'Backspace', code: 'Backspace' });
    field.value = '';
    field.now += 5000;
    field.burst('CLEAN001', 2);
    expect(field.last()).toMatchObject({ value: 'CLEAN001', source: 'scanner' });
  });

  it('marks a value that did not arrive by keys (pasted) as typed', () => {
    const field = new FieldDriver();
    field.dispatch({ type: 'paste' });
    field.value = 'PASTED01';
    field.terminator('Enter', 2);
    expect(field.last()).toMatchObject({ kind: 'accepted', value: 'PASTED01', source: 'typed' });
  });
});

describe('a burst whose beginning went elsewhere', () => {
  it('refuses the stump with the error tone when the focus arrived mid-burst, and takes the rescan', () => {
    const field = new FieldDriver();
    // "DFA" went to another window; the window got the focus, then "QT107" arrived here.
    field.dispatch({ type: 'missed' });
    field.burst('QT107', 2);
    expect(field.last()).toMatchObject({ kind: 'incomplete', tone: 'error' });
    expect(field.last().message).toContain('扫描不完整，请重扫');
    expect(field.state.lines[0]?.sns ?? []).toEqual([]);
    expect(field.value).toBe('');
    field.now += 1000;
    field.burst('DFAQT107', 2);
    expect(field.last()).toMatchObject({ kind: 'accepted', value: 'DFAQT107', source: 'scanner' });
  });

  it('refuses a burst that lost characters in its middle', () => {
    const field = new FieldDriver();
    field.char('S', 0);
    field.char('N', 2);
    field.now += 2;
    field.dispatch({ type: 'missed' });
    for (const ch of '0001') field.char(ch, 2);
    field.terminator('Enter', 2);
    expect(field.last()).toMatchObject({ kind: 'incomplete' });
  });

  it('does not hold old evidence against a scan that starts later, or against a hand-corrected entry', () => {
    const field = new FieldDriver();
    field.dispatch({ type: 'missed' });
    field.now += 500;
    field.burst('LATER001', 2);
    expect(field.last()).toMatchObject({ kind: 'accepted', value: 'LATER001' });

    field.now += 1000;
    field.dispatch({ type: 'missed' });
    field.burst('STUMP', 2, 'Tab');
    expect(field.last()).toMatchObject({ kind: 'incomplete' });
    field.now += 1000;
    field.dispatch({ type: 'missed' });
    for (const ch of 'FIX0001') field.char(ch, 2);
    field.now += 300;
    field.dispatch({ type: 'keydown', key: 'Backspace', code: 'Backspace' });
    field.value = field.value.slice(0, -1);
    field.char('2', 200);
    field.terminator('Enter', 200);
    expect(field.last()).toMatchObject({ kind: 'accepted', value: 'FIX0002', source: 'typed' });
  });
});

describe('Chinese IME on the field', () => {
  it('takes no scan while composing, reports ime once with the banner text, and clears what the IME left', () => {
    const field = new FieldDriver();
    field.dispatch({ type: 'compositionstart' });
    for (const ch of 'sn123') {
      field.now += 2;
      field.dispatch({
        type: 'keydown',
        key: 'Process',
        code: `Key${ch.toUpperCase()}`,
        keyCode: 229,
        isComposing: true,
      });
    }
    field.value = 'sn123'; // what the composition shows
    field.now += 2;
    field.dispatch({ type: 'keydown', key: 'Process', code: 'Enter', keyCode: 229, isComposing: true });
    field.value = 'sn123'; // the IME commits its text after the key
    field.dispatch({ type: 'compositionend' });

    expect(field.results).toHaveLength(1);
    expect(field.results[0]).toMatchObject({ kind: 'ime', tone: 'error', message: '请切换到英文输入法' });
    expect(totalSnCount(field.state)).toBe(0);
    expect(field.value).toBe('');

    // Once switched back to English, the next scan works normally.
    field.burst('AFTERIME1');
    expect(field.last()).toMatchObject({ kind: 'accepted', source: 'scanner', value: 'AFTERIME1' });
  });

  it('treats a Process key seen without compositionstart as IME too', () => {
    const field = new FieldDriver();
    field.dispatch({ type: 'keydown', key: 'Process', code: 'KeyA', keyCode: 229 });
    field.value = 'a';
    field.terminator('Enter', 2);
    expect(field.results.map((r) => r.kind)).toEqual(['ime']);
    expect(totalSnCount(field.state)).toBe(0);
  });
});

describe('duplicates and bounce', () => {
  it('refuses an SN already in the document and says where it is', () => {
    const state = createScanState([
      { specNo: 'SPEC-A', required: null },
      { specNo: 'SPEC-B', required: null },
    ]);
    const field = new FieldDriver(state);
    field.burst('DUPE0001');
    field.burst('SPEC-B'); // selects line 2
    for (let i = 0; i < 14; i++) field.burst(`B-${String(i).padStart(5, '0')}`);
    field.burst('TARGET001');
    field.now += 1000;
    field.burst('TARGET001');
    expect(field.last()).toMatchObject({
      kind: 'duplicate-in-document',
      tone: 'duplicate',
      line: 1,
      position: 14,
      message: 'SN 重复：已在第2行 第15个',
    });
    field.now += 1000;
    field.burst('DUPE0001');
    expect(field.last()).toMatchObject({ kind: 'duplicate-in-document', line: 0, position: 0 });
    expect(totalSnCount(field.state)).toBe(16);
  });

  it('refuses an SN the journal says was already sent', () => {
    const field = new FieldDriver(undefined, {
      isAlreadySent: (sn) => (sn === 'SENT0001' ? { entryId: 'j-42' } : sn === 'SENT0002'),
    });
    field.burst('SENT0001');
    expect(field.last()).toMatchObject({ kind: 'already-sent', tone: 'duplicate', entryId: 'j-42' });
    field.burst('SENT0002');
    expect(field.last()).toMatchObject({ kind: 'already-sent', entryId: null });
    field.burst('FRESH001');
    expect(snsOf(field)).toEqual(['FRESH001']);
  });

  it('drops a repeat within 300 ms once, silently; the third repeat is a duplicate', () => {
    const field = new FieldDriver();
    field.burst('BOUNCE01');
    field.burst('BOUNCE01');
    field.burst('BOUNCE01');
    expect(field.results.map((r) => [r.kind, r.tone])).toEqual([
      ['accepted', 'success'],
      ['bounce-dropped', 'none'],
      ['duplicate-in-document', 'duplicate'],
    ]);
    expect(snsOf(field)).toEqual(['BOUNCE01']);
  });

  it('reports a repeat after the bounce window as a duplicate straight away', () => {
    const field = new FieldDriver();
    field.burst('LATE0001');
    field.now += 400;
    field.burst('LATE0001');
    expect(field.last().kind).toBe('duplicate-in-document');
  });
});

describe('long runs', () => {
  it('takes 1,000 scans in a row intact and in order, each immediately in the state', () => {
    const field = new FieldDriver();
    const codes = Array.from({ length: 1000 }, (_, i) => `RUN${String(i).padStart(6, '0')}X`);
    const seenCounts: number[] = [];
    for (const code of codes) {
      field.burst(code, 1);
      field.now += 30; // scanners pause a little between labels
      seenCounts.push(totalSnCount(field.state));
    }
    expect(field.results.every((r) => r.kind === 'accepted' && r.source === 'scanner')).toBe(true);
    expect(snsOf(field)).toEqual(codes);
    expect(seenCounts).toEqual(codes.map((_, i) => i + 1));
    expect(findSn(field.state, 'RUN000999X')).toEqual({ line: 0, position: 999 });
  });
});
