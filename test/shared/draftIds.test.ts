import { describe, expect, it } from 'vitest';
import { draftIdFor, isDraftId, scanDraftIdFor } from '../../src/shared/draftIds';
import { documentSpecs } from '../../src/shared/documents';

describe('draft ids', () => {
  it('name a document draft and its scan draft after the method, within the file-name alphabet', () => {
    expect(draftIdFor('wms.outer.OuterOut.createOrder')).toBe('doc.wms.outer.OuterOut.createOrder');
    expect(scanDraftIdFor('wms.outer.OuterOut.createOrder')).toBe('scan.wms.outer.OuterOut.createOrder');
    expect(draftIdFor('a b/c')).toBe('doc.a_b_c');
    const long = 'm'.repeat(300);
    expect(draftIdFor(long)).toBe(`doc.${'m'.repeat(116)}`);
    expect(scanDraftIdFor(long)).toBe(`scan.${'m'.repeat(115)}`);
    for (const spec of documentSpecs) {
      expect(isDraftId(draftIdFor(spec.method)), spec.method).toBe(true);
      expect(isDraftId(scanDraftIdFor(spec.method)), spec.method).toBe(true);
    }
  });

  it('refuses what could leave the folder, what a restart would delete, and Windows device names', () => {
    for (const id of [
      '',
      '../x',
      'a/b',
      'a\\b',
      '.hidden',
      'doc.x.tmp-1234',
      'doc.TMP-x',
      'CON',
      'nul.x',
      'Lpt9',
    ])
      expect(isDraftId(id), id).toBe(false);
    expect(isDraftId('x'.repeat(121))).toBe(false);
    for (const id of ['x'.repeat(120), 'console', 'doc.con', 'tmp-x', '_a', '-a'])
      expect(isDraftId(id), id).toBe(true);
  });
});
