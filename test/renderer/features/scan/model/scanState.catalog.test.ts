/**
 * Product codes from the local catalog in the scan views (issue #15): a scanned code the catalog knows as a
 * spec_no or a barcode selects or adds the line of its spec_no, in SN mode too, instead of becoming an SN;
 * a code it does not know follows the rules without a catalog (the catalog may be out of date).
 */
import { describe, expect, it } from 'vitest';
import type { ProductCode } from '../../../../../src/renderer/features/scan/model/scanContext';
import type { ScanState } from '../../../../../src/renderer/features/scan/model/scanData';
import type { ScanContext } from '../../../../../src/renderer/features/scan/model/scanContext';
import {
  applyScan,
  applyScanAs,
  createScanState,
} from '../../../../../src/renderer/features/scan/model/scanState';
import { setExpectedList } from '../../../../../src/renderer/features/scan/model/scanLineEdits';
import { flattenChunks } from '../../../../../src/renderer/features/scan/model/snChunks';
import type { SnShape } from '../../../../../src/shared/snShape';

const BARCODE = '6901234567892';
/** A small catalog: DFAQT101 with two barcodes, DFAQT102 with one, a suite known by its code. */
const catalog: Readonly<Record<string, ProductCode>> = {
  DFAQT101: { specNo: 'DFAQT101' },
  [BARCODE]: { specNo: 'DFAQT101', barcode: BARCODE },
  '6901234567809': { specNo: 'DFAQT101', barcode: '6901234567809' },
  DFAQT102: { specNo: 'DFAQT102' },
  '6901234560002': { specNo: 'DFAQT102', barcode: '6901234560002' },
  TZ001: { specNo: 'TZ001' },
};
const product = (value: string): ProductCode | null => catalog[value] ?? null;
const shape: SnShape = { minLength: 9, maxLength: 9, pattern: 'SN[0-9]{7}' };
/** The uploadSN scan mode: lines can be added. */
const scanMode: ScanContext = { product, canAddLines: true, snShape: shape };

function sns(state: ScanState, line = 0): string[] {
  return flattenChunks(state.lines[line]?.sns ?? []);
}

function threeLines(): ScanState {
  let state = createScanState([
    { specNo: 'DFAQT106', required: null },
    { specNo: 'DFAQT107', required: null },
    { specNo: 'DFAQT101', required: 3 },
  ]);
  state = applyScan(state, 'DFAQT106', 'scanner', scanMode).state;
  return applyScan(state, 'SN1060001', 'scanner', scanMode).state;
}

describe('a product barcode scanned in SN mode (the scan mode of uploadSN)', () => {
  it('selects the line of its spec_no, shows the barcode, and stores no SN', () => {
    const before = threeLines();
    const { state, result } = applyScan(before, BARCODE, 'scanner', scanMode);
    expect(result).toMatchObject({
      kind: 'line-selected',
      tone: 'success',
      line: 2,
      specNo: 'DFAQT101',
      value: BARCODE,
      barcode: BARCODE,
      added: false,
    });
    expect(result.message).toBe(`已切换到第3行：DFAQT101（条码 ${BARCODE}）（0/3）`);
    expect(state.activeLine).toBe(2);
    expect(state.lines.map((line) => line.count)).toEqual([1, 0, 0]);
    // The SNs that follow go to that line.
    const next = applyScan(state, 'SN1010001', 'scanner', scanMode);
    expect(next.result).toMatchObject({ kind: 'accepted', line: 2, specNo: 'DFAQT101' });
    expect(sns(next.state, 2)).toEqual(['SN1010001']);
  });

  it('adds the line of its spec_no (not of the barcode) when the document has none', () => {
    const before = threeLines();
    const { state, result } = applyScan(before, '6901234560002', 'scanner', {
      ...scanMode,
      requiredFor: (specNo) => (specNo === 'DFAQT102' ? 4 : null),
    });
    expect(result).toMatchObject({ kind: 'line-selected', added: true, line: 3, specNo: 'DFAQT102' });
    expect(result.message).toBe('已新增第4行：DFAQT102（条码 6901234560002）（0/4）');
    expect(state.lines.map((line) => line.specNo)).toEqual(['DFAQT106', 'DFAQT107', 'DFAQT101', 'DFAQT102']);
    expect(state.lines[3]?.required).toBe(4);
  });

  it('adds a catalog spec_no or suite_no scanned in SN mode at once, without asking', () => {
    const { state, result } = applyScan(threeLines(), 'TZ001', 'scanner', scanMode);
    expect(result).toMatchObject({ kind: 'line-selected', added: true, specNo: 'TZ001' });
    expect(result.message).toBe('已新增第4行：TZ001（0个）');
    expect(result.message).not.toContain('条码');
    expect(state.activeLine).toBe(3);
  });

  it('takes the catalog’s word over the SN shape: a barcode that fits it is still a product', () => {
    const digits: SnShape = { minLength: 13, maxLength: 13, pattern: '[0-9]{13}' };
    const { state, result } = applyScan(threeLines(), BARCODE, 'scanner', { ...scanMode, snShape: digits });
    expect(result).toMatchObject({ kind: 'line-selected', specNo: 'DFAQT101' });
    expect(state.lines.map((line) => line.count)).toEqual([1, 0, 0]);
    // Without a shape too (the profile set none): a product is never an SN.
    const plain = applyScan(threeLines(), BARCODE, 'scanner', { product, canAddLines: true });
    expect(plain.result).toMatchObject({ kind: 'line-selected', specNo: 'DFAQT101' });
  });

  it('selects the line when the barcode was scanned as an SN before the catalog knew it', () => {
    let state = createScanState([
      { specNo: 'DFAQT106', required: null },
      { specNo: 'DFAQT101', required: null },
    ]);
    state = applyScan(state, BARCODE, 'scanner', {}).state;
    expect(sns(state)).toEqual([BARCODE]);
    const { result } = applyScan(state, BARCODE, 'scanner', scanMode);
    expect(result).toMatchObject({ kind: 'line-selected', line: 1 });
  });

  it('after 扫商家编码新增行, a barcode adds the line of its spec_no', () => {
    const { state, result } = applyScan(createScanState(), BARCODE, 'scanner', {
      ...scanMode,
      expectingSpecNo: true,
    });
    expect(result).toMatchObject({ kind: 'line-selected', added: true, specNo: 'DFAQT101' });
    expect(state.lines.map((line) => line.specNo)).toEqual(['DFAQT101']);
  });

  it('answer 2 to a question finds the catalog’s spec_no too', () => {
    const { state } = applyScanAs(threeLines(), '6901234567809', 'spec', scanMode);
    expect(state.activeLine).toBe(2);
    expect(state.lines).toHaveLength(3);
  });

  it('keeps an SN on the imported expected list an SN, whatever the catalog says', () => {
    let state = createScanState([{ specNo: 'DFAQT106', required: null }]);
    state = setExpectedList(state, [{ sn: BARCODE, specNo: 'DFAQT106' }]);
    const { result } = applyScan(state, BARCODE, 'scanner', { product, canAddLines: true });
    expect(result).toMatchObject({ kind: 'accepted', line: 0 });
  });
});

describe('a code the catalog does not know follows the rules without a catalog', () => {
  it('asks about a code that does not fit the SN shape, and takes one that fits as an SN', () => {
    const state = threeLines();
    const odd = applyScan(state, 'DFAQT999', 'scanner', scanMode);
    expect(odd.result).toMatchObject({ kind: 'ask-kind', tone: 'not-sn' });
    expect(odd.state).toBe(state);
    const sn = applyScan(state, 'SN1060002', 'scanner', scanMode);
    expect(sn.result).toMatchObject({ kind: 'accepted', line: 0 });
  });

  it('selects a line by its own spec_no, as before (the document says so)', () => {
    const { result } = applyScan(threeLines(), 'DFAQT107', 'scanner', scanMode);
    expect(result).toMatchObject({ kind: 'line-selected', line: 1, added: false });
    expect(result.message).toBe('已切换到第2行：DFAQT107（0个）');
  });
});

describe('the line scan dialog of OuterOut (SN rows only, no lines added)', () => {
  // Scan line i is grid row rows[i] + 1.
  const rows = [1, 4];
  const dialog: ScanContext = { product, snShape: shape, lineNumber: (line) => (rows[line] ?? line) + 1 };
  const dialogState = () =>
    createScanState([
      { specNo: 'DFAQT106', required: 2 },
      { specNo: 'DFAQT101', required: 2 },
    ]);

  it('finds the line of a barcode’s product and names its grid row', () => {
    const { state, result } = applyScan(dialogState(), BARCODE, 'scanner', dialog);
    expect(result).toMatchObject({ kind: 'line-selected', line: 1, specNo: 'DFAQT101', barcode: BARCODE });
    expect(result.message).toBe(`已切换到第5行：DFAQT101（条码 ${BARCODE}）（0/2）`);
    expect(applyScan(state, 'SN1010001', 'scanner', dialog).result.message).toContain('第5行 第1个');
  });

  it('refuses a product that has no SN row here, with the not-an-SN tone, and changes nothing', () => {
    const before = dialogState();
    const { state, result } = applyScan(before, '6901234560002', 'scanner', dialog);
    expect(result).toMatchObject({ kind: 'not-sn', tone: 'not-sn', line: null });
    expect(result.message).toBe(
      '6901234560002 是商品 DFAQT102 的条码，不是 SN；本单没有该商品开启序列号的行，未录入',
    );
    expect(state).toBe(before);
  });
});
