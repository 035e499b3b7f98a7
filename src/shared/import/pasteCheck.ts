/**
 * A paste that put values into the wrong kind of column: text in a number column (a name where 数量 was
 * meant), or a number in a free-text column (a price landing in 采购单位 because the block went by
 * position). Neither is refused (the validator has its say later); the user is told at once and can undo.
 */
import type { FieldSpec } from '../spec';
import { readTypedNumber } from '../typedValues';

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

type Written = Readonly<Record<string, string>>;

function isNumberField(field: FieldSpec): boolean {
  return field.type.kind === 'int' || field.type.kind === 'decimal';
}

function isFreeText(field: FieldSpec): boolean {
  const type = field.type;
  return type.kind === 'string' && field.code !== true && type.format === undefined && type.dateLike !== true;
}

/** One Chinese sentence per column that received the wrong kind of value; empty when all looks right. */
export function pasteTypeWarnings(fields: readonly FieldSpec[], written: readonly Written[]): string[] {
  const warnings: string[] = [];
  for (const field of fields) {
    let count = 0;
    for (const record of written) {
      const text = record[field.key]?.trim() ?? '';
      if (text === '') continue;
      const numeric = NUMBER.test(readTypedNumber(text));
      if ((isNumberField(field) && !numeric) || (isFreeText(field) && numeric)) count += 1;
    }
    if (count === 0) continue;
    warnings.push(
      isNumberField(field)
        ? `「${field.label}」列有 ${count} 个单元格不是数字`
        : `「${field.label}」列有 ${count} 个单元格是数字，可能粘贴错了列`,
    );
  }
  return warnings;
}

/** What a block pasted by position writes, keyed by field key, for the check above. */
export function positionalRecords(
  columnKeys: readonly string[],
  startColumn: number,
  block: readonly (readonly string[])[],
): Written[] {
  return block.map((cells) => {
    const record: Record<string, string> = {};
    cells.forEach((text, offset) => {
      const key = columnKeys[startColumn + offset];
      if (key !== undefined) record[key] = text;
    });
    return record;
  });
}
