/**
 * The one choke point for what leaves main: every IPC reply, every event, every log line and the export's
 * cells pass through here, with the appsecret, secret and salt of every profile removed.
 *
 * The journal already refuses to store a secret (journal/forbidden.ts), but a secret can reach the window
 * without passing the journal file: an ERP or a proxy that echoes the salt in a refusal or in a 502 page
 * (bodyExcerpt), held in memory by the submit reply, the journalChanged event and the journal's queries.
 * Redacting here, deep and over every string, covers those and any path added later.
 */
import { forbiddenForms, REDACTION } from './journal/forbidden';

/** Replaces every forbidden string found in `value` and returns the result; the input is not changed. */
export type Redactor = <T>(value: T) => T;

/**
 * A redactor over the strings `forbidden()` returns at each call (profiles change while the app runs).
 * Strings shorter than 4 characters are ignored, as in the journal: they would match ordinary text.
 */
export function createRedactor(forbidden: () => readonly string[]): Redactor {
  // Every reply passes here, one per scan among them: build the forms again only when the secrets change.
  let cachedKey: string | null = null;
  let cachedForms: string[] = [];
  return <T>(value: T): T => {
    const current = forbidden();
    const key = current.join('\u0000');
    if (key !== cachedKey) {
      cachedKey = key;
      cachedForms = searchForms(current);
    }
    return cachedForms.length === 0 ? value : (redactDeep(value, cachedForms) as T);
  };
}

/** As is, escaped inside JSON, and percent-encoded as a URL (a gateway's error page echoes the URL). */
function searchForms(forbidden: readonly string[]): string[] {
  const forms = new Set(forbiddenForms(forbidden));
  for (const form of [...forms]) forms.add(encodeURIComponent(form));
  // Longest first, so a whole appsecret is replaced before one of its parts splits it.
  return [...forms].sort((a, b) => b.length - a.length);
}

function redactString(text: string, forms: readonly string[]): string {
  let result = text;
  for (const form of forms) if (result.includes(form)) result = result.split(form).join(REDACTION);
  return result;
}

/**
 * Strings, arrays and plain objects are walked (keys included); anything else (bytes of an export,
 * numbers, null) passes as it is. IPC payloads are plain data, so nothing else can hold text.
 */
function redactDeep(node: unknown, forms: readonly string[]): unknown {
  if (typeof node === 'string') return redactString(node, forms);
  if (Array.isArray(node)) return node.map((item) => redactDeep(item, forms));
  if (isPlainObject(node)) {
    return Object.fromEntries(
      Object.entries(node).map(([key, item]) => [redactString(key, forms), redactDeep(item, forms)]),
    );
  }
  return node;
}

function isPlainObject(node: unknown): node is Record<string, unknown> {
  if (typeof node !== 'object' || node === null) return false;
  const prototype: unknown = Object.getPrototypeOf(node);
  return prototype === Object.prototype || prototype === null;
}

/**
 * What a log line may show of a thrown value: the value itself when it holds no secret (the logger keeps
 * its stack), otherwise its text with the secrets removed.
 */
export function redactLogged(error: unknown, forbidden: readonly string[]): unknown {
  const forms = searchForms(forbidden);
  const text =
    error instanceof Error ? `${error.stack ?? error.message}${causeText(error.cause)}` : safeString(error);
  return forms.some((form) => text.includes(form)) ? redactString(text, forms) : error;
}

function causeText(cause: unknown): string {
  return cause === undefined
    ? ''
    : `\ncaused by: ${cause instanceof Error ? (cause.stack ?? cause.message) : safeString(cause)}`;
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}
