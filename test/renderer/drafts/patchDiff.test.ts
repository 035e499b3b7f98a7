import { describe, expect, it } from 'vitest';
import { applyDraftPatch, type DraftPatch } from '../../../src/shared/draftPatch';
import { diffForPatches, MAX_PATCHES } from '../../../src/renderer/drafts/patchDiff';
import type { ScanState } from '../../../src/renderer/features/scan/model/scanData';
import {
  applyScan,
  bulkAddSns,
  createScanState,
  deleteSn,
  undoLastScan,
} from '../../../src/renderer/features/scan/model/scanState';
import {
  addLine,
  removeLine,
  selectLine,
  setExpectedList,
  setLineRequired,
} from '../../../src/renderer/features/scan/model/scanLineEdits';
import { chunksFromList } from '../../../src/renderer/features/scan/model/snChunks';

/** What main rebuilds: the previous draft as read back from disk, with the patches applied in order. */
function applyAll(before: unknown, patches: readonly DraftPatch[]): unknown {
  let data: unknown = JSON.parse(JSON.stringify(before));
  for (const patch of patches) {
    const applied = applyDraftPatch(data, JSON.parse(JSON.stringify(patch)) as DraftPatch);
    if (applied === null) throw new Error(`patch does not fit: ${JSON.stringify(patch.path)}`);
    data = applied.data;
  }
  return data;
}

/** The scan draft as the scan view saves it. */
const draftOf = (state: ScanState, fields: readonly object[] = []) => ({ v: 2, state, fields });

/** The full save of `state`, as main would read it back. */
const fullSaveOf = (state: ScanState, fields: readonly object[] = []) => ({
  v: 2,
  state: JSON.parse(JSON.stringify(state)) as unknown,
  fields: JSON.parse(JSON.stringify(fields)) as unknown,
});

function expectPatchesRebuild(before: ScanState, after: ScanState): DraftPatch[] | 'replace' {
  const patches = diffForPatches(draftOf(before), draftOf(after));
  if (patches !== 'replace') {
    expect(applyAll(fullSaveOf(before), patches)).toEqual(fullSaveOf(after));
  }
  return patches;
}

function bigState(count: number): ScanState {
  const sns = Array.from({ length: count }, (_, i) => `SN${String(i).padStart(8, '0')}`);
  return {
    version: 1,
    lines: [
      { specNo: 'A', required: null, sns: chunksFromList(sns), count },
      { specNo: 'B', required: 5, sns: [], count: 0 },
    ],
    activeLine: 0,
    expected: null,
    typed: [],
    undo: [],
  };
}

describe('diffForPatches', () => {
  it('finds nothing to save between identical drafts, and skips shared parts without looking inside', () => {
    const shared = { sns: ['a', 'b'] };
    expect(diffForPatches({ x: shared, n: 1 }, { x: shared, n: 1 })).toEqual([]);
    // A getter that throws proves the shared object is never walked.
    const untouchable = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get: () => {
        throw new Error('walked into an unchanged part');
      },
    });
    expect(diffForPatches({ keep: untouchable, n: 1 }, { keep: untouchable, n: 2 })).toEqual([
      { path: ['n'], value: 2 },
    ]);
  });

  it('sets changed values, appended items at their index, and whole arrays or objects when something went', () => {
    const before = { list: ['a', 'b'], obj: { k: 1, gone: 2 }, deep: { inner: [1, { z: 1 }] }, same: 's' };
    const after = {
      list: ['a', 'b', 'c'],
      obj: { k: 1 },
      deep: { inner: [1, { z: 2 }] },
      same: 's',
      added: null,
    };
    const patches = diffForPatches(before, after);
    expect(patches).toEqual([
      { path: ['list', 2], value: 'c' },
      { path: ['obj'], value: { k: 1 } },
      { path: ['deep', 'inner', 1, 'z'], value: 2 },
      { path: ['added'], value: null },
    ]);
    expect(applyAll(before, patches as DraftPatch[])).toEqual(after);
    expect(diffForPatches({ list: [1, 2, 3] }, { list: [1, 2] })).toEqual([
      { path: ['list'], value: [1, 2] },
    ]);
    expect(diffForPatches({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: ['a'], value: { 0: 1 } }]);
  });

  it('treats undefined as JSON does: a missing key in objects, null in arrays', () => {
    expect(diffForPatches({ a: 1 }, { a: 1, b: undefined })).toEqual([]);
    // A key gone from the root means the whole draft.
    expect(diffForPatches({ a: 1, b: 2 }, { a: 1, b: undefined })).toBe('replace');
    expect(diffForPatches({ o: { a: 1, b: 2 } }, { o: { a: 1, b: undefined } })).toEqual([
      { path: ['o'], value: { a: 1, b: undefined } },
    ]);
    expect(diffForPatches({ l: [1] }, { l: [1, undefined] })).toEqual([{ path: ['l', 1], value: null }]);
  });

  it('asks for a full save when the root changes or the patches would be too many or too big', () => {
    expect(diffForPatches({ a: 1 }, [1])).toBe('replace');
    expect(diffForPatches(undefined, { a: 1 })).toBe('replace');
    const many = Array.from({ length: MAX_PATCHES + 1 }, (_, i) => i);
    expect(diffForPatches({ l: [] }, { l: many })).toBe('replace');
    expect(diffForPatches({ s: '' }, { s: 'x'.repeat(70_000) })).toBe('replace');
  });
});

describe('scan state transitions as patches', () => {
  it('an accepted scan at 20,000 SNs is a handful of small patches that rebuild the full save', () => {
    const before = bigState(20_000);
    const after = applyScan(before, 'NEW0000001', 'scanner').state;
    const patches = expectPatchesRebuild(before, after);
    if (patches === 'replace') throw new Error('expected patches');
    expect(patches.map((patch) => patch.path)).toEqual([
      ['state', 'lines', 0, 'sns', 78, 32],
      ['state', 'lines', 0, 'count'],
      ['state', 'undo', 0],
    ]);
    expect(JSON.stringify(patches).length).toBeLessThan(200);
  });

  it('every kind of edit rebuilds exactly the full save', () => {
    let state = setExpectedList(
      createScanState([
        { specNo: 'A', required: 300 },
        { specNo: 'B', required: null },
      ]),
      null,
    );
    let fullSaves = 0;
    const step = (next: ScanState): void => {
      if (expectPatchesRebuild(state, next) === 'replace') fullSaves++;
      state = next;
    };
    // Scans across a chunk boundary, some typed, past the undo depth (the undo list starts moving).
    for (let i = 0; i < 270; i++) step(applyScan(state, `R${i}`, i % 9 === 0 ? 'typed' : 'scanner').state);
    step(applyScan(state, 'R5', 'scanner').state); // duplicate: no change
    step(undoLastScan(state).state);
    step(undoLastScan(state).state);
    step(deleteSn(state, 'R100').state); // from the middle of the first chunk
    step(deleteSn(state, 'R0').state); // a typed one
    step(bulkAddSns(state, Array.from({ length: 40 }, (_, i) => `P${i}`).join('\n')).state);
    step(bulkAddSns(state, 'Q1\nQ2', {}, { line: 1 }).state);
    step(addLine(state, 'C', 3).state);
    step(applyScan(state, 'C1', 'scanner').state);
    step(selectLine(state, 0));
    step(setLineRequired(state, 0, 400));
    step(setExpectedList(state, [{ sn: 'E1', specNo: 'D' }]));
    step(applyScan(state, 'E1', 'scanner').state); // adds line D from the expected list
    step(setExpectedList(state, null));
    step(removeLine(state, 1));
    expect(state.lines.map((line) => line.specNo)).toEqual(['A', 'C', 'D']);
    // A document this small never needs the full save: every edit above went out as patches.
    expect(fullSaves).toBe(0);
  });

  it('a bulk paste of thousands of SNs asks for a full save rather than a huge patch', () => {
    const before = bigState(100);
    const pasted = Array.from({ length: 5000 }, (_, i) => `PASTE${String(i).padStart(6, '0')}`).join('\n');
    expect(expectPatchesRebuild(before, bulkAddSns(before, pasted).state)).toBe('replace');
  });

  it('a changed line field is patched beside the state', () => {
    const state = bigState(10);
    const fields = [{ defect: false }];
    const patches = diffForPatches(draftOf(state, fields), draftOf(state, [{ defect: true }]));
    expect(patches).toEqual([{ path: ['fields', 0, 'defect'], value: true }]);
    expect(applyAll(fullSaveOf(state, fields), patches as DraftPatch[])).toEqual(
      fullSaveOf(state, [{ defect: true }]),
    );
  });
});
