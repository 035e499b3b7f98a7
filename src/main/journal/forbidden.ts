/**
 * The last line of defence that keeps credentials out of the journal.
 *
 * The journal's API has no credential fields, so a secret can only arrive inside free text: a user pastes
 * the appsecret into a remark field, or a bug lets a credential slip into a body or an error message the
 * ERP echoes back. Journal files are plain text, kept for years, and sent to support when something goes
 * wrong, so every record is checked against the current secret and salt just before it is written.
 */

/** Shorter strings are ignored: they would match ordinary text by chance (real secrets are 32 characters). */
const MINIMUM_LENGTH = 4;

/** The forms a forbidden string can take in a serialized line: as is, and escaped inside a JSON string. */
export function forbiddenForms(forbidden: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const text of forbidden) {
    if (text.length < MINIMUM_LENGTH) continue;
    forms.add(text);
    forms.add(JSON.stringify(text).slice(1, -1));
  }
  return [...forms];
}

export function containsForbidden(line: string, forms: readonly string[]): boolean {
  return forms.some((form) => line.includes(form));
}

export const REDACTION = '［已隐去］';

/** A deep copy of `value` with every forbidden string replaced inside string values. */
export function redact<T>(value: T, forbidden: readonly string[]): T {
  const texts = forbidden.filter((text) => text.length >= MINIMUM_LENGTH);
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return texts.reduce((acc, text) => acc.split(text).join(REDACTION), node);
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item)]));
    }
    return node;
  };
  return walk(value) as T;
}
