/**
 * Which fields of a document carry serial numbers, read from its spec (fields of kind 'snList'), and the SNs
 * a sent argument array holds. The sent-SN guard (the journal's index of SNs already created, which the scan
 * views' 已发送 refusal asks) finds SNs only through here, so a new document whose lines have an snList field
 * is guarded with no other change.
 */
import { linesOfArgs } from '../args';
import type { DocumentSpec, FieldSpec } from '../spec';

const fieldsBySpec = new WeakMap<DocumentSpec, readonly FieldSpec[]>();

/** The line fields of `spec` that hold SNs, in the spec's order; empty for a document without SNs. */
export function snLineFields(spec: DocumentSpec): readonly FieldSpec[] {
  let fields = fieldsBySpec.get(spec);
  if (fields === undefined) {
    fields = spec.lines.filter((field) => field.type.kind === 'snList');
    fieldsBySpec.set(spec, fields);
  }
  return fields;
}

/** Whether documents of `spec` send SNs, and so come under the sent-SN guard. */
export function carriesSns(spec: DocumentSpec): boolean {
  return snLineFields(spec).length > 0;
}

/**
 * The SNs in `args`, a vendor-shaped argument array of `spec` (a journaled body, parsed), trimmed and in
 * line order; blanks are dropped. Either wire form is read (one comma-joined String or a List<String>), so a
 * body stays readable whatever the spec's form was when it was sent. [] when `spec` carries no SNs or
 * `args` is not laid out as `spec` lays it out.
 */
export function snsInArgs(spec: DocumentSpec, args: unknown): string[] {
  const fields = snLineFields(spec);
  if (fields.length === 0) return [];
  const lines = linesOfArgs(spec, args);
  if (!Array.isArray(lines)) return [];
  const sns: string[] = [];
  for (const line of lines as unknown[]) {
    if (typeof line !== 'object' || line === null) continue;
    for (const field of fields) {
      const list: unknown = Reflect.get(line, field.key);
      const items: unknown[] = typeof list === 'string' ? list.split(',') : Array.isArray(list) ? list : [];
      for (const item of items) {
        if (typeof item !== 'string') continue;
        const sn = item.trim();
        if (sn !== '') sns.push(sn);
      }
    }
  }
  return sns;
}
