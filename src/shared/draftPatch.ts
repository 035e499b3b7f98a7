/**
 * A small change to a saved draft: "set this value at this path". Main appends patches to a draft's log
 * instead of rewriting the whole draft, and applies them in order when the draft is read back; the
 * renderer computes them (src/renderer/drafts/patchDiff.ts). One applier serves both, so a test can
 * check in the renderer exactly what main will rebuild.
 */

export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export type DraftPatchPath = readonly (string | number)[];

export interface DraftPatch {
  /** Object keys are strings, array indices are numbers; an empty path replaces the whole draft. */
  readonly path: DraftPatchPath;
  readonly value: JsonValue;
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** Own properties only: a key such as "constructor" must not find Object.prototype's. */
function childOf(container: Container, key: string | number): unknown {
  if (Array.isArray(container)) return typeof key === 'number' ? container[key] : undefined;
  return typeof key === 'string' && Object.hasOwn(container, key) ? container[key] : undefined;
}

/** Whether `key` may be set on `container`: a string key on an object, an index up to the length on an array. */
function fits(container: Container, key: string | number): boolean {
  if (Array.isArray(container)) return typeof key === 'number' && key <= container.length;
  return typeof key === 'string';
}

function setChild(container: Container, key: string | number, value: unknown): void {
  if (Array.isArray(container)) {
    container[key as number] = value;
    return;
  }
  // defineProperty, because assigning "__proto__" would change the object's prototype instead.
  Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Applies one patch to `data` in place (the root is returned, since an empty path replaces it). Missing
 * containers on the way are created (an array when the next key is an index, else an object). Returns
 * null, leaving `data` unchanged, when the path does not fit: a key of the wrong kind, an index past the
 * end of an array, or a path through a string or a number.
 */
export function applyDraftPatch(data: unknown, patch: DraftPatch): { data: unknown } | null {
  const { path, value } = patch;
  if (path.length === 0) return { data: value };
  if (!isContainer(data)) return null;
  // Walk the containers that exist, checking each key, before changing anything: a misfit must leave no
  // half-built containers behind.
  let node: Container = data;
  let depth = 0;
  for (; depth < path.length - 1; depth++) {
    const key = path[depth] as string | number;
    if (!fits(node, key)) return null;
    const child = childOf(node, key);
    if (child === undefined) break;
    if (!isContainer(child)) return null;
    node = child;
  }
  if (!fits(node, path[depth] as string | number)) return null;
  // Past `depth` the containers are missing and get created empty, so an index there can only be 0.
  if (path.slice(depth + 1).some((key) => typeof key === 'number' && key !== 0)) return null;
  for (; depth < path.length - 1; depth++) {
    const fresh: Container = typeof path[depth + 1] === 'number' ? [] : {};
    setChild(node, path[depth] as string | number, fresh);
    node = fresh;
  }
  setChild(node, path[depth] as string | number, value);
  return { data };
}
