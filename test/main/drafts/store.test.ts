import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DraftIdError, DraftTooLargeError } from '../../../src/main/drafts/errors';
import { openDraftStore } from '../../../src/main/drafts/store';

const folders: string[] = [];
async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'wdt-drafts-'));
  folders.push(folder);
  return folder;
}
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

const scanDraft = (count: number) => ({
  header: { warehouse_no: 'WH01', order_no: 'OUT-1', remark: '扫码出库' },
  sns: Array.from({ length: count }, (_, i) => `SN${String(i).padStart(12, '0')}`),
});

describe('drafts', () => {
  it('saves, loads, lists and deletes drafts, and survives reopening the store', async () => {
    const folder = await tempFolder();
    let now = Date.parse('2026-11-03T09:00:00Z');
    const { store } = await openDraftStore({ folder, now: () => now });
    await store.saveDraft('outer-out-1', scanDraft(3));
    now += 60_000;
    const saved = await store.saveDraft('purchase-2', { rows: [{ spec_no: '007', num: 1.5 }] });
    expect(saved).toMatchObject({ id: 'purchase-2', savedAt: '2026-11-03T09:01:00.000Z' });

    const reopened = (await openDraftStore({ folder })).store;
    expect(await reopened.loadDraft('outer-out-1')).toEqual({
      status: 'found',
      id: 'outer-out-1',
      savedAt: '2026-11-03T09:00:00.000Z',
      data: scanDraft(3),
    });
    expect((await reopened.listDrafts()).map((draft) => draft.id)).toEqual(['purchase-2', 'outer-out-1']);
    expect(await reopened.deleteDraft('outer-out-1')).toBe(true);
    expect(await reopened.deleteDraft('outer-out-1')).toBe(false);
    expect(await reopened.loadDraft('outer-out-1')).toEqual({ status: 'missing', id: 'outer-out-1' });
    expect((await reopened.listDrafts()).map((draft) => draft.id)).toEqual(['purchase-2']);
  });

  it('keeps the last of a burst of saves and snapshots the data at each call', async () => {
    const folder = await tempFolder();
    const { store } = await openDraftStore({ folder });
    const data = scanDraft(0);
    const saves: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i += 1) {
      data.sns.push(`SCAN-${i}`);
      saves.push(store.saveDraft('scan', data));
    }
    data.sns.push('NOT-SAVED');
    await Promise.all(saves);
    const loaded = await store.loadDraft('scan');
    expect(loaded.status === 'found' && loaded.data).toEqual({ ...data, sns: data.sns.slice(0, 50) });
  });

  it('a save requested after a delete is not lost to the delete', async () => {
    const folder = await tempFolder();
    const { store } = await openDraftStore({ folder });
    const first = store.saveDraft('d', { n: 1 });
    const removed = store.deleteDraft('d');
    const second = store.saveDraft('d', { n: 2 });
    await Promise.all([first, removed, second]);
    const loaded = await store.loadDraft('d');
    expect(loaded.status === 'found' && loaded.data).toEqual({ n: 2 });
  });

  it('ignores and removes a temporary file left by a save cut short, keeping the previous draft', async () => {
    const folder = await tempFolder();
    const { store } = await openDraftStore({ folder });
    await store.saveDraft('scan', scanDraft(2));
    await writeFile(join(folder, 'scan.json.tmp-1a2b3c4d'), '{"v":1,"id":"scan","savedAt":"2026-11-0');

    expect((await store.listDrafts()).map((draft) => draft.id)).toEqual(['scan']);
    const loaded = await store.loadDraft('scan');
    expect(loaded.status === 'found' && loaded.data).toEqual(scanDraft(2));
    const reopened = await openDraftStore({ folder });
    expect(reopened.report.removedTempFiles).toEqual(['scan.json.tmp-1a2b3c4d']);
    expect(await readdir(folder)).toEqual(['scan.json']);
  });

  it('sets a corrupt draft aside, reports it, and leaves the other drafts alone', async () => {
    const folder = await tempFolder();
    const { store } = await openDraftStore({ folder });
    await store.saveDraft('good', { ok: true });
    await writeFile(
      join(folder, 'bad.json'),
      '{"v":1,"id":"bad","savedAt":"2026-11-03T09:00:00Z","data":{"sns":["SN1",',
    );

    const result = await store.loadDraft('bad');
    expect(result).toMatchObject({ status: 'corrupt', id: 'bad', reason: expect.stringContaining('损坏') });
    const setAside = result.status === 'corrupt' ? result.setAsideAs : '';
    expect(setAside).toMatch(/^bad\.json\..*\.corrupt$/);
    expect(await readFile(join(folder, setAside), 'utf8')).toContain('"SN1",');
    expect(await store.loadDraft('bad')).toEqual({ status: 'missing', id: 'bad' });
    expect((await store.listDrafts()).map((draft) => draft.id)).toEqual(['good']);
    expect((await store.loadDraft('good')).status).toBe('found');
  });

  it('refuses a draft over the size limit with a clear message and keeps the saved one', async () => {
    const folder = await tempFolder();
    const { store } = await openDraftStore({ folder, maxBytes: 100_000 });
    await store.saveDraft('scan', scanDraft(10));
    const error = await store.saveDraft('scan', scanDraft(10_000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DraftTooLargeError);
    expect((error as Error).message).toMatch(/^草稿过大（0\.2 MB），超过 0\.1 MB 的上限/);
    const loaded = await store.loadDraft('scan');
    expect(loaded.status === 'found' && loaded.data).toEqual(scanDraft(10));
  });

  it('rejects ids that could escape the drafts folder', async () => {
    const folder = await tempFolder();
    const { store } = await openDraftStore({ folder });
    await expect(store.saveDraft('../outside', {})).rejects.toBeInstanceOf(DraftIdError);
    await expect(store.loadDraft('a/b')).rejects.toBeInstanceOf(DraftIdError);
    await expect(store.deleteDraft('')).rejects.toBeInstanceOf(DraftIdError);
  });

  it('refuses ids a restart would delete (temp names) or Windows cannot store (device names)', async () => {
    const folder = await tempFolder();
    const { store } = await openDraftStore({ folder });
    for (const id of ['doc.x.tmp-1234', 'doc.TMP-x', 'CON', 'nul.stockout', 'com1', 'Lpt9.x'])
      await expect(store.saveDraft(id, {}), id).rejects.toBeInstanceOf(DraftIdError);
    for (const id of ['console', 'doc.con', 'scan.nul', 'tmp-x', 'doc.tmp'])
      await store.saveDraft(id, { id });
    await store.close();
    const reopened = await openDraftStore({ folder });
    expect((await reopened.store.listDrafts()).map((draft) => draft.id).sort()).toEqual(
      ['console', 'doc.con', 'doc.tmp', 'scan.nul', 'tmp-x'].sort(),
    );
    await reopened.store.close();
  });
});
