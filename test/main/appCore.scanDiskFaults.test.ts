/**
 * The whole path a scan takes (the renderer's writer, IPC handlers, the draft store) on a failing disk,
 * and start-up with damaged files: every scan sent is on disk afterwards or reported as not saved, and
 * the app always starts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppCore, type AppCore } from '../../src/main/appCore';
import { createTestEncryptor } from '../support/testEncryptor';
import { openJsonFileStore } from '../../src/main/keyValueStore';
import type { FileLayer } from '../../src/main/files/fileLayer';
import { applyScan } from '../../src/renderer/features/scan/model/scanState';
import type { ScanState } from '../../src/renderer/features/scan/model/scanData';
import { chunksFromList } from '../../src/renderer/features/scan/model/snChunks';
import { createPatchedDraftWriter, type DraftCalls } from '../../src/renderer/drafts/patchedWriter';
import type { WdtBridge } from '../../src/shared/ipc';
import { faultyFiles } from '../support/faultyFiles';

type DraftJson = Parameters<WdtBridge['saveDraft']>[0]['data'];
const ID = 'scan.stockout';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openCore(dataFolder: string, files?: FileLayer): Promise<AppCore> {
  const core = await openAppCore({
    dataFolder,
    encryptor: createTestEncryptor(),
    store: openJsonFileStore(join(dataFolder, 'settings.json')),
    fetch,
    version: 'test',
    logError: () => undefined,
    ...(files ? { files } : {}),
  });
  cleanups.push(() => core.close());
  return core;
}

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'wdt-app-faults-'));
  cleanups.push(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

/** The writer's calls through the IPC contract (validation included), recording main's refusals. */
function callsOf(core: AppCore, answers: { code: string; refused: boolean }[]): DraftCalls {
  const call = async (name: string, input: unknown) => {
    const result = await core.dispatch(name, input, { trustedSender: true });
    if (!result.ok) {
      const details = result.error.details as { needsFullSave?: boolean } | undefined;
      answers.push({ code: result.error.code, refused: details?.needsFullSave === true });
    }
    return result;
  };
  return {
    saveDraft: (input) => call('saveDraft', input) as ReturnType<DraftCalls['saveDraft']>,
    patchDraft: (input) => call('patchDraft', input) as ReturnType<DraftCalls['patchDraft']>,
    deleteDraft: (input) => call('deleteDraft', input) as ReturnType<DraftCalls['deleteDraft']>,
  };
}

function seeded(count: number): ScanState {
  const sns = Array.from({ length: count }, (_, i) => `SN${String(i).padStart(8, '0')}`);
  return {
    version: 1,
    lines: [{ specNo: 'A', required: null, sns: chunksFromList(sns), count }],
    activeLine: 0,
    expected: null,
    typed: [],
    undo: [],
  };
}
const draftOf = (state: ScanState): DraftJson => ({ v: 2, state: state as unknown as DraftJson, fields: [] });

async function savedState(dataFolder: string): Promise<unknown> {
  const core = await openCore(dataFolder);
  const loaded = await core.handlers.loadDraft({ id: ID });
  if (!loaded.ok || !loaded.value.found) throw new Error('scan draft missing');
  return (loaded.value.data as { state: unknown }).state;
}

describe('scans on a failing disk', () => {
  it('a short patch write in a pipelined burst: main refuses what follows, the writer saves whole, nothing is lost', async () => {
    const folder = await tempFolder();
    const faults = faultyFiles();
    const core = await openCore(folder, faults.files);
    const answers: { code: string; refused: boolean }[] = [];
    const writer = createPatchedDraftWriter(ID, () => callsOf(core, answers));
    let state = seeded(2000);
    await writer.write(draftOf(state));
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 30; i++) {
      // The disk fills on the 11th scan and space comes back (the repair's full save then succeeds).
      if (i === 10) faults.failNext('write', 'short-once', (path) => path.endsWith('.patches'));
      state = applyScan(state, `BURST${i}`, 'scanner').state;
      writes.push(writer.write(draftOf(state)));
    }
    // Every write reports success only because its scan is on disk (directly or through the repair).
    await Promise.all(writes);
    await writer.idle();
    expect(faults.injected).toBe(1);
    expect(answers.filter((answer) => answer.code === 'STORE_FAILED' && !answer.refused)).toHaveLength(1);
    expect(answers.filter((answer) => answer.refused).length).toBeGreaterThan(0);
    await core.close();
    expect(await savedState(folder)).toEqual(state);
  });

  it('while the disk stays full every scan is reported as not saved, and the first scan after keeps them all', async () => {
    const folder = await tempFolder();
    const faults = faultyFiles();
    const core = await openCore(folder, faults.files);
    const writer = createPatchedDraftWriter(ID, () => callsOf(core, []));
    let state = seeded(500);
    await writer.write(draftOf(state));
    faults.failNext('write', 'short');
    const outcomes: Promise<string>[] = [];
    for (let i = 0; i < 8; i++) {
      state = applyScan(state, `FULL${i}`, 'scanner').state;
      outcomes.push(
        writer.write(draftOf(state)).then(
          () => 'saved',
          () => 'reported',
        ),
      );
    }
    expect(await Promise.all(outcomes)).toEqual(Array<string>(8).fill('reported'));
    faults.heal();
    state = applyScan(state, 'AFTER', 'scanner').state;
    await writer.write(draftOf(state));
    expect(writer.lastWrite).toBe('full');
    await core.close();
    expect(await savedState(folder)).toEqual(state);
  });
});

describe('start-up with damaged files', () => {
  it('starts when the drafts folder cannot be used, and says so on each draft call instead', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, 'drafts'), 'not a folder');
    const core = await openCore(folder);
    expect((await core.handlers.listProfiles(undefined)).ok).toBe(true);
    expect((await core.handlers.updateSettings({ operatorName: '李四' })).ok).toBe(true);
    const saved = await core.handlers.saveDraft({ id: 'doc.x', data: { a: 1 } });
    expect(saved).toMatchObject({ ok: false, error: { code: 'STORE_FAILED' } });
  });

  it('starts with a damaged draft, settings file and patch log, and tells the user about the settings', async () => {
    const folder = await tempFolder();
    const first = await openCore(folder);
    await first.handlers.saveDraft({ id: ID, data: { a: 1 } });
    await first.handlers.patchDraft({ id: ID, patches: [{ path: ['a'], value: 2 }] });
    await first.close();
    await writeFile(join(folder, 'settings.json'), '{"settings": {"operatorName": "李');
    await writeFile(join(folder, 'drafts', `${ID}.json`), '{"v":1,"id":"scan.sto');
    const core = await openCore(folder);
    const info = await core.handlers.getAppInfo(undefined);
    expect(info.ok && info.value.startupNotices?.[0]).toContain('设置文件已损坏');
    const loaded = await core.handlers.loadDraft({ id: ID });
    expect(loaded).toMatchObject({ ok: true, value: { found: false } });
    expect(loaded.ok && loaded.value.notice).toContain('已另存为');
    expect((await core.handlers.listProfiles(undefined)).ok).toBe(true);
  });
});
