/**
 * Drafts and draft patches under a failing disk: a save or patch that was not stored whole is reported as
 * failed, never as saved; the previous good draft survives; a patch after a failed one is refused until
 * the next full save, so no change lands on a base missing an earlier one; a file removed while the app
 * runs takes nothing with it. Issue 17 item 8: a short patch write is not glued onto the next line.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DraftMissingError, DraftPatchRefusedError, DraftWriteError } from '../../../src/main/drafts/errors';
import { parsePatchLine } from '../../../src/main/drafts/patchLog';
import { openDraftStore, type DraftStore } from '../../../src/main/drafts/store';
import type { DraftPatch } from '../../../src/shared/draftPatch';
import { faultyFiles, type Fault, type FaultyFiles, type Operation } from '../../support/faultyFiles';

const folders: string[] = [];
const stores: DraftStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function open(faults: FaultyFiles, folder?: string): Promise<{ store: DraftStore; folder: string }> {
  const at = folder ?? (await mkdtemp(join(tmpdir(), 'wdt-draft-faults-')));
  if (!folder) folders.push(at);
  const { store } = await openDraftStore({ folder: at, files: faults.files });
  stores.push(store);
  return { store, folder: at };
}

const ID = 'scan.stockout';
const scan = (index: number, sn: string): DraftPatch => ({ path: ['sns', index], value: sn });

async function loaded(store: DraftStore): Promise<unknown> {
  const result = await store.loadDraft(ID);
  if (result.status !== 'found') throw new Error(`draft: ${result.status}`);
  expect(result.skipped).toBeUndefined();
  return result.data;
}

const saveFaults: readonly (readonly [Operation, Fault])[] = [
  ['write', 'short'],
  ['write', 'ENOSPC'],
  ['write', 'EIO'],
  ['fsync', 'EIO'],
  ['rename', 'EIO'],
];

describe('full saves on a failing disk', () => {
  it.each(saveFaults)('%s %s: rejected, and the previous draft survives', async (op, fault) => {
    const faults = faultyFiles();
    const { store, folder } = await open(faults);
    await store.saveDraft(ID, { sns: ['A'] });
    faults.failNext(op, fault);
    await expect(store.saveDraft(ID, { sns: ['A', 'B'] })).rejects.toBeInstanceOf(DraftWriteError);
    faults.heal();
    expect(await loaded(store)).toEqual({ sns: ['A'] });
    expect((await readdir(folder)).filter((name) => name.includes('.tmp-'))).toEqual([]);
    // A patch made against the refused save must not land on the older base.
    await expect(store.patchDraft(ID, [scan(1, 'B')])).rejects.toBeInstanceOf(DraftPatchRefusedError);
    await store.saveDraft(ID, { sns: ['A', 'B'] });
    await store.patchDraft(ID, [scan(2, 'C')]);
    const reopened = await open(faultyFiles(), folder);
    expect(await loaded(reopened.store)).toEqual({ sns: ['A', 'B', 'C'] });
  });
});

describe('refusing patches after a refused save', () => {
  it('a save over the size limit makes the patches sent after it wait for the next full save', async () => {
    const faults = faultyFiles();
    const { folder } = await open(faults);
    const { store } = await openDraftStore({ folder, files: faults.files, maxBytes: 2000 });
    stores.push(store);
    await store.saveDraft(ID, { sns: ['A'] });
    const tooLarge = store.saveDraft(ID, { sns: ['A', 'x'.repeat(3000)] });
    const after = store.patchDraft(ID, [scan(2, 'C')]);
    await expect(tooLarge).rejects.toThrow('草稿过大');
    await expect(after).rejects.toBeInstanceOf(DraftPatchRefusedError);
    expect(await loaded(store)).toEqual({ sns: ['A'] });
    await store.saveDraft(ID, { sns: ['A', 'B'] });
    await store.patchDraft(ID, [scan(2, 'C')]);
    expect(await loaded(store)).toEqual({ sns: ['A', 'B', 'C'] });
  });
});

describe('draft patches on a failing disk', () => {
  it.each<Fault>(['short', 'ENOSPC', 'EIO'])(
    'a %s patch write is reported, leaves no torn line, and the next patch waits for a full save',
    async (fault) => {
      const faults = faultyFiles();
      const { store, folder } = await open(faults);
      await store.saveDraft(ID, { sns: ['A'] });
      await store.patchDraft(ID, [scan(1, 'B')]);
      faults.failNext('write', fault, (path) => path.endsWith('.patches'));
      // Pipelined, as the renderer sends them: the second is made before the first is answered.
      const second = store.patchDraft(ID, [scan(2, 'C'.repeat(200))]);
      const third = store.patchDraft(ID, [scan(3, 'D')]);
      await expect(second).rejects.toBeInstanceOf(DraftWriteError);
      await expect(third).rejects.toBeInstanceOf(DraftPatchRefusedError);
      faults.heal();

      // Every line in the log is whole: nothing was glued onto a torn line.
      const logs = (await readdir(folder)).filter((name) => name.endsWith('.patches'));
      for (const name of logs) {
        const text = await readFile(join(folder, name), 'utf8');
        expect(text === '' || text.endsWith('\n')).toBe(true);
        for (const line of text.split('\n').filter(Boolean)) expect(parsePatchLine(line)).not.toBeNull();
      }
      expect(await loaded(store)).toEqual({ sns: ['A', 'B'] });

      // The renderer's answer: the whole latest state, after which patches flow again.
      await store.saveDraft(ID, { sns: ['A', 'B', 'C'.repeat(200), 'D'] });
      await store.patchDraft(ID, [scan(4, 'E')]);
      const reopened = await open(faultyFiles(), folder);
      expect(await loaded(reopened.store)).toEqual({ sns: ['A', 'B', 'C'.repeat(200), 'D', 'E'] });
    },
  );

  it('a patch whose flush fails is reported and removed from the log', async () => {
    const faults = faultyFiles();
    const { store, folder } = await open(faults);
    await store.saveDraft(ID, { sns: ['A'] });
    faults.failNext('fsync', 'EIO', (path) => path.endsWith('.patches'));
    await expect(store.patchDraft(ID, [scan(1, 'B')])).rejects.toBeInstanceOf(DraftWriteError);
    const reopened = await open(faultyFiles(), folder);
    expect(await loaded(reopened.store)).toEqual({ sns: ['A'] });
  });

  it.each(['base', 'log'] as const)(
    'a %s file removed while the app runs: the next patch asks for a full save, and nothing is lost',
    async (which) => {
      const faults = faultyFiles();
      const { store, folder } = await open(faults);
      await store.saveDraft(ID, { sns: ['A'] });
      await store.patchDraft(ID, [scan(1, 'B')]);
      const names = await readdir(folder);
      const victim = names.find((name) =>
        which === 'base' ? name.endsWith('.json') : name.endsWith('.patches'),
      );
      if (victim === undefined) throw new Error(`no ${which} file`);
      await rm(join(folder, victim));
      await expect(store.patchDraft(ID, [scan(2, 'C')])).rejects.toBeInstanceOf(DraftMissingError);
      await store.saveDraft(ID, { sns: ['A', 'B', 'C'] });
      await store.patchDraft(ID, [scan(3, 'D')]);
      const reopened = await open(faultyFiles(), folder);
      expect(await loaded(reopened.store)).toEqual({ sns: ['A', 'B', 'C', 'D'] });
    },
  );
});

describe('a full save whose old patch log cannot be removed', () => {
  it('still counts as saved, and later patches are kept', async () => {
    const faults = faultyFiles();
    const { store, folder } = await open(faults);
    await store.saveDraft(ID, { sns: ['A'] });
    await store.patchDraft(ID, [scan(1, 'B')]);
    faults.failNext('rm', 'EIO', (path) => path.endsWith('.patches'));
    await store.saveDraft(ID, { sns: ['A', 'B', 'C'] });
    await store.patchDraft(ID, [scan(3, 'D')]);
    expect(faults.injected).toBe(1);
    const reopened = await open(faultyFiles(), folder);
    expect(await loaded(reopened.store)).toEqual({ sns: ['A', 'B', 'C', 'D'] });
  });
});
