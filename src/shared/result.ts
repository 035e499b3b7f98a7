/**
 * Results as data. Nothing thrown crosses IPC (Electron keeps only an Error's message), so every call
 * returns one of these: a value, or a stable code the UI can act on plus a message for people.
 */

export type ErrorCode =
  /** The caller's arguments did not match the contract. */
  | 'INVALID_ARGUMENT'
  /** The message came from something other than our own window's main frame. */
  | 'FORBIDDEN_SENDER'
  /** A user-entered value is wrong; the message says what to fix. */
  | 'VALIDATION'
  | 'NOT_FOUND'
  /** The OS offers no real encryption, so no secret is stored. */
  | 'ENCRYPTION_UNAVAILABLE'
  /** A stored secret no longer decrypts (another Windows user, lost key): re-enter it. */
  | 'SECRET_UNREADABLE'
  /** A profile without a stored appsecret: enter it in 设置. */
  | 'SECRET_MISSING'
  /** The built-in practice profile cannot be changed that way. */
  | 'BUILT_IN'
  /** The built-in simulator could not start. */
  | 'PRACTICE_UNAVAILABLE'
  /** Writing to disk failed; nothing changed. */
  | 'STORE_FAILED'
  /** A second send of the same draft while one is in flight. */
  | 'BUSY'
  /** The ERP could not be asked (not reachable, a broken answer): nothing was learnt; try again later. */
  | 'ERP_UNAVAILABLE'
  /** A bug or an unexpected failure in main; details are logged, never secrets. */
  | 'INTERNAL';

export interface AppError<Code extends ErrorCode = ErrorCode> {
  readonly code: Code;
  /** For people, in Chinese. */
  readonly message: string;
  /** The form field the message is about, where there is one, so the UI can point at it. */
  readonly field?: string;
  /** Safe, structured details (paths, counts); never a secret. */
  readonly details?: unknown;
}

/** A module may narrow the codes it can fail with (the vault, the settings); IPC takes any of them. */
export type Result<T, Code extends ErrorCode = ErrorCode> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError<Code> };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<Code extends ErrorCode>(
  code: Code,
  message: string,
  extra: { readonly field?: string; readonly details?: unknown } = {},
): { readonly ok: false; readonly error: AppError<Code> } {
  return { ok: false, error: { code, message, ...extra } };
}
