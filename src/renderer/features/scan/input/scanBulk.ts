/**
 * Many SNs at once, through the same queue as scans (so they land after every scan already submitted and
 * are checked against the journal too): a pasted list, one SN per line, or SN groups from the Excel import.
 */
import type { ScanController } from '../controller/scanController';
import { normalizeScannedValue } from '../model/normalizeCode';
import type { ScanTone } from '../model/scanResult';
import type { ScanState } from '../model/scanData';
import { bulkAddSns } from '../model/scanState';
import { addLine } from '../model/scanLineEdits';

export interface SnGroup {
  /** The line the SNs belong to; null puts them on the active line. */
  readonly specNo: string | null;
  readonly sns: readonly string[];
}

interface Tally {
  added: number;
  duplicates: number;
  invalid: number;
  refused: number;
}

function toneOf(tally: Tally): ScanTone {
  if (tally.invalid + tally.refused > 0) return 'error';
  if (tally.duplicates > 0) return 'duplicate';
  return tally.added > 0 ? 'success' : 'none';
}

export function summaryText(tally: Tally): string {
  return `已添加 ${tally.added} 个，重复 ${tally.duplicates} 个，无效 ${tally.invalid} 个，其他未添加 ${tally.refused} 个`;
}

function valuesOf(sns: readonly string[]): string[] {
  return sns.map(normalizeScannedValue).filter((sn) => sn !== '');
}

/** Adds every group in one edit; resolves with the tally once applied. */
export function addSnGroups(
  controller: ScanController,
  groups: readonly SnGroup[],
  options: { readonly line?: number; readonly label?: string } = {},
): Promise<Tally> {
  const tally: Tally = { added: 0, duplicates: 0, invalid: 0, refused: 0 };
  const values = groups.flatMap((group) => valuesOf(group.sns));
  return controller
    .edit(values, (start, ctx) => {
      let state: ScanState = start;
      for (const group of groups) {
        let line = options.line;
        if (group.specNo !== null) {
          const found = state.lines.findIndex((candidate) => candidate.specNo === group.specNo);
          if (found >= 0) line = found;
          else ({ state, line } = addLine(state, group.specNo, ctx.requiredFor?.(group.specNo) ?? null));
        }
        const result = bulkAddSns(state, group.sns.join('\n'), ctx, {
          settings: controller.settings,
          ...(line !== undefined ? { line } : {}),
        });
        state = result.state;
        tally.added += result.summary.added;
        tally.duplicates += result.summary.duplicates;
        tally.invalid += result.summary.invalid;
        tally.refused += result.summary.refused;
      }
      return { state, tone: toneOf(tally), message: `${options.label ?? '批量添加'}：${summaryText(tally)}` };
    })
    .then(() => tally);
}

/** A pasted block, one SN per line, into the active line (or `line`). */
export function pasteSns(controller: ScanController, text: string, line?: number): Promise<Tally> {
  return addSnGroups(controller, [{ specNo: null, sns: text.split(/\r\n|\n|\r/) }], {
    label: '粘贴SN',
    ...(line !== undefined ? { line } : {}),
  });
}
