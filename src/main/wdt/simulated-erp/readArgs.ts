/**
 * The practice ERP's first look at a body: the positional arguments are counted (status 1 参数个数错误),
 * every field name is looked up (status 2 naming the first unknown one, as in the vendor's error table)
 * and every value is read as its page type, coercing numeric and boolean text the way the vendor's own
 * examples rely on (`"num":"10"`, `"mode":"2"`); a value that cannot be read is status 1
 * `argument type mismatch`. Nothing here judges the business meaning of a value: see businessRules.ts.
 */
import type { ErpResponse } from '../../../shared/outcome';
import type { ErpField, ErpMethod } from './methods';

/** A value as read: text, a number, a boolean or a list of texts. Absent fields are left out. */
export type ErpValue = string | number | boolean | readonly string[];
export type ErpRecord = Readonly<Record<string, ErpValue>>;

/** The document as the ERP read it; positional extras (is_check) sit in the header. */
export interface ReadDocument {
  readonly header: ErpRecord;
  readonly lines: readonly ErpRecord[];
  /** Each line's quantity as it was written, so its decimal places can be counted exactly. */
  readonly quantityTexts: readonly (string | undefined)[];
}

type ReadResult =
  | { readonly ok: true; readonly document: ReadDocument }
  | { readonly ok: false; readonly refusal: ErpResponse };

const WRONG_COUNT: ErpResponse = { status: 1, message: '参数个数错误' };
const TYPE_MISMATCH: ErpResponse = { status: 1, message: 'argument type mismatch' };
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER_TEXT = /^[+-]?\d+$/;

export function readArgs(method: ErpMethod, args: unknown): ReadResult {
  if (!Array.isArray(args) || args.length !== method.argNames.length) return refuse(WRONG_COUNT);
  const [headerArg, linesArg, ...extraArgs] = args as unknown[];
  if (!isRecord(headerArg)) return refuse(TYPE_MISMATCH);
  const { [method.linesKey]: nestedLines, ...headerRest } = headerArg;
  const headerSource = method.linesNested ? headerRest : headerArg;
  const rawLines = method.linesNested ? (nestedLines ?? []) : linesArg;
  if (!Array.isArray(rawLines)) return refuse(TYPE_MISMATCH);

  const unknown =
    unknownKey(method.header, headerSource) ??
    rawLines.reduce<string | undefined>(
      (found, line) => found ?? (isRecord(line) ? unknownKey(method.lines, line) : undefined),
      undefined,
    );
  if (unknown !== undefined) return refuse({ status: 2, message: unknown });

  const header = readRecord(method.header, headerSource);
  if (header === undefined) return refuse(TYPE_MISMATCH);
  for (const [index, field] of method.extras.entries()) {
    const value = readValue(field, extraArgs[index]);
    if (value === mismatch) return refuse(TYPE_MISMATCH);
    if (value !== undefined) header[field.key] = value;
  }
  const lines: ErpRecord[] = [];
  const quantityTexts: (string | undefined)[] = [];
  for (const line of rawLines as unknown[]) {
    if (!isRecord(line)) return refuse(TYPE_MISMATCH);
    const read = readRecord(method.lines, line);
    if (read === undefined) return refuse(TYPE_MISMATCH);
    lines.push(read);
    const num = line['num'];
    quantityTexts.push(
      typeof num === 'string' ? num.trim() : typeof num === 'number' ? String(num) : undefined,
    );
  }
  return { ok: true, document: { header, lines, quantityTexts } };
}

function unknownKey(fields: readonly ErpField[], source: Record<string, unknown>): string | undefined {
  const known = new Set(fields.map((field) => field.key));
  return Object.keys(source).find((key) => !known.has(key));
}

function readRecord(
  fields: readonly ErpField[],
  source: Record<string, unknown>,
): Record<string, ErpValue> | undefined {
  const record: Record<string, ErpValue> = {};
  for (const field of fields) {
    const value = readValue(field, source[field.key]);
    if (value === mismatch) return undefined;
    if (value !== undefined) record[field.key] = value;
  }
  return record;
}

const mismatch = Symbol('argument type mismatch');

function readValue(field: ErpField, raw: unknown): ErpValue | undefined | typeof mismatch {
  if (raw === null || raw === undefined) return undefined;
  // Empty text in a number or boolean field reads as not given, as the ERP's JSON reader coerces it.
  if (field.type.kind !== 'string' && typeof raw === 'string' && raw.trim() === '') return undefined;
  switch (field.type.kind) {
    case 'string':
      if (typeof raw === 'string') return raw;
      if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
      return mismatch;
    case 'int': {
      const value = readNumber(raw);
      return value !== undefined &&
        Number.isInteger(value) &&
        (typeof raw === 'number' || INTEGER_TEXT.test(String(raw).trim()))
        ? value
        : mismatch;
    }
    case 'decimal':
    case 'quantity':
      return readNumber(raw) ?? mismatch;
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 1 || raw === 0) return raw === 1;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      return mismatch;
    case 'stringList':
      return Array.isArray(raw) && raw.every((item) => typeof item === 'string' || typeof item === 'number')
        ? raw.map(String)
        : mismatch;
  }
}

function readNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string' || !NUMBER_TEXT.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refuse(refusal: ErpResponse): ReadResult {
  return { ok: false, refusal };
}
