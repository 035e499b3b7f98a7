/**
 * What a block pasted into the detail grid does: placed by its header row when it starts with one (the same
 * names an import maps by), otherwise by position from the active cell, as Excel pastes. The outcome says
 * what happened in one sentence and whether it looks wrong (unknown headers, text in a number column, a
 * number in a text column), so the grid can warn and offer 撤销. Pure, so it is tested without a screen.
 */
import { headedRecords, readPastedHeader } from '../../../shared/import/pastedHeader';
import { pasteTypeWarnings, positionalRecords } from '../../../shared/import/pasteCheck';
import type { FieldSpec } from '../../../shared/spec';
import { pasteBlock, pasteRecords, type CellAddress, type GridRow } from './gridOps';

interface PasteOutcome {
  readonly lines: GridRow[];
  /** For the notice: what was pasted and anything that looks wrong. */
  readonly message: string;
  /** True when something looks wrong: the notice is a warning and offers 撤销. */
  readonly suspicious: boolean;
  /** Whether anything at all is worth telling (a one-cell paste is not). */
  readonly worthTelling: boolean;
}

export function pasteIntoGrid(
  fields: readonly FieldSpec[],
  lines: readonly GridRow[],
  active: CellAddress,
  block: readonly (readonly string[])[],
): PasteOutcome {
  const headed = readPastedHeader(fields, block);
  if (headed !== undefined) {
    const records = headedRecords(headed);
    const result = pasteRecords(lines, active.row, records);
    const problems = [
      ...(headed.unknown.length > 0 ? [`未识别的表头（已忽略）：${headed.unknown.join('、')}`] : []),
      ...(headed.repeated.length > 0 ? [`重复的列（已忽略）：${headed.repeated.join('、')}`] : []),
      ...pasteTypeWarnings(fields, records),
    ];
    const added = result.rowsAdded > 0 ? `（新增 ${result.rowsAdded} 行）` : '';
    return {
      lines: result.lines,
      message: [`已按表头粘贴 ${records.length} 行${added}，表头行未作为明细`, ...problems].join('；'),
      suspicious: problems.length > 0,
      worthTelling: true,
    };
  }

  const columnKeys = fields.map((field) => field.key);
  const result = pasteBlock(lines, columnKeys, active, block);
  const problems = [
    ...(result.cellsDropped > 0 ? [`超出最后一列的 ${result.cellsDropped} 个单元格未粘贴`] : []),
    ...pasteTypeWarnings(fields, positionalRecords(columnKeys, active.col, block)),
  ];
  const added = result.rowsAdded > 0 ? `（新增 ${result.rowsAdded} 行）` : '';
  return {
    lines: result.lines,
    message: [`已粘贴 ${block.length} 行${added}`, ...problems].join('；'),
    suspicious: problems.length > 0,
    worthTelling: block.length > 1 || problems.length > 0,
  };
}
