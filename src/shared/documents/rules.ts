/**
 * Building blocks for the specs' cross-field rules and business keys, shared by several vendor methods.
 */
import { canonicalJson } from './canonicalJson';
import { contentKey } from './contentKey';
import type { CleanValue, CrossRule, FieldSpec, NormalizedDocument, Problem, ProblemPath } from '../spec';

export function errorAt(path: ProblemPath, message: string): Problem {
  return { path, message, severity: 'error' };
}

/** A notice: shown beside the errors, never stops the send. */
export function noticeAt(path: ProblemPath, message: string): Problem {
  return { path, message, severity: 'warning' };
}

export function lineField(row: number, field: string): ProblemPath {
  return { area: 'lines', row, field };
}

/** Rows as people count them in messages; paths stay 0-based. */
export function rowName(row: number): string {
  return `第${row + 1}行`;
}

/** The SN list of a normalized line (the only array a clean value can be). */
export function snsOf(value: CleanValue | undefined): readonly string[] | undefined {
  return typeof value === 'object' ? value : undefined;
}

/**
 * One physical unit cannot leave twice, so an SN on two rows is most likely a double scan. No vendor page
 * states a rule about it, so it is a notice: the ERP has the last word.
 */
export function snsUniqueAcrossLines(field: FieldSpec): CrossRule {
  return ({ lines }) => {
    const firstRow = new Map<string, number>();
    const problems: Problem[] = [];
    lines.forEach((line, row) => {
      const repeated = (snsOf(line[field.key]) ?? []).filter((sn) => firstRow.has(sn));
      for (const sn of snsOf(line[field.key]) ?? []) if (!firstRow.has(sn)) firstRow.set(sn, row);
      if (repeated.length > 0) {
        const sn = repeated[0] ?? '';
        const more = repeated.length > 1 ? ` 等${repeated.length}个序列号` : '';
        problems.push(
          noticeAt(
            lineField(row, field.key),
            `${field.label} 中序列号 "${sn}"${more} 与${rowName(firstRow.get(sn) ?? 0)}重复，请确认`,
          ),
        );
      }
    });
    return problems;
  };
}

/** For methods without an external number: the document itself, in any line order (contentKey.ts). */
export { contentKey };
export { canonicalJson };

/** The external number when the user gave one (the ERP refuses to reuse it), otherwise the content. */
export function externalNoOrContent(field: string): (doc: NormalizedDocument) => string {
  return (doc) => {
    const number = doc.header[field];
    return typeof number === 'string' ? `${field}:${number}` : contentKey(doc);
  };
}
