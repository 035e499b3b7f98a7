/**
 * The catalog in the scan queue: a code the catalog's filter lacks is decided within the key event that
 * ended the scan (no lookup); a code it may hold waits for one lookup, and the scans behind it wait their
 * turn, so scans are applied strictly in order. A failed lookup never blocks a scan.
 */
import { describe, expect, it } from 'vitest';
import { scannerAt } from './scannerKeys';
import { ScanController } from '../../../../../src/renderer/features/scan/controller/scanController';
import type { ProductCode } from '../../../../../src/renderer/features/scan/model/scanContext';
import type { CatalogCodes } from '../../../../../src/renderer/features/scan/controller/scanQueue';
import { defaultScanSettings } from '../../../../../src/renderer/features/scan/model/scanTunables';
import { createScanState } from '../../../../../src/renderer/features/scan/model/scanState';
import { buildSnFilter, SnFilter } from '../../../../../src/shared/snFilter';
import { catalogFilterKey } from '../../../../../src/shared/catalog';

const BARCODE = '6901234567892';
const products: Readonly<Record<string, ProductCode>> = {
  [BARCODE]: { specNo: 'DFAQT101', barcode: BARCODE },
  DFAQT102: { specNo: 'DFAQT102' },
};

interface Deferred {
  readonly codes: readonly string[];
  resolve(): void;
  reject(error: Error): void;
}

/** A catalog whose lookups wait until the test releases them; its filter is built like main's. */
function fakeCatalog(codes: readonly string[]) {
  const filter = SnFilter.from(buildSnFilter(codes.map(catalogFilterKey)));
  if (filter === null) throw new Error('no filter');
  const asked: Deferred[] = [];
  const catalog: CatalogCodes = {
    mayHold: (code) => filter.mayHold(catalogFilterKey(code)),
    lookup: (list) =>
      new Promise((resolve, reject) => {
        asked.push({
          codes: list,
          resolve: () => resolve(list.map((code) => products[code] ?? null)),
          reject,
        });
      }),
  };
  return { catalog, asked };
}

function setup(catalog: CatalogCodes) {
  const committed: string[] = [];
  const controller = new ScanController({
    settings: defaultScanSettings,
    sound: { enabled: false, volume: 1 },
    initial: createScanState([
      { specNo: 'DFAQT106', required: null },
      { specNo: 'DFAQT101', required: null },
    ]),
    lookupSent: () => Promise.resolve(new Set<string>()),
    // Every SN certainly never sent: only the catalog can make a scan wait.
    certainlyNotSent: () => true,
    commit: (state) => committed.push(state.lines.map((l) => l.specNo).join(',')),
    context: () => ({ canAddLines: true }),
    catalog,
  });
  const scanner = scannerAt(controller);
  // A person's pace: no bounce filtering between different scans.
  const scan = (code: string) => scanner.scan(code, 300);
  const { lines } = scanner;
  return { controller, scan, lines, committed };
}

describe('the scan queue with the catalog', () => {
  it('decides a code the filter lacks within the key event, without a lookup', () => {
    const { catalog, asked } = fakeCatalog([BARCODE, 'DFAQT101', 'DFAQT102']);
    const { controller, scan, lines } = setup(catalog);
    scan('SN1060001');
    // No await: the scan is applied synchronously.
    expect(lines()).toEqual(['DFAQT106 SN1060001', 'DFAQT101']);
    expect(controller.getView().feedback?.result?.kind).toBe('accepted');
    expect(asked).toHaveLength(0);
  });

  it('looks a code the filter may hold up once; the scans behind it wait and go to its line', async () => {
    const { catalog, asked } = fakeCatalog([BARCODE, 'DFAQT101', 'DFAQT102']);
    const { controller, scan, lines } = setup(catalog);
    scan(BARCODE);
    scan('SN1010001');
    scan('SN1010002');
    // Nothing is applied before the barcode's answer: the SNs must not go to the first line.
    expect(lines()).toEqual(['DFAQT106', 'DFAQT101']);
    expect(asked.map((a) => a.codes)).toEqual([[BARCODE]]);
    asked[0]?.resolve();
    await controller.idle();
    expect(lines()).toEqual(['DFAQT106', 'DFAQT101 SN1010001 SN1010002']);
    expect(controller.getView().feedback?.message).toContain('第2行 第2个');

    // The answer is kept: the same barcode again costs no lookup.
    controller.session.reset();
    scan(BARCODE);
    await controller.idle();
    expect(asked).toHaveLength(1);
    expect(controller.getView().feedback?.message).toBe(`已切换到第2行：DFAQT101（条码 ${BARCODE}）（2个）`);
  });

  it('asks for the codes queued behind a lookup in one call, and adds the line of a catalog spec_no', async () => {
    const { catalog, asked } = fakeCatalog([BARCODE, 'DFAQT101', 'DFAQT102', 'TZ001']);
    const { controller, scan, lines } = setup(catalog);
    scan('DFAQT102');
    scan('TZ001');
    scan('SN1020001');
    scan(BARCODE);
    expect(asked.map((a) => a.codes)).toEqual([['DFAQT102']]);
    asked[0]?.resolve();
    // The codes that queued up meanwhile: one call for both.
    await expect.poll(() => asked.length).toBe(2);
    expect(asked[1]?.codes).toEqual(['TZ001', BARCODE]);
    asked[1]?.resolve();
    await controller.idle();
    // TZ001 is in the filter but not a product (the lookup says none): an SN-mode code, taken as an SN.
    expect(lines()).toEqual(['DFAQT106', 'DFAQT101', 'DFAQT102 TZ001 SN1020001']);
    expect(controller.getView().state.activeLine).toBe(1);
  });

  it('a failed lookup leaves the scan to today’s rules (here: an SN), and says nothing of the catalog', async () => {
    const { catalog, asked } = fakeCatalog([BARCODE]);
    const { controller, scan, lines } = setup(catalog);
    scan(BARCODE);
    asked[0]?.reject(new Error('catalog closed'));
    await controller.idle();
    expect(lines()).toEqual([`DFAQT106 ${BARCODE}`, 'DFAQT101']);
    expect(controller.getView().feedback?.result?.kind).toBe('accepted');
  });

  it('asks again after the catalog changed', async () => {
    const { catalog, asked } = fakeCatalog([BARCODE]);
    const { controller, scan } = setup(catalog);
    scan(BARCODE);
    asked[0]?.resolve();
    await controller.idle();
    controller.forgetProductAnswers();
    controller.session.reset();
    scan(BARCODE);
    expect(asked).toHaveLength(2);
    asked[1]?.resolve();
    await controller.idle();
    expect(controller.getView().feedback?.result).toMatchObject({ kind: 'line-selected', line: 1 });
  });

  it('needs no lookup for a line’s own spec_no, even when the filter holds it', () => {
    const { catalog, asked } = fakeCatalog(['DFAQT101']);
    const { controller, scan } = setup(catalog);
    scan('DFAQT101');
    expect(controller.getView().feedback?.result).toMatchObject({ kind: 'line-selected', line: 1 });
    expect(asked).toHaveLength(0);
  });

  it('looks every code up while there is no filter yet (a barcode scanned as the view opens)', async () => {
    const asked: string[] = [];
    const { controller, scan, lines } = setup({
      mayHold: () => true,
      lookup: (codes) => {
        asked.push(...codes);
        return Promise.resolve(codes.map((code) => products[code] ?? null));
      },
    });
    scan('SN1060001');
    scan(BARCODE);
    await controller.idle();
    expect(asked).toEqual(['SN1060001', BARCODE]);
    expect(lines()).toEqual(['DFAQT106 SN1060001', 'DFAQT101']);
    expect(controller.getView().state.activeLine).toBe(1);
  });
});
