/**
 * Which columns an import expects: for detail lines, the spec's line fields; for SN lists, the product code
 * and one SN column. Each is found by its Chinese label, its field key or any of the field's other words
 * (FieldSpec.words: 商家编码, 数量, SN码…), the same names a paste with a header row is mapped by.
 */
import type { DocumentSpec, FieldSpec } from '../spec';

export interface ColumnTarget {
  readonly field: FieldSpec;
  /** Header texts that name this column (compared after headerKey()). */
  readonly names: readonly string[];
  /** Whether the import cannot work without this column. */
  readonly required: boolean;
}

export const SN_COLUMN_KEY = 'sn';

/** Every name a column of this field may carry: the page's label, the field key, then the other words. */
export function fieldNames(field: FieldSpec): readonly string[] {
  return [field.label, field.key, ...(field.words ?? [])];
}

export function lineColumns(spec: DocumentSpec): readonly ColumnTarget[] {
  return spec.lines.map((field) => ({ field, names: fieldNames(field), required: field.required }));
}

/** The SN list field of the lines, if the document has one. */
export function snListField(spec: DocumentSpec): FieldSpec | undefined {
  return spec.lines.find((field) => field.type.kind === 'snList');
}

/** The lines' product code (商家编码): the field the spec marks as a catalog spec code. */
export function productField(spec: DocumentSpec): FieldSpec | undefined {
  return spec.lines.find((field) => field.catalog === 'spec');
}

/** Undefined when the document has no SN list to import into. */
export function snColumns(spec: DocumentSpec): readonly ColumnTarget[] | undefined {
  const snList = snListField(spec);
  const product = productField(spec);
  if (snList === undefined || product === undefined) return undefined;
  const snField: FieldSpec = {
    ...snList,
    key: SN_COLUMN_KEY,
    label: '序列号',
    required: true,
    code: true,
  };
  return [
    {
      field: { ...product, required: false },
      names: fieldNames(product),
      required: false,
    },
    { field: snField, names: [SN_COLUMN_KEY, ...fieldNames(snList)], required: true },
  ];
}
