/**
 * A sent document read back from the exact body in the journal, as people read a form: header fields with
 * their Chinese labels and values (enum values by their names, flags as 是/否, SNs as a list), and the
 * lines as a table of the columns that hold anything. The log's detail, the printed receipt and the
 * export's line sheet all show this, so they can never disagree about what was sent.
 */
import { parseArgs } from './args';
import { getSpec } from './documents';
import { parseJsonOrUndefined } from './json';
import type { DocumentSpec, FieldSpec, RawValue } from './spec';

interface SentField {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

interface SentColumn {
  readonly key: string;
  readonly label: string;
}

export interface SentDocument {
  readonly spec: DocumentSpec;
  /** Header fields that were sent, in the spec's order (positional flags such as 是否审核 included). */
  readonly header: readonly SentField[];
  /** The line fields any line carries, in the spec's order. */
  readonly columns: readonly SentColumn[];
  /** One text per column, per line. */
  readonly lines: readonly (readonly string[])[];
}

/** A value as the receipt and the table show it. */
function fieldText(field: FieldSpec, value: RawValue): string {
  if (value === undefined || value === null) return '';
  const { type } = field;
  if (Array.isArray(value)) return value.join('，');
  if (type.kind === 'enum') {
    const option = type.options.find((candidate) => String(candidate.value) === String(value));
    return option === undefined ? String(value) : option.label;
  }
  if (type.kind === 'boolean' || type.kind === 'flag') {
    if (value === true || value === 1 || value === '1' || value === 'true') return '是';
    if (value === false || value === 0 || value === '0' || value === 'false') return '否';
  }
  if (type.kind === 'snList' && typeof value === 'string') return value.split(',').join('，');
  return String(value);
}

/** The document `body` carried, or null when the method is unknown or the body is not its argument array. */
export function readSentDocument(method: string, body: string): SentDocument | null {
  const spec = getSpec(method);
  const args = parseJsonOrUndefined(body);
  if (spec === undefined || !Array.isArray(args)) return null;
  const parsed = parseArgs(spec, args);
  if (!parsed.ok) return null;
  const { header, lines } = parsed.draft;
  const headerFields = [...spec.header, ...spec.positional].filter(
    (field, index, all) => all.findIndex((other) => other.key === field.key) === index,
  );
  const sentHeader = headerFields.flatMap((field) => {
    const value = fieldText(field, header[field.key]);
    return value === '' ? [] : [{ key: field.key, label: field.label, value }];
  });
  const used = spec.lines.filter((field) => lines.some((line) => fieldText(field, line[field.key]) !== ''));
  return {
    spec,
    header: sentHeader,
    columns: used.map((field) => ({ key: field.key, label: field.label })),
    lines: lines.map((line) => used.map((field) => fieldText(field, line[field.key]))),
  };
}
