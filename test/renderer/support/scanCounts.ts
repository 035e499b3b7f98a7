import type { ScanState } from '../../../src/renderer/features/scan/model/scanData';

/** Every SN the state holds, over all its lines. */
export function totalSnCount(state: ScanState): number {
  return state.lines.reduce((sum, line) => sum + line.count, 0);
}
