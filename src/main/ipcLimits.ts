/**
 * Bounds on what the renderer may send, checked before the contract's parser walks the payload: a
 * 5,000-deep object made the parser overflow the stack, and a huge payload costs memory in every step
 * after. The walk is iterative, so no payload can overflow it.
 */

/** Deeper than any draft, document or patch the app builds (a scan draft is about 6 levels deep). */
export const MAX_PAYLOAD_DEPTH = 64;
/** Above the largest draft (20 MB) with room for JSON's overhead; counted roughly, as UTF-16 units. */
const MAX_PAYLOAD_UNITS = 64 * 1024 * 1024;

type PayloadProblem = 'too-deep' | 'too-large' | null;

/** Null when `value` is within the bounds; otherwise which bound it passes. */
export function payloadProblem(
  value: unknown,
  maxDepth = MAX_PAYLOAD_DEPTH,
  maxUnits = MAX_PAYLOAD_UNITS,
): PayloadProblem {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let units = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    // Every value costs a little, so a million empty arrays count too.
    units += 8;
    if (typeof current === 'string') units += current.length;
    if (units > maxUnits) return 'too-large';
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxDepth) return 'too-deep';
    const children = Array.isArray(current) ? current : Object.entries(current);
    for (const child of children) {
      if (Array.isArray(current)) {
        stack.push({ value: child, depth: depth + 1 });
      } else {
        const [key, item] = child as [string, unknown];
        units += key.length;
        stack.push({ value: item, depth: depth + 1 });
      }
    }
  }
  return null;
}
