/**
 * The renderer's catalog cache as the grid and the notices use it: only codes never asked for cost an IPC
 * call, a call that learned nothing new notifies nobody (or "look up what is on screen" would loop), and a
 * catalog that changed drops what was cached.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogMatch, CatalogStatus } from '../../../../src/shared/catalog';
import { ok } from '../../../../src/shared/result';

const asked: string[][] = [];
const names: Record<string, string> = { A: '甲', B: '乙' };

function status(specs: number, profileId = 'p1'): CatalogStatus {
  return {
    profileId,
    counts: { specs, suites: 0, barcodes: 0, warehouses: 0, providers: 0, employees: 0, purchasers: 0 },
    origin: specs > 0 ? 'erp' : 'empty',
    problems: [],
    loading: false,
  };
}

vi.stubGlobal('window', {
  wdt: {
    lookupInCatalog: ({ codes }: { codes: string[] }) => {
      asked.push(codes);
      return Promise.resolve(
        ok(
          codes.map((code): CatalogMatch => {
            const label = names[code];
            return label === undefined ? { found: false } : { found: true, kind: 'spec', value: code, label };
          }),
        ),
      );
    },
    catalogStatus: () => Promise.resolve(ok(status(0))),
    events: {
      catalogChanged: () => () => undefined,
    },
  },
});

const lookup = await import('../../../../src/renderer/features/catalog/catalogLookup');
const state = await import('../../../../src/renderer/features/catalog/catalogState');

beforeEach(() => {
  lookup.forgetCatalogLookups();
  asked.length = 0;
});

describe('the catalog lookup cache', () => {
  it('asks main once per code and answers later reads from the cache', async () => {
    expect(await lookup.lookupCodes('spec', ['A', 'X', 'A'])).toEqual([
      { found: true, kind: 'spec', value: 'A', label: '甲' },
      { found: false },
      { found: true, kind: 'spec', value: 'A', label: '甲' },
    ]);
    await lookup.lookupCodes('spec', ['A', 'B', 'X']);
    expect(asked).toEqual([['A', 'X'], ['B']]);
    expect(lookup.cachedMatch('spec', 'B')).toMatchObject({ label: '乙' });
  });

  it('notifies when answers arrive, and not when everything was cached already', async () => {
    const heard = vi.fn();
    const stop = lookup.subscribeCatalogLookups(heard);
    await lookup.lookupCodes('spec', ['A']);
    expect(heard).toHaveBeenCalledTimes(1);
    await lookup.lookupCodes('spec', ['A']);
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
  });

  it('drops the cache when a sync changes the counts, and only then', async () => {
    expect(state.catalogHasRecords()).toBe(false);
    state.acceptCatalogStatus(status(0));
    await lookup.lookupCodes('spec', ['A']);
    state.acceptCatalogStatus(status(0));
    expect(lookup.cachedMatch('spec', 'A')).toBeDefined();
    state.acceptCatalogStatus(status(120));
    expect(state.catalogHasRecords()).toBe(true);
    expect(lookup.cachedMatch('spec', 'A')).toBeUndefined();
    state.acceptCatalogStatus(status(120, 'p2'));
    expect(lookup.cachedMatch('spec', 'A')).toBeUndefined();
  });
});
