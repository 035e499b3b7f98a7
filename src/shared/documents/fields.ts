/**
 * Field factories for the document specs, so each vendor-page row reads as one line. Every property stays
 * visible at the call site (help is the vendor's own text, never derived from the label); the factories only
 * fix what a kind always is (Decimal(19,4), the type's `kind`) and default `required` to false.
 */
import type { CatalogKind } from '../catalog';
import type { FieldSpec, FieldType, PositiveRule } from '../spec';

interface FieldOptions {
  readonly required?: boolean;
  /** The vendor's description, verbatim. */
  readonly help: string;
  /** Identifier column: Excel reads it as displayed text. */
  readonly code?: boolean;
  /** Other words for the field in sheets and pastes (see FieldSpec.words; common ones are in words.ts). */
  readonly words?: readonly string[];
  /** What the code is in the local catalog (see FieldSpec.catalog). */
  readonly catalog?: CatalogKind;
  /** The line's switch for its SNs (see FieldSpec.snSwitch). */
  readonly snSwitch?: boolean;
}

/**
 * The object without its undefined properties, so an option left out is absent from the spec (as in a
 * hand-written literal) rather than present as `undefined`.
 */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/** The one place a FieldSpec is assembled, so every factory yields the same property order. */
function field(
  key: string,
  label: string,
  vendorType: string,
  type: FieldType,
  { required = false, help, code, words, catalog, snSwitch }: FieldOptions,
  initial?: FieldSpec['initial'],
): FieldSpec {
  // The label itself is always a name of the column; listing it again in words would only repeat it.
  const others = words?.filter((word) => word !== label);
  return withoutUndefined({
    key,
    label,
    vendorType,
    type,
    required,
    help,
    code,
    initial,
    words: others,
    catalog,
    snSwitch,
  });
}

interface TextOptions extends FieldOptions {
  readonly maxLength?: number;
  readonly format?: 'datetime' | 'date';
  /** A date the page types as String (有效期): see FieldType. */
  readonly dateLike?: boolean;
  readonly vendorType?: string;
}

export function text(key: string, label: string, options: TextOptions): FieldSpec {
  const { maxLength, format, dateLike, vendorType = 'String' } = options;
  const type = withoutUndefined({ kind: 'string', maxLength, format, dateLike } as const);
  return field(key, label, vendorType, type, options);
}

interface IntOptions extends FieldOptions {
  readonly maxDigits?: number;
  readonly positive?: PositiveRule;
  readonly vendorType?: string;
}

export function int(key: string, label: string, options: IntOptions): FieldSpec {
  const { maxDigits, positive, vendorType = 'Int' } = options;
  return field(key, label, vendorType, withoutUndefined({ kind: 'int', maxDigits, positive }), options);
}

/** Every decimal on the vendor pages is Decimal(19,4). */
export function decimal(
  key: string,
  label: string,
  options: FieldOptions & { readonly positive?: PositiveRule },
): FieldSpec {
  const { positive } = options;
  const type = withoutUndefined({ kind: 'decimal', precision: 19, scale: 4, positive } as const);
  return field(key, label, 'Decimal(19,4)', type, options);
}

/** JSON true/false; the pages spell the type "boolean" or "bool". */
export function bool(
  key: string,
  label: string,
  options: FieldOptions & { readonly vendorType?: string; readonly initial?: boolean },
): FieldSpec {
  const { vendorType = 'boolean', initial } = options;
  return field(key, label, vendorType, { kind: 'boolean' }, options, initial);
}

/** An Int that is 0 or 1. */
export function flag(
  key: string,
  label: string,
  options: FieldOptions & { readonly vendorType?: string },
): FieldSpec {
  return field(key, label, options.vendorType ?? 'Int', { kind: 'flag' }, options);
}

/**
 * An Int from the page's list, given as `values: { value: label }`. Integer keys iterate in ascending order,
 * which is the order every vendor page lists its values in. The values sit inside the options object (not
 * as [value, label] pairs in an argument of their own) so the formatter can keep a choice on a line or two.
 */
export function choice(
  key: string,
  label: string,
  options: FieldOptions & {
    readonly values: Readonly<Record<number, string>>;
    readonly vendorType?: string;
    readonly initial?: number;
  },
): FieldSpec {
  const { values, vendorType = 'Int', initial } = options;
  const type: FieldType = {
    kind: 'enum',
    options: Object.entries(values).map(([value, text]) => ({ value: Number(value), label: text })),
  };
  return field(key, label, vendorType, type, options, initial);
}

/** A list of serial numbers; `wire` says whether it travels as one comma-joined String or a List<String>. */
export function snList(
  key: string,
  label: string,
  wire: 'comma' | 'array',
  options: FieldOptions & { readonly vendorType: string },
): FieldSpec {
  return field(key, label, options.vendorType, { kind: 'snList', wire }, options);
}
