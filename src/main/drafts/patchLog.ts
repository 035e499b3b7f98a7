/**
 * A draft's patch log: one JSON line per patchDraft call, appended and flushed, so saving a scan costs the
 * size of the change instead of the size of the draft. The log belongs to one generation of the draft's
 * base file (`<id>.<generation>.patches`); a full save starts a new generation and makes the old log
 * meaningless, so a log whose generation is not the base's is never applied. Once a log grows long
 * (compactionDue), the store folds it into a new base.
 *
 * Line format: {"t":"<ISO time>","p":[{"path":[…],"value":…},…]}\n
 */
import type { DraftPatch, DraftPatchPath } from '../../shared/draftPatch';
import { applyDraftPatch } from '../../shared/draftPatch';
import { parseJsonOrUndefined } from '../../shared/json';
import { writeAll } from '../files/checkedWrite';
import type { FileLayer, FileLayerHandle } from '../files/fileLayer';

const PATCH_LOG_EXTENSION = '.patches';
const NEWLINE = 0x0a;

/** A log of this many patch calls is folded into a new base (a full rewrite every few hundred scans). */
export const COMPACT_AFTER_PATCHES = 500;
/** …or once the log is this much larger than its base (or 1 MB for a small base), whichever comes first. */
const COMPACT_LOG_TO_BASE_RATIO = 2;
const COMPACT_LOG_MIN_BYTES = 1024 * 1024;

export function patchLogName(id: string, generation: number): string {
  return `${id}.${generation}${PATCH_LOG_EXTENSION}`;
}

/** The generation of a file named like patchLogName(id, …), or null for any other file. */
export function patchLogGeneration(id: string, fileName: string): number | null {
  const prefix = `${id}.`;
  if (!fileName.startsWith(prefix) || !fileName.endsWith(PATCH_LOG_EXTENSION)) return null;
  const digits = fileName.slice(prefix.length, -PATCH_LOG_EXTENSION.length);
  return /^\d{1,15}$/.test(digits) ? Number(digits) : null;
}

export function serializePatchLine(savedAt: string, patches: readonly DraftPatch[]): string {
  return `${JSON.stringify({ t: savedAt, p: patches })}\n`;
}

export interface SkippedPatch {
  /** 1-based line of the log. */
  readonly line: number;
  /**
   * torn-line: the last line was cut short (the app stopped while writing it; it was never confirmed).
   * unreadable-line: a line that is not a patch line. path-mismatch: the patch's path does not fit the data.
   */
  readonly reason: 'torn-line' | 'unreadable-line' | 'path-mismatch';
  readonly path?: DraftPatchPath;
}

function isPathKey(key: unknown): key is string | number {
  return typeof key === 'string' || (typeof key === 'number' && Number.isSafeInteger(key) && key >= 0);
}

function isPatch(value: unknown): value is DraftPatch {
  if (typeof value !== 'object' || value === null) return false;
  const { path } = value as { path?: unknown };
  return Array.isArray(path) && path.every(isPathKey) && 'value' in value;
}

/** A parsed log line, or null when it is not one. */
export function parsePatchLine(text: string): { savedAt: string; patches: readonly DraftPatch[] } | null {
  const value = parseJsonOrUndefined(text);
  if (typeof value !== 'object' || value === null) return null;
  const { t, p } = value as { t?: unknown; p?: unknown };
  if (typeof t !== 'string' || !Array.isArray(p) || !p.every(isPatch)) return null;
  return { savedAt: t, patches: p };
}

/**
 * Applies a log's lines to `data` in order. A line that cannot be read is skipped and reported (only the
 * last one can be torn by a crash, since every line is flushed before the next is written); so is a patch
 * whose path does not fit, and the rest of its line still applies.
 */
export function applyPatchLog(
  data: unknown,
  text: string,
): { data: unknown; savedAt: string | null; applied: number; skipped: SkippedPatch[] } {
  const lines = text.split('\n');
  const complete = text.endsWith('\n') || text === '';
  if (lines[lines.length - 1] === '') lines.pop();
  let merged = data;
  let savedAt: string | null = null;
  let applied = 0;
  const skipped: SkippedPatch[] = [];
  lines.forEach((lineText, index) => {
    const line = index + 1;
    const parsed = parsePatchLine(lineText);
    if (parsed === null) {
      const torn = !complete && index === lines.length - 1;
      skipped.push({ line, reason: torn ? 'torn-line' : 'unreadable-line' });
      return;
    }
    for (const patch of parsed.patches) {
      const result = applyDraftPatch(merged, patch);
      if (result === null) skipped.push({ line, reason: 'path-mismatch', path: patch.path });
      else merged = result.data;
    }
    savedAt = parsed.savedAt;
    applied++;
  });
  return { data: merged, savedAt, applied, skipped };
}

export interface OpenPatchLog {
  readonly handle: FileLayerHandle;
  /** Size of the log, all of it whole lines. */
  bytes: number;
  /** Lines (patchDraft calls) in the log. */
  lines: number;
}

/**
 * Opens (creating if missing) a log for appending. A last line cut short by a crash is removed first, or
 * finished with its newline when it is in fact complete, so the next line starts on a line of its own
 * and the log reads the same before and after.
 */
export async function openPatchLogForAppend(
  fs: FileLayer,
  path: string,
): Promise<{ log: OpenPatchLog; created: boolean }> {
  const handle = await fs.open(path, 'a+');
  try {
    const content = await handle.readFile();
    let bytes = content.length;
    let finishedTail = false;
    if (bytes > 0 && content[bytes - 1] !== NEWLINE) {
      const lastNewline = content.lastIndexOf(NEWLINE);
      const tail = content.subarray(lastNewline + 1).toString('utf8');
      if (parsePatchLine(tail) !== null) {
        await writeAll(handle, Buffer.from('\n'));
        bytes += 1;
        finishedTail = true;
      } else {
        bytes = lastNewline + 1;
        await handle.truncate(bytes);
      }
      await handle.datasync();
    }
    let lines = finishedTail ? 1 : 0;
    for (let at = content.indexOf(NEWLINE); at >= 0 && at < bytes; at = content.indexOf(NEWLINE, at + 1)) {
      lines++;
    }
    return { log: { handle, bytes, lines }, created: content.length === 0 };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Whether the log has grown enough to be folded into a new base (see COMPACT_AFTER_PATCHES). */
export function compactionDue(baseBytes: number, log: OpenPatchLog): boolean {
  return (
    log.lines >= COMPACT_AFTER_PATCHES ||
    log.bytes > Math.max(baseBytes * COMPACT_LOG_TO_BASE_RATIO, COMPACT_LOG_MIN_BYTES)
  );
}
