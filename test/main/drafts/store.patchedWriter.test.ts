import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WdtBridge } from '../../../src/shared/ipc';
import type { ScanState } from '../../../src/renderer/features/scan/model/scanData';
import { applyScan, undoLastScan } from '../../../src/renderer/features/scan/model/scanState';
import { removeLine } from '../../../src/renderer/features/scan/model/scanLineEdits';
import { parseScanState } from '../../../src/renderer/features/scan/persistence/scanDraft';
import { chunksFromList } from '../../../src/renderer/features/scan/model/snChunks';
import { createPatchedDraftWriter, type DraftCalls } from '../../../src/renderer/drafts/patchedWriter';
import { openTestCore, type TestCore } from '../../support/appCore';

const ID = 'scan.stockout';
type DraftJson = Parameters<WdtBridge['saveDraft']>[0]['data'];

/** The writer's calls go through the real contract (validation included) to the real draft store. */
function callsOf(core: TestCore): DraftCalls {
  return {
    saveDraft: (input) => core.call('saveDraft', input),
    patchDraft: (input) => core.call('patchDraft', input),
    deleteDraft: (input) => core.call('deleteDraft', input),
  };
}

function seeded(count: number): ScanState {
  const sns = Array.from({ length: count }, (_, i) => `SN${String(i).padStart(8, '0')}`);
  return {
    version: 1,
    lines: [
      { specNo: 'A', required: null, sns: chunksFromList(sns), count },
      { specNo: 'B', required: null, sns: [], count: 0 },
    ],
    activeLine: 0,
    expected: null,
    typed: [],
    undo: [],
  };
}

const draftOf = (state: ScanState): DraftJson => ({ v: 2, state: state as unknown as DraftJson, fields: [] });

async function loadedState(core: TestCore): Promise<ScanState> {
  const content = await core.value('loadDraft', { id: ID });
  if (!content.found) throw new Error('draft missing');
  const parsed = parseScanState((content.data as { state: unknown }).state);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe('patched draft writer', () => {
  it('saves the draft whole once, then each scan as a patch, and a reopened app reads every scan', async () => {
    const core = await openTestCore();
    const writer = createPatchedDraftWriter(ID, () => callsOf(core));
    let state = seeded(5000);
    await writer.write(draftOf(state));
    expect(writer.lastWrite).toBe('full');
    for (let i = 0; i < 30; i++) {
      state = applyScan(state, `NEW${i}`, i % 2 === 0 ? 'scanner' : 'typed').state;
      await writer.write(draftOf(state));
      expect(writer.lastWrite).toBe('patch');
    }
    state = undoLastScan(state).state;
    await writer.write(draftOf(state));
    expect(writer.lastWrite).toBe('patch');
    await writer.write(draftOf(state));
    expect(writer.lastWrite).toBe('unchanged');

    const reopened = await core.reopen();
    expect(await loadedState(reopened)).toEqual(state);
  });

  it('saves whole again when the change is a restructure, after a delete, and when the draft vanished', async () => {
    const core = await openTestCore();
    const writer = createPatchedDraftWriter(ID, () => callsOf(core));
    let state = seeded(6000);
    await writer.write(draftOf(state));
    // Removing the small line shortens `lines`; patching that would resend the big one, so it goes whole.
    state = removeLine(state, 1);
    await writer.write(draftOf(state));
    expect(writer.lastWrite).toBe('full');
    // Removing the big line leaves little to send.
    state = removeLine(state, 0);
    await writer.write(draftOf(state));
    expect(writer.lastWrite).toBe('patch');
    expect(await loadedState(core)).toEqual(state);

    await writer.write(null);
    expect(writer.lastWrite).toBe('delete');
    expect(await core.value('loadDraft', { id: ID })).toEqual({ found: false });
    state = seeded(10);
    await writer.write(draftOf(state));
    expect(writer.lastWrite).toBe('full');

    // Someone else removed the draft: the next patch finds no base, and the writer saves it whole.
    await core.value('deleteDraft', { id: ID });
    state = applyScan(state, 'AGAIN1', 'scanner').state;
    await writer.write(draftOf(state));
    expect(writer.lastWrite).toBe('full');
    expect(await loadedState(core)).toEqual(state);
    const names = await readdir(join(core.dataFolder, 'drafts'));
    expect(names.filter((name) => name.startsWith(ID))).toEqual([`${ID}.json`]);
  });

  it('repairs a failed patch at once with a full save of the latest state', async () => {
    const core = await openTestCore();
    let failPatches = false;
    const writer = createPatchedDraftWriter(ID, () => ({
      ...callsOf(core),
      patchDraft: (input) =>
        failPatches ? Promise.reject(new Error('主进程无响应')) : core.call('patchDraft', input),
    }));
    let state = seeded(100);
    await writer.write(draftOf(state));
    state = applyScan(state, 'X1', 'scanner').state;
    failPatches = true;
    await writer.write(draftOf(state));
    expect(writer.lastWrite).toBe('full');
    expect(await loadedState(core)).toEqual(state);
    failPatches = false;
    state = applyScan(state, 'X2', 'scanner').state;
    await writer.write(draftOf(state));
    expect(writer.lastWrite).toBe('patch');
    expect(await loadedState(core)).toEqual(state);
  });

  it('sends every scan in the task that took it, so a kill with writes in flight loses none', async () => {
    const core = await openTestCore();
    const sent: string[] = [];
    const calls = callsOf(core);
    const writer = createPatchedDraftWriter(ID, () => ({
      saveDraft: (input) => (sent.push('save'), calls.saveDraft(input)),
      patchDraft: (input) => (sent.push('patch'), calls.patchDraft(input)),
      deleteDraft: (input) => (sent.push('delete'), calls.deleteDraft(input)),
    }));
    let state = seeded(3000);
    void writer.write(draftOf(state));
    for (let i = 0; i < 40; i++) {
      state = applyScan(state, `BURST${i}`, 'scanner').state;
      void writer.write(draftOf(state));
    }
    // Nothing waited: all 41 went out at once (the old writer had one in flight and one queued).
    expect(sent).toEqual(['save', ...Array<string>(40).fill('patch')]);
    // The renderer dies here; main finishes what it was sent.
    const reopened = await core.reopen();
    expect(await loadedState(reopened)).toEqual(state);
  });

  it('after a delete, writes wait for it, and only the latest goes out, whole', async () => {
    const core = await openTestCore();
    const sent: string[] = [];
    const calls = callsOf(core);
    let releaseDelete = (): void => undefined;
    const writer = createPatchedDraftWriter(
      ID,
      () => ({
        saveDraft: (input) => (sent.push('save'), calls.saveDraft(input)),
        patchDraft: (input) => (sent.push('patch'), calls.patchDraft(input)),
        deleteDraft: (input) => (sent.push('delete'), calls.deleteDraft(input)),
      }),
      { beforeDelete: () => new Promise<void>((resolve) => (releaseDelete = resolve)) },
    );
    let state = seeded(10);
    await writer.write(draftOf(state));
    const deleted = writer.write(null);
    state = applyScan(state, 'AFTER1', 'scanner').state;
    void writer.write(draftOf(state));
    state = applyScan(state, 'AFTER2', 'scanner').state;
    void writer.write(draftOf(state));
    expect(sent).toEqual(['save']);
    releaseDelete();
    await deleted;
    await writer.idle();
    expect(sent).toEqual(['save', 'delete', 'save']);
    expect(await loadedState(core)).toEqual(state);
  });
});
