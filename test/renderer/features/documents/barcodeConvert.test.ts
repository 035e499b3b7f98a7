/**
 * A barcode committed in a 商家编码 cell (typed, scanned or pasted) becomes its spec_no once the catalog
 * answers, the barcode is remembered for display only, and a cell edited meanwhile keeps the new text.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogMatch } from '../../../../src/shared/catalog';
import { outerOutSpec } from '../../../../src/shared/documents';
import { ok } from '../../../../src/shared/result';
import { getDoc, resetDocuments, setLines } from '../../../../src/renderer/features/documents/documentStore';
import { loadDocDraft } from '../../../../src/renderer/features/documents/documentDraftSync';
import { convertBarcodes } from '../../../../src/renderer/features/documents/barcodeConvert';
import { submitDoc } from '../../../../src/renderer/features/documents/submitActions';
import { barcodeFor } from '../../../../src/renderer/features/catalog/barcodeMemory';
import { forgetCatalogLookups } from '../../../../src/renderer/features/catalog/catalogLookup';
import { FakeDocBridge } from '../../support/docFakeBridge';

const spec = outerOutSpec;
const specNo = spec.lines.find((field) => field.key === 'spec_no');
const BARCODE = '6901234567892';
let release: () => void = () => undefined;
let fake = new FakeDocBridge();

function answer(code: string): CatalogMatch {
  if (code === BARCODE)
    return { found: true, kind: 'spec', value: 'DFAQT101', label: '防护安全帽 ABS 白色', barcode: BARCODE };
  if (code === 'A001') return { found: true, kind: 'spec', value: 'A001', label: '甲' };
  return { found: false };
}

beforeEach(async () => {
  fake = new FakeDocBridge();
  const wdt = {
    ...fake.asWindow().wdt,
    lookupInCatalog: ({ codes }: { codes: string[] }) =>
      new Promise((resolve) => {
        release = () => resolve(ok(codes.map(answer)));
      }),
  };
  vi.stubGlobal('window', { wdt });
  resetDocuments();
  forgetCatalogLookups();
  await loadDocDraft(spec);
});

describe('barcode → spec_no in the grid', () => {
  it('replaces committed barcodes, leaves codes and later edits alone, and remembers the barcode', async () => {
    if (!specNo) throw new Error('no spec_no');
    setLines(spec.method, [
      { spec_no: BARCODE, num: '1' },
      { spec_no: 'A001', num: '1' },
      { spec_no: BARCODE, num: '2' },
      { spec_no: 'UNKNOWN', num: '1' },
    ]);
    const done = convertBarcodes(spec.method, specNo, [
      { row: 0, text: BARCODE },
      { row: 1, text: 'A001' },
      { row: 2, text: BARCODE },
      { row: 3, text: 'UNKNOWN' },
    ]);
    // The user retypes the third row before the catalog answers: that edit wins.
    const lines = getDoc(spec.method)?.lines ?? [];
    setLines(
      spec.method,
      lines.map((line, row) => (row === 2 ? { ...line, spec_no: 'X9' } : line)),
    );
    release();
    await done;
    expect(getDoc(spec.method)?.lines.map((line) => line['spec_no'])).toEqual([
      'DFAQT101',
      'A001',
      'X9',
      'UNKNOWN',
    ]);
    expect(getDoc(spec.method)?.lines[0]).toEqual({ spec_no: 'DFAQT101', num: '1' });
    expect(barcodeFor(spec.method, 'DFAQT101')).toBe(BARCODE);
    expect(barcodeFor(spec.method, 'A001')).toBeUndefined();
  });

  it('a submit started while the catalog is still answering sends the spec_no, not the barcode', async () => {
    if (!specNo) throw new Error('no spec_no');
    setLines(spec.method, [{ spec_no: BARCODE, num: '1' }]);
    void convertBarcodes(spec.method, specNo, [{ row: 0, text: BARCODE }]);
    // Ctrl+Enter right after the barcode: the send must wait for the conversion.
    const submitting = submitDoc(spec);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.submits).toEqual([]);
    release();
    await submitting;
    expect(fake.submits.map((sent) => sent.draft.lines.map((line) => line['spec_no']))).toEqual([
      ['DFAQT101'],
    ]);
  });
});
