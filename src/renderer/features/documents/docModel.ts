/**
 * The document screen's data as plain values: a fresh draft from the spec (the saved shape is in
 * drafts/documentDraftFile.ts), and what is validated and sent.
 */
import type { DocumentDraft, DocumentSpec, Problem, RawRecord, RawValue } from '../../../shared/spec';
import { validateDocument, type ValidationResult } from '../../../shared/validate';
import type { WdtBridge } from '../../../shared/ipc';
import { DRAFT_VERSION, toWireRecord, type DocDraftData } from '../../drafts/documentDraftFile';
import { withDefaultExternalNo } from './externalNo';
import { trimTrailingEmptyRows, type GridRow } from './gridOps';

function initialHeader(spec: DocumentSpec): RawRecord {
  const header: Record<string, RawValue> = {};
  for (const field of [...spec.header, ...spec.positional]) {
    if (field.initial !== undefined) header[field.key] = field.initial;
  }
  return header;
}

/** A new document: documented defaults, and a generated external number where that is the default. */
export function freshDraft(
  spec: DocumentSpec,
  now: Date = new Date(),
  random: () => number = Math.random,
): DocDraftData {
  return {
    version: DRAFT_VERSION,
    header: withDefaultExternalNo(spec, initialHeader(spec), now, random),
    lines: [{}],
  };
}

/** What is validated and sent: the grid without its trailing empty rows, blank cells left out. */
export function toSubmitDraft(header: RawRecord, lines: readonly GridRow[]): DocumentDraft {
  return { header: withoutBlanks(header), lines: trimTrailingEmptyRows(lines).map(withoutBlanks) };
}

function withoutBlanks(record: RawRecord): RawRecord {
  const clean: Record<string, RawValue> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === null || value === '') continue;
    clean[key] = value;
  }
  return clean;
}

export function validateForScreen(
  spec: DocumentSpec,
  header: RawRecord,
  lines: readonly GridRow[],
): ValidationResult {
  return validateDocument(spec, toSubmitDraft(header, lines));
}

export function errorCount(problems: readonly Problem[]): number {
  return problems.filter((problem) => problem.severity === 'error').length;
}

type WireDraft = Parameters<WdtBridge['submitDocument']>[0]['draft'];

export function toWireDraft(draft: DocumentDraft): WireDraft {
  return { header: toWireRecord(draft.header), lines: draft.lines.map(toWireRecord) };
}
