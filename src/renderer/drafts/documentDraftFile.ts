/**
 * A document screen's draft as it is saved: its header, grid and cursor, converted to the contract's JSON
 * and read back defensively (a draft written by an older version or a torn file must not break the screen).
 */
import type { RawRecord, RawValue } from '../../shared/spec';
import type { WdtBridge } from '../../shared/ipc';

export const DRAFT_VERSION = 1;

export interface DocDraftData {
  readonly version: typeof DRAFT_VERSION;
  readonly header: RawRecord;
  readonly lines: readonly RawRecord[];
  /** Where the user was, so a restart puts the cursor back. */
  readonly activeCell?: { readonly row: number; readonly col: number };
}

/** Any draft's content as the contract carries it (document drafts and scan drafts alike). */
export type DraftJson = Parameters<WdtBridge['saveDraft']>[0]['data'];

type WireRecord = Parameters<WdtBridge['submitDocument']>[0]['draft']['header'];

/** The contract's shape, absent values left out (JSON has no undefined). */
export function toWireRecord(record: RawRecord): WireRecord {
  const wire: Record<string, RawValue> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) wire[key] = value;
  return wire;
}

export function draftToJson(data: DocDraftData): DraftJson {
  return {
    version: data.version,
    header: toWireRecord(data.header) as DraftJson,
    lines: data.lines.map((line) => toWireRecord(line) as DraftJson),
    ...(data.activeCell ? { activeCell: { row: data.activeCell.row, col: data.activeCell.col } } : {}),
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
