import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  importSpreadsheet,
  type ColumnChoices,
  type ImportOutcome,
  type ImportTarget,
  type LineQuantity,
} from '../../../src/shared/import';
import type { DocumentSpec } from '../../../src/shared/spec';

export const fixtureDir = join(import.meta.dirname, '..', '..', 'fixtures', 'import');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixtureDir, name)));
}

export function importBytes(
  spec: DocumentSpec,
  bytes: Uint8Array,
  fileName: string,
  target: ImportTarget = 'lines',
  lineQuantities?: readonly LineQuantity[],
  choices?: ColumnChoices,
): Promise<ImportOutcome> {
  return importSpreadsheet({ bytes, fileName, spec, target, lineQuantities, choices });
}

export function importFixture(
  spec: DocumentSpec,
  name: string,
  target: ImportTarget = 'lines',
  lineQuantities?: readonly LineQuantity[],
  choices?: ColumnChoices,
): Promise<ImportOutcome> {
  return importBytes(spec, fixture(name), name, target, lineQuantities, choices);
}

/** The value, or a failed test saying what was missing. */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`missing ${what}`);
  return value;
}
