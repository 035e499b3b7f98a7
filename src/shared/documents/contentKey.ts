/**
 * The duplicate key of a document without an external number: its content, in a form that does not depend
 * on the order of its lines (a document resent with its lines reordered is the same document to the ERP's
 * stock, so it must still ask for confirmation). Object keys are sorted at every level, lines are sorted
 * by their canonical JSON.
 *
 * Keys already in the journal were written with the lines in the order typed. They stay as written on disk;
 * `matchingKey` brings any content key, old or new, to the order-independent form for comparison, so a
 * resend of an old document is recognised whatever order its lines are in now.
 */
import type { NormalizedDocument } from '../spec';
import { canonicalJson } from './canonicalJson';

const PREFIX = 'content:';

function orderIndependent(doc: { readonly header: unknown; readonly lines: readonly unknown[] }): string {
  const lines = doc.lines.map((line) => canonicalJson(line)).sort();
  // The lines are spliced in as canonical texts; everything else is canonical JSON too.
  return `${PREFIX}{"header":${canonicalJson(doc.header)},"lines":[${lines.join(',')}]}`;
}

export function contentKey(doc: NormalizedDocument): string {
  return orderIndependent(doc);
}

/**
 * The key to compare duplicates by: a content key in its order-independent form; any other key (an
 * external number, an SN list) unchanged. A content key that cannot be read is compared as written.
 */
export function matchingKey(businessKey: string): string {
  if (!businessKey.startsWith(PREFIX)) return businessKey;
  let parsed: unknown;
  try {
    parsed = JSON.parse(businessKey.slice(PREFIX.length));
  } catch {
    return businessKey;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return businessKey;
  const { header, lines, ...rest } = parsed as Record<string, unknown>;
  if (!Array.isArray(lines) || Object.keys(rest).length > 0 || header === undefined) return businessKey;
  return orderIndependent({ header, lines });
}
