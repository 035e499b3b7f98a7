/**
 * 最近使用 for header fields: asked of main once per field and kept until a document of that kind is created
 * (submitActions forgets them then), so moving through the form costs no round trips.
 */
import { bridge } from '../../stores/bridge';

const cache = new Map<string, Promise<readonly string[]>>();

function cacheKey(method: string, field: string): string {
  return `${method}\u0000${field}`;
}

export function recentValuesOf(method: string, field: string): Promise<readonly string[]> {
  const key = cacheKey(method, field);
  let answer = cache.get(key);
  if (answer === undefined) {
    answer = bridge()
      .recentHeaderValues({ method, field })
      .then((result) => (result.ok ? result.value : []))
      .catch(() => []);
    cache.set(key, answer);
  }
  return answer;
}

/** A document of this kind was created: its values are now the most recent. */
export function forgetRecentValues(method: string): void {
  for (const key of [...cache.keys()]) if (key.startsWith(`${method}\u0000`)) cache.delete(key);
}

/** The recent values that fit what was typed (all of them for an empty box), most recent first. */
export function matchingRecent(values: readonly string[], typed: string): readonly string[] {
  const text = typed.trim().toLowerCase();
  if (text === '') return values;
  return values.filter((value) => value.toLowerCase().includes(text) && value.toLowerCase() !== text);
}
