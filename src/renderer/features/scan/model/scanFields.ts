/**
 * The line fields a scan reads and writes, found in the document's spec instead of by name, so a new
 * document with SNs gets scanning from its spec alone: the SN list by its kind (shared/documents/
 * snFields.ts), the product code by its catalog kind, the quantity and the defect flag from the spec's
 * line identity, and the per-line SN switch by its marker. Resolved once per spec; a scan only reads them.
 */
import { snLineFields } from '../../../../shared/documents/snFields';
import { productField } from '../../../../shared/import/columns';
import type { DocumentSpec } from '../../../../shared/spec';

export interface ScanFields {
  /** The SN list the scans are written into. */
  readonly sn: string;
  /** The product code (商家编码) a line is for. */
  readonly product: string;
  /** The line's quantity, where the document has one. */
  readonly quantity?: string;
  /** The line's 0/1 switch for its SNs (是否开启序列号), where the document has one. */
  readonly snSwitch?: string;
  /** The boolean among the fields that tell stock apart (是否残次品), shown beside each scanned line. */
  readonly defect?: string;
}

/**
 * How scanning plugs into a document: 'lines' scans the whole lines area (product code, then its SNs);
 * 'per-line' scans the SNs of one line at a time, for documents that keep a quantity and an SN switch per
 * line; null for a document without both an SN list and a product code.
 */
type ScanKind = 'lines' | 'per-line' | null;

const cache = new WeakMap<DocumentSpec, ScanFields | null>();

function resolve(spec: DocumentSpec): ScanFields | null {
  const sn = snLineFields(spec)[0];
  const product = productField(spec);
  if (sn === undefined || product === undefined) return null;
  const quantity = spec.lineIdentity.quantity?.key;
  const snSwitch = spec.lines.find((field) => field.snSwitch === true)?.key;
  const defect = spec.lineIdentity.fields.find((field) => field.type.kind === 'boolean')?.key;
  return {
    sn: sn.key,
    product: product.key,
    ...(quantity !== undefined ? { quantity } : {}),
    ...(snSwitch !== undefined ? { snSwitch } : {}),
    ...(defect !== undefined ? { defect } : {}),
  };
}

/** The scan's fields of `spec`, or null when its lines cannot be scanned into. */
export function scanFieldsOf(spec: DocumentSpec): ScanFields | null {
  let fields = cache.get(spec);
  if (fields === undefined) {
    fields = resolve(spec);
    cache.set(spec, fields);
  }
  return fields;
}

export function scanKindOf(spec: DocumentSpec): ScanKind {
  const fields = scanFieldsOf(spec);
  if (fields === null) return null;
  return isPerLine(fields) ? 'per-line' : 'lines';
}

/** The scan's fields of a document the caller knows to be scannable (its scan kind is not null). */
export function requireScanFields(spec: DocumentSpec): ScanFields {
  const fields = scanFieldsOf(spec);
  if (fields === null) throw new Error(`${spec.method} has no SN list and product code to scan into`);
  return fields;
}

/** The fields of a 'per-line' document: a quantity and an SN switch on every line. */
export type PerLineFields = ScanFields & { readonly quantity: string; readonly snSwitch: string };

function isPerLine(fields: ScanFields | null): fields is PerLineFields {
  return fields?.quantity !== undefined && fields.snSwitch !== undefined;
}

/** The fields of `spec` when it is a 'per-line' document, else null. */
export function perLineFieldsOf(spec: DocumentSpec): PerLineFields | null {
  const fields = scanFieldsOf(spec);
  return isPerLine(fields) ? fields : null;
}

/** The fields of a document the caller knows to be 'per-line'. */
export function requirePerLineFields(spec: DocumentSpec): PerLineFields {
  const fields = perLineFieldsOf(spec);
  if (fields === null) throw new Error(`${spec.method} has no quantity and SN switch per line`);
  return fields;
}
