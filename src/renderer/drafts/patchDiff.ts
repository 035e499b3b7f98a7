/**
 * The change between two versions of a draft as patches (src/shared/draftPatch.ts), so saving one scan
 * into a 20,000-SN draft sends the few values that changed instead of the whole draft.
 *
 * The drafts compared are immutable data where an unchanged part keeps its object (copy-on-write, like the
 * scan state), so identical references are skipped without looking inside: a scan costs a walk over the
 * references on the way to the one chunk it touched, not over every SN.
 */
import type { DraftPatch, DraftPatchPath, JsonValue } from '../../shared/draftPatch';

/** Past these, one full save is cheaper than the patches (and main's log stays small). */
export const MAX_PATCHES = 500;
const MAX_PATCH_BYTES = 64 * 1024;

class TooBig extends Error {}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class PatchList {
  readonly patches: DraftPatch[] = [];
  private bytes = 0;

  set(path: DraftPatchPath, value: unknown): void {
    // The whole draft changed: that is a full save, not a patch.
    if (path.length === 0) throw new TooBig();
    // JSON writes undefined as null inside an array (the only place a diff meets one).
    const json = (value === undefined ? null : value) as JsonValue;
    this.bytes += (JSON.stringify(json) as string | undefined)?.length ?? 4;
    this.bytes += 4 * path.length + 16;
    this.patches.push({ path, value: json });
    if (this.patches.length > MAX_PATCHES || this.bytes > MAX_PATCH_BYTES) throw new TooBig();
  }
}

function diffArrays(
  before: readonly unknown[],
  after: readonly unknown[],
  path: DraftPatchPath,
  out: PatchList,
): void {
  if (after.length < before.length) {
    out.set(path, after);
    return;
  }
  let changed = 0;
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) changed++;
  // A list that moved along (e.g. the capped undo list dropping its oldest entry) is cheaper whole.
  if (changed > 1 && changed * 2 > before.length) {
    out.set(path, after);
    return;
  }
  if (changed > 0) {
    for (let i = 0; i < before.length; i++) {
      if (before[i] !== after[i]) diffValues(before[i], after[i], [...path, i], out);
    }
  }
  for (let i = before.length; i < after.length; i++) out.set([...path, i], after[i]);
}

function diffObjects(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  path: DraftPatchPath,
  out: PatchList,
): void {
  // Patches only set values: a key that went away means setting the whole object again.
  for (const key of Object.keys(before)) {
    if (before[key] !== undefined && (!Object.hasOwn(after, key) || after[key] === undefined)) {
      out.set(path, after);
      return;
    }
  }
  for (const key of Object.keys(after)) {
    const value = after[key];
    // JSON leaves out a key whose value is undefined.
    if (value === undefined) continue;
    const previous = Object.hasOwn(before, key) ? before[key] : undefined;
    if (previous !== value) diffValues(previous, value, [...path, key], out);
  }
}

function diffValues(before: unknown, after: unknown, path: DraftPatchPath, out: PatchList): void {
  if (before === after) return;
  if (Array.isArray(before) && Array.isArray(after)) diffArrays(before, after, path, out);
  else if (isPlainObject(before) && isPlainObject(after)) diffObjects(before, after, path, out);
  else out.set(path, after);
}

/**
 * Patches that turn the JSON of `before` into the JSON of `after` (both plain JSON-like data), or
 * 'replace' when the whole draft should be saved instead: the root itself changed, or the patches would
 * pass MAX_PATCHES or MAX_PATCH_BYTES. An empty list means nothing changed.
 */
export function diffForPatches(before: unknown, after: unknown): DraftPatch[] | 'replace' {
  const out = new PatchList();
  try {
    diffValues(before, after, [], out);
  } catch (error) {
    if (error instanceof TooBig) return 'replace';
    throw error;
  }
  return out.patches;
}
