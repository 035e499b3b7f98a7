/**
 * What an SN looks like for one seller: a length range and, optionally, a pattern. A scanner cannot tell a
 * product's code from an SN; the shape can, for most codes. A scan that does not fit is never taken as an SN
 * without the worker saying so (see the scan views). The shape is set per profile, and suggested from the
 * SNs the ERP already accepted.
 */

export interface SnShape {
  readonly minLength: number;
  readonly maxLength: number;
  /** A regular expression the whole SN must match ('' for none). */
  readonly pattern: string;
}

export const snShapeBounds = {
  length: { min: 1, max: 100 },
  patternMaxLength: 200,
} as const;

/** A suggestion needs this many SNs sent before; fewer say too little about the seller's labels. */
const SUGGESTION_MIN_SNS = 5;

/** The pattern as the whole-value test it means, or null when it is not a valid expression. */
export function compileSnPattern(pattern: string): RegExp | null {
  if (pattern === '') return null;
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return null;
  }
}

/** Why a shape cannot be saved, in Chinese; null when it can. */
export function snShapeError(shape: SnShape): string | null {
  const { min, max } = snShapeBounds.length;
  const isLength = (n: number) => Number.isInteger(n) && n >= min && n <= max;
  if (!isLength(shape.minLength) || !isLength(shape.maxLength))
    return `SN 长度应为 ${min} 到 ${max} 之间的整数。`;
  if (shape.minLength > shape.maxLength) return 'SN 最短长度不能大于最长长度。';
  if (shape.pattern.length > snShapeBounds.patternMaxLength)
    return `SN 格式（正则表达式）不能超过 ${snShapeBounds.patternMaxLength} 个字符。`;
  if (shape.pattern !== '' && compileSnPattern(shape.pattern) === null)
    return 'SN 格式不是有效的正则表达式。';
  return null;
}

/** Why `code` cannot be an SN of this shape, in Chinese; null when it fits. */
export function snShapeMismatch(code: string, shape: SnShape): string | null {
  const length = [...code].length;
  if (length < shape.minLength || length > shape.maxLength) {
    const range =
      shape.minLength === shape.maxLength
        ? `${shape.minLength} 位`
        : `${shape.minLength}–${shape.maxLength} 位`;
    return `长度 ${length} 位，SN 应为 ${range}`;
  }
  const pattern = compileSnPattern(shape.pattern);
  if (pattern !== null && !pattern.test(code)) return '不符合 SN 格式';
  return null;
}

/** Only the characters special outside a class: the 'u' flag refuses needless escapes such as \-. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function commonPrefix(values: readonly string[]): string {
  let prefix = values[0] ?? '';
  for (const value of values) {
    let i = 0;
    while (i < prefix.length && i < value.length && prefix[i] === value[i]) i++;
    prefix = prefix.slice(0, i);
    if (prefix === '') break;
  }
  return prefix;
}

/** The narrowest of a few familiar character classes that holds every character, or null. */
function characterClass(values: readonly string[]): string | null {
  const classes: readonly (readonly [RegExp, string])[] = [
    [/^[0-9]*$/, '[0-9]'],
    [/^[A-Z0-9]*$/, '[A-Z0-9]'],
    [/^[A-Za-z0-9]*$/, '[A-Za-z0-9]'],
    [/^[A-Za-z0-9_-]*$/, '[A-Za-z0-9_-]'],
  ];
  for (const [test, cls] of classes) if (values.every((value) => test.test(value))) return cls;
  return null;
}

/**
 * A shape that every one of `sns` fits, as narrow as the evidence allows: their length range, a prefix
 * they all share (two characters or more), and the character class of the rest. Null with too few SNs.
 */
export function suggestSnShape(sns: readonly string[]): SnShape | null {
  if (sns.length < SUGGESTION_MIN_SNS) return null;
  let minLength = Number.POSITIVE_INFINITY;
  let maxLength = 0;
  for (const sn of sns) {
    const length = [...sn].length;
    minLength = Math.min(minLength, length);
    maxLength = Math.max(maxLength, length);
  }
  const { min, max } = snShapeBounds.length;
  minLength = Math.max(min, Math.min(max, minLength));
  maxLength = Math.max(minLength, Math.min(max, maxLength));
  const sharedPrefix = commonPrefix(sns);
  // A prefix as long as the shortest SN would leave nothing to vary; keep at least one character free.
  const prefix = sharedPrefix.length >= 2 ? sharedPrefix.slice(0, Math.max(0, minLength - 1)) : '';
  const rest = characterClass(sns.map((sn) => sn.slice(prefix.length)));
  let pattern = '';
  if (rest !== null) {
    const from = minLength - prefix.length;
    const to = maxLength - prefix.length;
    pattern = `${escapeRegExp(prefix)}${rest}{${from === to ? from : `${from},${to}`}}`;
  } else if (prefix !== '') {
    pattern = `${escapeRegExp(prefix)}.*`;
  }
  return { minLength, maxLength, pattern };
}
