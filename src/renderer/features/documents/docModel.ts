/**
 * The document screen's data as plain values: a fresh draft from the spec, the draft file's shape (and
 * reading it back defensively: a draft written by an older version or a torn file must not break the
 * screen), and what is validated and sent.
 */
import type { DocumentDraft, DocumentSpec, Problem, RawRecord, RawValue } from '../../../shared/spec';
import { validateDocument, type ValidationResult } from '../../../shared/validate';
import type { WdtBridge } from '../../../shared/ipc';
import { withDefaultExternalNo } from './externalNo';
import { trimTrailingEmptyRows, type GridRow } from './gridOps';

export const DRAFT_VERSION = 1;

export interface DocDraftData {
  readonly version: typeof DRAFT_VERSION;
  readonly header: RawRecord;
  readonly lines: readonly GridRow[];
  /** Where the user was, so a restart puts the cursor back. */
  readonly activeCell?: { readonly row: number; readonly col: number };
}

export function initialHeader(spec: DocumentSpec): RawRecord {
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

function isRawValue(value: unknown): value is RawValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    (Array.isArray(value) && value.every((item) => typeof item === 'string'))
  );
}

function readRecord(value: unknown): RawRecord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record: Record<string, RawValue> = {};
  for (const [key, item] of Object.entries(value)) if (isRawValue(item)) record[key] = item;
  return record;
}

/** Reads a saved draft; anything unreadable yields undefined and the screen starts fresh. */
export function readDraftData(data: unknown): DocDraftData | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { version, header, lines, activeCell } = data as Record<string, unknown>;
  if (version !== DRAFT_VERSION || !Array.isArray(lines)) return undefined;
  const headerRecord = readRecord(header);
  if (headerRecord === undefined) return undefined;
  const rows = lines.map(readRecord).filter((row): row is RawRecord => row !== undefined);
  const cell = readRecord(activeCell);
  const row = cell?.row;
  const col = cell?.col;
  return {
    version: DRAFT_VERSION,
    header: headerRecord,
    lines: rows.length > 0 ? rows : [{}],
    ...(typeof row === 'number' && typeof col === 'number' && row >= 0 && col >= 0
      ? { activeCell: { row: Math.min(row, Math.max(0, rows.length - 1)), col } }
      : {}),
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

type SubmitInput = Parameters<WdtBridge['submitDocument']>[0];
export type WireDraft = SubmitInput['draft'];
type WireRecord = WireDraft['header'];
export type DraftJson = Parameters<WdtBridge['saveDraft']>[0]['data'];

/** The contract's shape, absent values left out (JSON has no undefined). */
function toWireRecord(record: RawRecord): WireRecord {
  const wire: Record<string, RawValue> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) wire[key] = value;
  return wire;
}

export function toWireDraft(draft: DocumentDraft): WireDraft {
  return { header: toWireRecord(draft.header), lines: draft.lines.map(toWireRecord) };
}

export function draftToJson(data: DocDraftData): DraftJson {
  return {
    version: data.version,
    header: toWireRecord(data.header) as DraftJson,
    lines: data.lines.map((line) => toWireRecord(line) as DraftJson),
    ...(data.activeCell ? { activeCell: { row: data.activeCell.row, col: data.activeCell.col } } : {}),
  };
}
