/**
 * Reads what is still whole in a damaged JSON text: a file cut short by a full disk, or one with a bad
 * byte. Parsing stops at the first damage; every member and element before it is kept, and an object or
 * array the damage falls inside is kept with what it held up to there. A scalar cut short is dropped.
 * So a settings file cut inside its last profile keeps every earlier profile whole and the last one
 * without the part that was lost.
 */

interface Salvaged {
  /** The top-level value as far as it could be read; undefined when not even its start was readable. */
  readonly value: unknown;
  /** Objects and arrays that lost part of their content, so callers can mark what is incomplete. */
  readonly partial: ReadonlySet<object>;
}

/** Deeper than anything the app writes; beyond it the text is treated as damaged rather than recursed. */
const MAX_DEPTH = 64;

class Damage extends Error {}

export function salvageJson(text: string): Salvaged {
  const partial = new Set<object>();
  let at = 0;

  const skipSpace = (): void => {
    while (at < text.length && ' \t\r\n'.includes(text.charAt(at))) at++;
  };

  const parseString = (): string => {
    const start = at;
    at++; // opening quote
    while (at < text.length) {
      const char = text.charAt(at);
      if (char === '\\') at += 2;
      else if (char === '"') {
        at++;
        try {
          return JSON.parse(text.slice(start, at)) as string;
        } catch {
          throw new Damage();
        }
      } else at++;
    }
    throw new Damage();
  };

  const parseScalar = (): unknown => {
    const match = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(at, at + 400));
    if (!match) throw new Damage();
    const end = at + match[0].length;
    // A number cut short ("12" of "123") cannot be told from a whole one unless something follows it.
    if (end >= text.length) throw new Damage();
    at = end;
    return JSON.parse(match[0]) as unknown;
  };

  /** Returns the value and whether parsing must stop after it (the damage was inside it). */
  const parseValue = (depth: number): { value: unknown; stop: boolean } => {
    skipSpace();
    const char = text.charAt(at);
    if (char === '{' || char === '[') {
      if (depth >= MAX_DEPTH) throw new Damage();
      return char === '{' ? parseObject(depth) : parseArray(depth);
    }
    return { value: char === '"' ? parseString() : parseScalar(), stop: false };
  };

  const parseObject = (depth: number): { value: unknown; stop: boolean } => {
    const result: Record<string, unknown> = {};
    const damaged = () => {
      partial.add(result);
      return { value: result, stop: true };
    };
    at++;
    skipSpace();
    if (text.charAt(at) === '}') {
      at++;
      return { value: result, stop: false };
    }
    for (;;) {
      skipSpace();
      if (text.charAt(at) !== '"') return damaged();
      let key: string;
      try {
        key = parseString();
      } catch {
        return damaged();
      }
      skipSpace();
      if (text.charAt(at) !== ':') return damaged();
      at++;
      let member: { value: unknown; stop: boolean };
      try {
        member = parseValue(depth + 1);
      } catch {
        return damaged();
      }
      // JSON.parse keeps the last of duplicate keys; so does this. defineProperty keeps "__proto__" a key.
      Object.defineProperty(result, key, {
        value: member.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (member.stop) return damaged();
      skipSpace();
      const next = text.charAt(at);
      at++;
      if (next === '}') return { value: result, stop: false };
      if (next !== ',') return damaged();
    }
  };

  const parseArray = (depth: number): { value: unknown; stop: boolean } => {
    const result: unknown[] = [];
    const damaged = () => {
      partial.add(result);
      return { value: result, stop: true };
    };
    at++;
    skipSpace();
    if (text.charAt(at) === ']') {
      at++;
      return { value: result, stop: false };
    }
    for (;;) {
      let element: { value: unknown; stop: boolean };
      try {
        element = parseValue(depth + 1);
      } catch {
        return damaged();
      }
      result.push(element.value);
      if (element.stop) return damaged();
      skipSpace();
      const next = text.charAt(at);
      at++;
      if (next === ']') return { value: result, stop: false };
      if (next !== ',') return damaged();
    }
  };

  try {
    return { value: parseValue(0).value, partial };
  } catch {
    return { value: undefined, partial };
  }
}
