/**
 * The catalog through the IPC contract of the real app core, with the practice profile (the built-in
 * simulator): what the settings screen and the document screens call, and the catalogChanged events.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogStatus } from '../../../src/shared/catalog';
import { openTestCore, simulator, type TestCore } from '../../support/appCore';
import { useSimulatorProfile } from '../../support/simulatorProfile';
import { practiceMasterData } from '../../../src/main/wdt/simulated-erp/masterData';

async function until(test: TestCore, done: (status: CatalogStatus) => boolean): Promise<CatalogStatus> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await test.value('catalogStatus', undefined);
    if (done(status)) return status;
    if (Date.now() > deadline) expect.fail(`never reached; last ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const catalogEvents = (test: TestCore): CatalogStatus[] =>
  test.events
    .filter((event) => event.name === 'catalogChanged')
    .map((event) => event.payload as CatalogStatus);

describe('the catalog in the app', () => {
  it('syncs the practice ERP’s catalog on request, then names codes, completes text and finds barcodes', async () => {
    const test = await openTestCore();
    const first = await test.value('catalogStatus', undefined);
    expect(first).toMatchObject({ profileId: 'practice', origin: 'empty', problems: [] });
    // Nothing is synced without the user asking: a full sync is their choice.
    await until(test, (status) => !status.loading);
    expect((await test.value('catalogStatus', undefined)).sync).toBeUndefined();

    const started = await test.value('syncCatalog', { mode: 'full', since: '2022-01-01' });
    expect(started.sync?.state).toBe('running');
    const done = await until(test, (status) => status.sync?.state === 'done');
    expect(done.counts.specs).toBeGreaterThan(100);
    expect(done.counts.purchasers).toBeGreaterThan(0);
    expect(catalogEvents(test).some((status) => status.sync?.state === 'running')).toBe(true);

    const [byCode, unknown] = await test.value('lookupInCatalog', {
      kind: 'spec',
      codes: ['DFAQT101', 'NOPE-1'],
    });
    expect(byCode).toMatchObject({ found: true, value: 'DFAQT101' });
    expect(unknown).toEqual({ found: false });
    const suggestions = await test.value('suggestFromCatalog', { kind: 'warehouse', text: 'WH' });
    expect(suggestions.map((choice) => choice.value)).toContain('WH-SH01');
    // A barcode the practice ERP gave a spec answers with that spec: the scanner's way in.
    const spec = practiceMasterData()
      .goods.flatMap((goods) => goods.specs)
      .find((candidate) => candidate.deleted === 0 && candidate.barcodes.length > 1);
    const barcode = spec?.barcodes[1] ?? '';
    const [scanned] = await test.value('lookupInCatalog', { kind: 'spec', codes: [barcode] });
    expect(scanned).toMatchObject({ found: true, value: spec?.specNo, barcode });
    expect((await test.value('catalogCodeFilter', undefined)).count).toBeGreaterThan(done.counts.specs);

    // Kept across a restart; synced moments ago, so no sync starts by itself.
    const reopened = await test.reopen();
    const again = await until(reopened, (status) => !status.loading);
    expect(again.counts).toEqual(done.counts);
    expect(again.origin).toBe('erp');
  });

  it('checks what the window sends: a bad import row or a too-long code is refused before the catalog', async () => {
    const test = await openTestCore();
    const badRow = await test.call('importCatalogRows', {
      first: true,
      last: true,
      rows: [{ specNo: '', goodsName: 'x', specName: '', barcodes: [] }],
    });
    expect(badRow.ok || badRow.error.code).toBe('INVALID_ARGUMENT');
    const longCode = await test.call('lookupInCatalog', { kind: 'spec', codes: ['x'.repeat(101)] });
    expect(longCode.ok || longCode.error.code).toBe('INVALID_ARGUMENT');

    const imported = await test.value('importCatalogRows', {
      first: true,
      last: true,
      rows: [{ specNo: 'F-1', goodsName: '文件货品', specName: '红', barcodes: ['6912345678901'] }],
    });
    expect(imported).toMatchObject({ origin: 'file', counts: { specs: 1, barcodes: 1 } });
    const [match] = await test.value('lookupInCatalog', { kind: 'spec', codes: ['6912345678901'] });
    expect(match).toMatchObject({ found: true, value: 'F-1', barcode: '6912345678901' });
    expect(catalogEvents(test).at(-1)).toMatchObject({ origin: 'file' });
  });

  it('switches to the new active profile’s own catalog at once, and syncs it from that profile’s ERP', async () => {
    const sim = await simulator();
    const test = await openTestCore();
    await test.value('importCatalogRows', {
      first: true,
      last: true,
      rows: [{ specNo: 'PRACTICE-ONLY', goodsName: '练习货品', specName: '', barcodes: [] }],
    });
    const profile = await useSimulatorProfile(test, sim.url);
    // The window hears of the switch without asking.
    await expect
      .poll(() => catalogEvents(test).some((status) => status.profileId === profile.id), { timeout: 5000 })
      .toBe(true);
    const other = await until(test, (status) => status.profileId === profile.id && !status.loading);
    expect(other.counts.specs).toBe(0);
    const [missing] = await test.value('lookupInCatalog', { kind: 'spec', codes: ['PRACTICE-ONLY'] });
    expect(missing).toEqual({ found: false });

    await test.value('syncCatalog', { mode: 'full', since: '2024-01-01' });
    const synced = await until(test, (status) => status.sync?.state === 'done');
    expect(synced.counts.specs).toBeGreaterThan(100);
    expect(sim.requests.some((request) => request.apiMethod === 'goods.Goods.queryWithSpec')).toBe(true);

    await test.value('setActiveProfile', { id: 'practice' });
    const back = await until(test, (status) => status.profileId === 'practice' && !status.loading);
    expect(back).toMatchObject({ origin: 'file', counts: { specs: 1 } });
  });
});
