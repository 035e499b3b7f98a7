import { describe, expect, it } from 'vitest';
import { parseScanState } from '../../../../../src/renderer/features/scan/persistence/scanDraft';
import type { ScanState } from '../../../../../src/renderer/features/scan/model/scanData';
import { applyScan, createScanState } from '../../../../../src/renderer/features/scan/model/scanState';
import {
  findSn,
  isTypedSn,
  setExpectedList,
} from '../../../../../src/renderer/features/scan/model/scanLineEdits';

function build(): ScanState {
  let state = setExpectedList(
    createScanState([
      { specNo: 'A', required: 700 },
      { specNo: 'B', required: null },
    ]),
    null,
  );
  for (let i = 0; i < 600; i++) state = applyScan(state, `R${i}`, i % 7 === 0 ? 'typed' : 'scanner').state;
  state = applyScan(state, 'B', 'scanner').state;
  state = applyScan(state, 'RB1', 'scanner').state;
  return state;
}

describe('draft round trip', () => {
  it('restores the state and rebuilds the index, so duplicates are still refused after a restart', () => {
    const original = build();
    const restored = parseScanState(JSON.parse(JSON.stringify(original)) as unknown);
    if (!restored.ok) throw new Error(restored.error.message);
    const state = restored.value;
    expect(state).toEqual(original);
    expect(findSn(state, 'R599')).toEqual({ line: 0, position: 599 });
    expect(isTypedSn(state, 'R7')).toBe(true);
    expect(applyScan(state, 'R10', 'scanner').result).toMatchObject({
      kind: 'duplicate-in-document',
      message: 'SN 重复：已在第1行 第11个',
    });
    expect(applyScan(state, 'RB3', 'scanner').result).toMatchObject({
      kind: 'accepted',
      line: 1,
      position: 1,
    });
  });

  it('recomputes counts, and refuses broken or duplicated drafts', () => {
    const miscounted = parseScanState({
      version: 1,
      lines: [{ specNo: 'A', required: null, sns: [['F1'], ['F2']], count: 99 }],
      activeLine: 0,
      expected: null,
    });
    expect(miscounted.ok && miscounted.value.lines[0]?.count).toBe(2);
    // SNs are saved in chunks; a flat list is not a shape the scan view writes.
    expect(parseScanState({ version: 1, lines: [{ specNo: 'A', required: null, sns: ['F1'] }] }).ok).toBe(
      false,
    );
    const duplicated = parseScanState({
      version: 1,
      lines: [
        { specNo: 'A', required: null, sns: [['F1']] },
        { specNo: 'B', required: null, sns: [['F1']] },
      ],
    });
    expect(duplicated.ok).toBe(false);
    expect(parseScanState({ version: 2, lines: [] }).ok).toBe(false);
    expect(parseScanState({ version: 1, lines: [{ specNo: 'A', required: -1, sns: [] }] }).ok).toBe(false);
  });
});
