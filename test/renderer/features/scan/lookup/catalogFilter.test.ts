/**
 * The scan views' copy of main's catalog code filter (catalogFilter.ts), over a fake `window.wdt`: fetched
 * when a view opens, dropped the moment the catalog's content changes (so a new product's barcode is never
 * taken for an SN on a stale filter) and fetched again once the change settles; a sync's progress alone
 * changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogMatch, CatalogStatus } from '../../../../../src/shared/catalog';
import { catalogFilterKey } from '../../../../../src/shared/catalog';
import { buildSnFilter } from '../../../../../src/shared/snFilter';
// Types only: the module itself is imported once the fake window.wdt is in place.
import type * as CatalogCodesModule from '../../../../../src/renderer/features/scan/lookup/catalogFilter';

type Module = typeof CatalogCodesModule;

const codes = { current: ['DFAQT101', '6901234567892'] };
let filterFetches = 0;
const lookups: string[][] = [];
let emit: ((status: CatalogStatus) => void) | null = null;

const fakeBridge = {
  catalogCodeFilter: () => {
    filterFetches++;
    return Promise.resolve({ ok: true, value: buildSnFilter(codes.current.map(catalogFilterKey)) });
  },
  lookupInCatalog: ({ codes: asked }: { codes: string[] }) => {
    lookups.push(asked);
    const answer = asked.map((code): CatalogMatch => {
      if (code === '6901234567892')
        return { found: true, kind: 'spec', value: 'DFAQT101', label: '测试商品', barcode: code };
      if (code === 'DFAQT101') return { found: true, kind: 'spec', value: 'DFAQT101', label: '测试商品' };
      return { found: false };
    });
    return Promise.resolve({ ok: true, value: answer });
  },
  events: {
    catalogChanged: (listener: (status: CatalogStatus) => void) => {
      emit = listener;
      return () => undefined;
    },
  },
};

function status(specs: number, windowsDone = 0): CatalogStatus {
  return {
    profileId: 'practice',
    counts: { specs, suites: 0, barcodes: specs, warehouses: 0, providers: 0, employees: 0, purchasers: 0 },
    origin: 'erp',
    problems: [],
    loading: false,
    sync: {
      mode: 'full',
      state: 'running',
      source: 'goods',
      windowsDone,
      windowsTotal: 10,
      read: {},
      startedAt: '2026-12-01T00:00:00Z',
      resumed: false,
    },
  };
}

let mod: Module;
beforeAll(async () => {
  (globalThis as { window?: unknown }).window = { wdt: fakeBridge };
  mod = await import('../../../../../src/renderer/features/scan/lookup/catalogFilter');
});

describe('the catalog code filter in the scan views', () => {
  it('looks every code up until the filter is here, then only the codes it may hold', async () => {
    expect(mod.mayBeInCatalog('SN1060001')).toBe(true);
    await mod.loadCatalogCodeFilter();
    expect(filterFetches).toBe(1);
    expect(mod.mayBeInCatalog('SN1060001')).toBe(false);
    expect(mod.mayBeInCatalog('6901234567892')).toBe(true);
    // Scanners and people differ in letter case only: the filter's keys are catalogFilterKey's.
    expect(mod.mayBeInCatalog(' dfaqt101')).toBe(true);
    await mod.loadCatalogCodeFilter();
    expect(filterFetches).toBe(1);
  });

  it('answers a barcode with its spec_no and the barcode, a spec_no with itself, anything else with null', async () => {
    const answers = await mod.catalogCodes.lookup(['6901234567892', 'DFAQT101', 'NOPE']);
    expect(answers).toEqual([{ specNo: 'DFAQT101', barcode: '6901234567892' }, { specNo: 'DFAQT101' }, null]);
    expect(mod.productOf({ found: true, kind: 'warehouse', value: 'WH1', label: '主仓' })).toBeNull();
  });

  it('ignores progress, and drops the filter at once when the content changes, then fetches it again', async () => {
    let changes = 0;
    const stop = mod.onCatalogCodesChanged(() => changes++);
    emit?.(status(1));
    expect(changes).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const fetchesBefore = filterFetches;
    emit?.(status(1, 5));
    expect(changes).toBe(1);

    codes.current = [...codes.current, '6901234560002'];
    emit?.(status(2));
    expect(changes).toBe(2);
    // Until the new filter is here, every code is looked up.
    expect(mod.mayBeInCatalog('6901234560002')).toBe(true);
    expect(mod.mayBeInCatalog('SN1060001')).toBe(true);
    await expect.poll(() => filterFetches, { timeout: 2000 }).toBe(fetchesBefore + 1);
    await mod.loadCatalogCodeFilter();
    expect(mod.mayBeInCatalog('SN1060001')).toBe(false);
    expect(mod.mayBeInCatalog('6901234560002')).toBe(true);
    // The lookups cached before the change are asked again.
    lookups.length = 0;
    await mod.catalogCodes.lookup(['6901234567892']);
    expect(lookups).toEqual([['6901234567892']]);
    stop();
  });
});
