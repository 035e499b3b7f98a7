import { describe, expect, it } from 'vitest';
import { salvageJson } from '../../../src/main/files/salvageJson';

describe('salvageJson', () => {
  it('reads a whole text as JSON.parse does', () => {
    const text = JSON.stringify({ a: [1, 'x', { b: null, c: true }], d: -1.5e3, e: 'q"\\u00e9' });
    expect(salvageJson(text).value).toEqual(JSON.parse(text));
    expect(salvageJson(text).partial.size).toBe(0);
  });

  it('keeps every member before a cut and marks the containers the cut fell in', () => {
    const { value, partial } = salvageJson('{"a": 1, "list": [{"x": 1}, {"x": 2, "y": "cut sh');
    expect(value).toEqual({ a: 1, list: [{ x: 1 }, { x: 2 }] });
    const root = value as { list: object[] };
    expect(partial.has(root)).toBe(true);
    expect(partial.has(root.list)).toBe(true);
    expect(partial.has(root.list[0] as object)).toBe(false);
    expect(partial.has(root.list[1] as object)).toBe(true);
  });

  it('drops a number that may have been cut, and stops at a damaged byte', () => {
    expect(salvageJson('{"a": "ok", "n": 12').value).toEqual({ a: 'ok' });
    expect(salvageJson('{"a": 1, "b": 2\u0000, "c": 3}').value).toEqual({ a: 1, b: 2 });
  });

  it('keeps "__proto__" as a plain key and gives up past a depth no app file has', () => {
    const { value } = salvageJson('{"__proto__": {"polluted": true}, "ok": 1}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // No stack overflow: nesting stops at 64 levels, kept as far as it went.
    expect(Array.isArray(salvageJson('['.repeat(100_000)).value)).toBe(true);
    expect(salvageJson('not json').value).toBeUndefined();
  });
});
