/**
 * JSON text read where it may be damaged or foreign (files on disk, request bodies): the value, or undefined
 * when the text is not JSON. Undefined is never a JSON value, so it cannot be mistaken for one.
 */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
