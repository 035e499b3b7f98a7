/**
 * Imported rows in the shape the vendor method receives them (what `wdt import` prints): the lines exactly
 * as buildArgs would put them in the request, SN groups as the spec's SN list field travels.
 */
import { buildArgs } from '../args';
import type { DocumentSpec } from '../spec';
import { productField, snListField } from './columns';
import type { ImportedLine, SnGroup } from './types';

export function wireLines(spec: DocumentSpec, lines: readonly ImportedLine[]): unknown[] {
  const args = buildArgs(spec, { header: {}, lines: lines.map((line) => line.clean) });
  const wire = spec.linesNested ? (args[0] as Record<string, unknown>)[spec.linesArg] : args[1];
  return Array.isArray(wire) ? wire : [];
}

export function wireSnGroups(spec: DocumentSpec, groups: readonly SnGroup[]): Record<string, unknown>[] {
  const snList = snListField(spec);
  const product = productField(spec);
  if (snList === undefined || product === undefined) return [];
  const joined = snList.type.kind === 'snList' && snList.type.wire === 'comma';
  return groups.map((group) => ({
    ...(group.specNo === null ? {} : { [product.key]: group.specNo }),
    [snList.key]: joined ? group.sns.join(',') : [...group.sns],
  }));
}
