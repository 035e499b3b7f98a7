/**
 * How a field's raw value is shown and typed: enum codes with their Chinese label, yes/no in Chinese, SN
 * lists as a count. The grid and the header form share these so a value looks the same everywhere.
 */
import type { FieldSpec, RawValue } from '../../../shared/spec';
import { enumOptionText } from '../../../shared/validate';
import { splitSns } from './gridOps';

/** The text an input holds for a raw value (what the user typed or pasted, or a restored value). */
export function editText(value: RawValue): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('\n');
  return String(value);
}

/** The text a cell shows when it is not being edited. */
export function displayText(field: FieldSpec, value: RawValue): string {
  const type = field.type;
  if (type.kind === 'snList') {
    const count = splitSns(value).length;
    return count === 0 ? '' : `${count} 个`;
  }
  const text = editText(value).trim();
  if (text === '') return '';
  if (type.kind === 'enum') {
    const option = type.options.find(
      (candidate) => String(candidate.value) === text || candidate.label === text,
    );
    return option ? enumOptionText(option) : text;
  }
  if (type.kind === 'boolean' || type.kind === 'flag') {
    const word = text.toLowerCase();
    if (word === 'true' || word === '1' || word === '是') return '是';
    if (word === 'false' || word === '0' || word === '否') return '否';
  }
  return text;
}

/** Suggestions offered while typing in an enum or yes/no cell; each is accepted by the validator. */
export function suggestionsFor(field: FieldSpec): readonly string[] {
  const type = field.type;
  if (type.kind === 'enum') return type.options.map(enumOptionText);
  if (type.kind === 'boolean' || type.kind === 'flag') return ['是', '否'];
  return [];
}

/** Column width in pixels, from the field's type and length: dense but readable at 1366 px. */
export function columnWidth(field: FieldSpec): number {
  const type = field.type;
  switch (type.kind) {
    case 'int':
    case 'decimal':
      return 96;
    case 'boolean':
    case 'flag':
      return 80;
    case 'enum':
      return 150;
    case 'snList':
      return 110;
    case 'string':
      if (type.format === 'datetime') return 160;
      if (type.maxLength !== undefined && type.maxLength > 100) return 200;
      // A catalog code shows its name beside it in the same cell (issue #14).
      if (field.catalog === 'spec') return 320;
      return field.code ? 160 : 130;
  }
}

/** The format hint for text fields that must follow one, shown as placeholder and under the field. */
export function formatHint(field: FieldSpec): string | undefined {
  if (field.type.kind !== 'string') return undefined;
  if (field.type.format === 'datetime') return 'yyyy-MM-dd HH:mm:ss';
  if (field.type.format === 'date' || field.type.dateLike === true) return 'yyyy-MM-dd';
  return undefined;
}

/** The quantity column whose total the toolbar shows ('num' on every vendor page that has one). */
export function quantityField(fields: readonly FieldSpec[]): FieldSpec | undefined {
  return fields.find((field) => field.key === 'num');
}

/** DOM ids for problem clicks to find a header control. */
export function headerControlId(method: string, key: string): string {
  return `hdr-${method.replace(/[^A-Za-z0-9_-]/g, '-')}-${key}`;
}
