/**
 * The serial numbers a journaled submission sent, read from its body by the spec of its method: a document
 * whose lines have a field of kind 'snList' carries SNs (shared/documents/snFields.ts), in whichever argument
 * its spec puts the lines. The SN index (snIndex.ts) keeps those of created submissions, and the scanner,
 * through it, refuses an SN that an earlier submission already created.
 */
import { getSpec } from '../../shared/documents';
import { carriesSns, snLineFields, snsInArgs } from '../../shared/documents/snFields';
import type { DocumentSpec } from '../../shared/spec';
import { parseJsonOrUndefined } from '../../shared/json';

/** The SNs in `body` (the JSON argument array) for a method that carries SNs; [] for anything else. */
export function extractSns(method: string, body: string): string[] {
  const spec = getSpec(method);
  if (spec === undefined || !carriesSns(spec)) return [];
  return snsInArgs(spec, parseJsonOrUndefined(body));
}

const keyBytesBySpec = new WeakMap<DocumentSpec, readonly Buffer[]>();

/**
 * A cheap first look at a journaled body, as the bytes of the line hold it, for opening the journal, where
 * parsing every body would dominate start-up: false means the body certainly holds no SNs (its method
 * carries none, or no SN field's name appears in it); true means extractSns must tell.
 */
export function mayHoldSns(method: string, body: Buffer): boolean {
  const spec = getSpec(method);
  if (spec === undefined || !carriesSns(spec)) return false;
  let keys = keyBytesBySpec.get(spec);
  if (keys === undefined) {
    keys = snLineFields(spec).map((field) => Buffer.from(field.key));
    keyBytesBySpec.set(spec, keys);
  }
  return keys.some((key) => body.indexOf(key) !== -1);
}
