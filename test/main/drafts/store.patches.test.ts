import { appendFile, copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DraftMissingError, DraftTooLargeError } from '../../../src/main/drafts/errors';
import { COMPACT_AFTER_PATCHES } from '../../../src/main/drafts/patchLog';
import { openDraftStore, type DraftStore } from '../../../src/main/drafts/store';

const folders: string[] = [];
const stores: DraftStore[] = [];
async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'wdt-draft-patches-'));
  folders.push(folder);
  return folder;
}
async function storeIn(folder: string, now?: () => number): Promise<DraftStore> {
  const { store } = await openDraftStore({ folder, ...(now ? { now } : {}) });
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A scan draft in the shape the scan view saves: SNs in chunks, a count, an undo list. */
const base = () => ({
  v: 2,
  state: { lines: [{ specNo: 'A', sns: [['SN1', 'SN2']], count: 2 }], activeLine: 0, undo: ['SN1', 'SN2'] },
  fields: [],
});

async function loaded(store: DraftStore, id: string): Promise<unknown> {
  const result = await store.loadDraft(id);
  if (result.status !== 'found') throw new Error(`draft ${id}: ${result.status}`);
  return result.data;
}

describe('draft patch log', () => {
  it('applies patches to the saved draft in order, also after reopening the store', async () => {
    const folder = await tempFolder();
    let now = Date.parse('2026-11-03T09:00:00Z');
    const store = await storeIn(folder, () => now);
    await store.saveDraft('scan', base());
    now += 1000;
    expect(
      await store.patchDraft('scan', [
        { path: ['state', 'lines', 0, 'sns', 0, 2], value: 'SN3' },
        { path: ['state', 'lines', 0, 'count'], value: 3 },
      ]),
    ).toEqual({ savedAt: '2026-11-03T09:00:01.000Z', pending: 1 });
    now += 1000;
    const second = await store.patchDraft('scan', [
      { path: ['state', 'lines', 1], value: { specNo: 'B', sns: [], count: 0 } },
      { path: ['state', 'activeLine'], value: 1 },
      { path: ['state', 'extra', 'made', 0], value: true },
    ]);
    expect(second.pending).toBe(2);

    const expected = base();
    expected.state.lines[0] = { specNo: 'A', sns: [['SN1', 'SN2', 'SN3']], count: 3 };
    expected.state.lines[1] = { specNo: 'B', sns: [], count: 0 };
    expected.state.activeLine = 1;
    const merged = { ...expected, state: { ...expected.state, extra: { made: [true] } } };
    expect(await store.loadDraft('scan')).toEqual({
      status: 'found',
      id: 'scan',
      savedAt: '2026-11-03T09:00:02.000Z',
      data: merged,
    });
    await store.close();
    expect(await loaded(await storeIn(folder), 'scan')).toEqual(merged);
    // The log is not a draft of its own.
    expect((await (await storeIn(folder)).listDrafts()).map((draft) => draft.id)).toEqual(['scan']);
  });

  it('skips a torn last line left by a crash, reports it, and appends cleanly after it', async () => {
    const folder = await tempFolder();
    const store = await storeIn(folder);
    await store.saveDraft('scan', base());
    await store.patchDraft('scan', [{ path: ['state', 'activeLine'], value: 7 }]);
    await store.close();
    const [log] = (await readdir(folder)).filter((name) => name.endsWith('.patches'));
    if (log === undefined) throw new Error('no patch log written');
    // The app stopped in the middle of writing the next line.
    await appendFile(join(folder, log), '{"t":"2026-11-03T09:00:00.000Z","p":[{"path":["state","und');

    const reopened = await storeIn(folder);
    const result = await reopened.loadDraft('scan');
    expect(result).toMatchObject({
      status: 'found',
      data: { state: { activeLine: 7 } },
      skipped: [{ line: 2, reason: 'torn-line' }],
    });
    await reopened.patchDraft('scan', [{ path: ['state', 'activeLine'], value: 8 }]);
    expect(await reopened.loadDraft('scan')).toMatchObject({ data: { state: { activeLine: 8 } } });
    expect(await reopened.loadDraft('scan')).not.toHaveProperty('skipped');
  });

  it('skips and reports a patch whose path does not fit the draft, applying the rest', async () => {
    const folder = await tempFolder();
    const store = await storeIn(folder);
    await store.saveDraft('scan', base());
    await store.patchDraft('scan', [
      { path: ['state', 'lines', 5, 'count'], value: 1 },
      { path: ['state', 'activeLine', 'deeper'], value: 1 },
      { path: ['state', 'undo', 'x'], value: 1 },
      { path: ['state', 'undo', 2], value: 'SN3' },
    ]);
    const result = await store.loadDraft('scan');
    expect(result).toMatchObject({
      status: 'found',
      data: { state: { undo: ['SN1', 'SN2', 'SN3'], activeLine: 0 } },
      skipped: [
        { line: 1, reason: 'path-mismatch', path: ['state', 'lines', 5, 'count'] },
        { line: 1, reason: 'path-mismatch', path: ['state', 'activeLine', 'deeper'] },
        { line: 1, reason: 'path-mismatch', path: ['state', 'undo', 'x'] },
      ],
    });
  });

  it('a full save supersedes the log', async () => {
    const folder = await tempFolder();
    const store = await storeIn(folder);
    await store.saveDraft('scan', base());
    await store.patchDraft('scan', [{ path: ['state', 'activeLine'], value: 3 }]);
    await store.saveDraft('scan', { v: 2, replaced: true });
    expect(await loaded(store, 'scan')).toEqual({ v: 2, replaced: true });
    expect((await readdir(folder)).sort()).toEqual(['scan.json']);
    expect(await store.patchDraft('scan', [{ path: ['more'], value: 1 }])).toMatchObject({ pending: 1 });
    expect(await loaded(await storeIn(folder), 'scan')).toEqual({ v: 2, replaced: true, more: 1 });
  });

  it('ignores and removes the old log when a crash came between writing the new base and removing it', async () => {
    const folder = await tempFolder();
    const store = await storeIn(folder);
    await store.saveDraft('scan', base());
    await store.patchDraft('scan', [{ path: ['state', 'activeLine'], value: 3 }]);
    await store.close();
    const oldLog = (await readdir(folder)).find((name) => name.endsWith('.patches')) ?? '';
    await copyFile(join(folder, oldLog), join(folder, 'kept-log'));
    const crashed = await storeIn(folder);
    await crashed.saveDraft('scan', { v: 2, fresh: true });
    // Put the old log back as if its removal never reached the disk.
    await copyFile(join(folder, 'kept-log'), join(folder, oldLog));
    await rm(join(folder, 'kept-log'));

    const reopened = await storeIn(folder);
    expect(await reopened.loadDraft('scan')).toEqual(
      expect.objectContaining({ status: 'found', data: { v: 2, fresh: true } }),
    );
    expect(await readdir(folder)).toEqual(['scan.json']);
    await reopened.patchDraft('scan', [{ path: ['n'], value: 1 }]);
    expect(await loaded(await storeIn(folder), 'scan')).toEqual({ v: 2, fresh: true, n: 1 });
  });

  it('reads the generation from the header of the base, whatever the data holds, and keeps the file format', async () => {
    const folder = await tempFolder();
    const at = Date.parse('2026-11-03T09:00:00Z');
    const store = await storeIn(folder, () => at);
    // Data that looks like a header: only the file's own header may decide which log belongs to it.
    const data = { v: 9, generation: 7, note: ',"data":{"generation":0' };
    await store.saveDraft('d', data);
    await store.saveDraft('d', data);
    await store.patchDraft('d', [{ path: ['n'], value: 1 }]);
    await store.close();
    expect(await readFile(join(folder, 'd.json'), 'utf8')).toBe(
      `{"v":1,"id":"d","savedAt":"2026-11-03T09:00:00.000Z","generation":2,"data":${JSON.stringify(data)}}`,
    );
    expect(await readdir(folder)).toEqual(['d.2.patches', 'd.json']);

    const reopened = await storeIn(folder);
    expect(await reopened.listDrafts()).toEqual([
      expect.objectContaining({ id: 'd', savedAt: '2026-11-03T09:00:00.000Z' }),
    ]);
    await reopened.patchDraft('d', [{ path: ['m'], value: 2 }]);
    expect(await loaded(reopened, 'd')).toEqual({ ...data, n: 1, m: 2 });
  });

  it('sets aside a base without a generation, a shape the app never writes', async () => {
    const folder = await tempFolder();
    await writeFile(
      join(folder, 'd.json'),
      '{"v":1,"id":"d","savedAt":"2026-11-03T09:00:00Z","data":{"n":1}}',
    );
    const store = await storeIn(folder);
    expect(await store.loadDraft('d')).toMatchObject({ status: 'corrupt', id: 'd' });
    expect(await store.loadDraft('d')).toEqual({ status: 'missing', id: 'd' });
  });

  it('keeps interleaved saves and patches in call order', async () => {
    const folder = await tempFolder();
    const store = await storeIn(folder);
    const calls: Promise<unknown>[] = [];
    calls.push(store.saveDraft('d', { n: 0, list: [] }));
    // A second full save queues behind the first; the patch after it must land on top of it.
    calls.push(store.saveDraft('d', { n: 1, list: ['a'] }));
    calls.push(store.patchDraft('d', [{ path: ['fromFirstPatch'], value: true }]));
    // This save must not be merged into the save queued before the patch.
    calls.push(store.saveDraft('d', { n: 2, list: ['x'] }));
    calls.push(store.patchDraft('d', [{ path: ['list', 1], value: 'y' }]));
    calls.push(store.patchDraft('d', [{ path: ['n'], value: 3 }]));
    const read = store.loadDraft('d');
    calls.push(store.saveDraft('d', { n: 4, list: [] }));
    await Promise.all(calls);
    expect(await read).toMatchObject({ status: 'found', data: { n: 3, list: ['x', 'y'] } });
    expect(await read).not.toHaveProperty('data.fromFirstPatch');
    expect(await loaded(store, 'd')).toEqual({ n: 4, list: [] });
  });

  it('refuses a patch to a draft that has no base, and to one that would pass the size limit', async () => {
    const folder = await tempFolder();
    const { store } = await openDraftStore({ folder, maxBytes: 2000 });
    stores.push(store);
    await expect(store.patchDraft('none', [{ path: ['a'], value: 1 }])).rejects.toBeInstanceOf(
      DraftMissingError,
    );
    await store.saveDraft('d', { list: [] });
    await store.patchDraft('d', [{ path: ['list', 0], value: 'x'.repeat(900) }]);
    await expect(
      store.patchDraft('d', [{ path: ['list', 1], value: 'y'.repeat(900) }]),
    ).rejects.toBeInstanceOf(DraftTooLargeError);
    expect(await loaded(store, 'd')).toEqual({ list: ['x'.repeat(900)] });
  });

  it('deletes the base and its log, and a later save starts clean', async () => {
    const folder = await tempFolder();
    const store = await storeIn(folder);
    await store.saveDraft('d', { n: 1 });
    await store.patchDraft('d', [{ path: ['m'], value: 2 }]);
    expect(await store.deleteDraft('d')).toBe(true);
    expect(await readdir(folder)).toEqual([]);
    expect(await store.loadDraft('d')).toEqual({ status: 'missing', id: 'd' });
    await store.saveDraft('d', { n: 5 });
    expect(await loaded(await storeIn(folder), 'd')).toEqual({ n: 5 });
  });

  it('removes a log left without its base by a crash during a delete, so a new draft does not inherit it', async () => {
    const folder = await tempFolder();
    const store = await storeIn(folder);
    await store.saveDraft('d', { n: 1 });
    await store.close();
    await writeFile(
      join(folder, 'd.1.patches'),
      '{"t":"2026-11-03T09:00:00.000Z","p":[{"path":["m"],"value":9}]}\n',
    );
    await rm(join(folder, 'd.json'));

    const reopened = await storeIn(folder);
    await reopened.saveDraft('d', { n: 2 });
    expect(await loaded(reopened, 'd')).toEqual({ n: 2 });
    expect(await readdir(folder)).toEqual(['d.json']);
  });

  it('folds a long log into a new base by itself, keeping every change', async () => {
    const folder = await tempFolder();
    const store = await storeIn(folder);
    await store.saveDraft('scan', { sns: [] });
    let last = { savedAt: '', pending: 0 };
    for (let i = 0; i < COMPACT_AFTER_PATCHES + 3; i++) {
      last = await store.patchDraft('scan', [{ path: ['sns', i], value: `SN${i}` }]);
    }
    // The compaction ran after patch number COMPACT_AFTER_PATCHES; three more went to the new log.
    expect(last.pending).toBe(3);
    const names = await readdir(folder);
    expect(names.filter((name) => name.endsWith('.patches'))).toEqual(['scan.2.patches']);
    const baseText = await readFile(join(folder, 'scan.json'), 'utf8');
    expect(baseText).toContain(`"SN${COMPACT_AFTER_PATCHES - 1}"`);
    expect(await loaded(await storeIn(folder), 'scan')).toEqual({
      sns: Array.from({ length: COMPACT_AFTER_PATCHES + 3 }, (_, i) => `SN${i}`),
    });
  });
});
