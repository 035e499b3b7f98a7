/**
 * The positional argument array each vendor method takes, built from a checked document and parsed back
 * from vendor-shaped JSON (example bodies, the simulator, imported files). Building sends only fields the
 * page lists; parsing refuses anything else, so an unknown field can never reach the ERP.
 */
import type {
  CleanRecord,
  CleanValue,
  DocumentDraft,
  DocumentSpec,
  FieldSpec,
  NormalizedDocument,
  Problem,
  ProblemPath,
  RawRecord,
  RawValue,
} from './spec';

type ParsedArgs =
  | { readonly ok: true; readonly draft: DocumentDraft }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** The exact array the vendor page shows: header object, lines array, then any positional extras. */
export function buildArgs(spec: DocumentSpec, doc: NormalizedDocument): unknown[] {
  const header = wireRecord(spec.header, doc.header);
  const lines = doc.lines.map((line) => wireRecord(spec.lines, line));
  if (spec.linesNested) {
    if (lines.length > 0) header[spec.linesArg] = lines;
    return [header];
  }
  const extras = spec.positional.map((field) => {
    const value = doc.header[field.key];
    return value === undefined ? null : toWire(field, value);
  });
  // An absent optional extra at the end is left off rather than sent as null.
  while (extras.length > 0 && extras[extras.length - 1] === null) extras.pop();
  return [header, lines, ...extras];
}

/**
 * Where the detail lines sit in an argument array laid out by buildArgs for `spec`: the 2nd argument, or
 * the header's `linesArg` when the lines travel inside it. Undefined when `args` has no such place; the
 * lines themselves are not checked.
 */
export function linesOfArgs(spec: DocumentSpec, args: unknown): unknown {
  if (!Array.isArray(args)) return undefined;
  if (!spec.linesNested) return args[1] as unknown;
  const header: unknown = args[0];
  return isPlainObject(header) ? header[spec.linesArg] : undefined;
}

function wireRecord(fields: readonly FieldSpec[], record: CleanRecord): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  for (const field of fields) {
    const value = record[field.key];
    if (value !== undefined) wire[field.key] = toWire(field, value);
  }
  return wire;
}

function toWire(field: FieldSpec, value: CleanValue): unknown {
  if (field.type.kind === 'snList' && typeof value === 'object') {
    return field.type.wire === 'comma' ? value.join(',') : [...value];
  }
  return value;
}

/** Vendor-shaped JSON back into a draft; the draft still goes through validateDocument. */
export function parseArgs(spec: DocumentSpec, args: unknown): ParsedArgs {
  const argsPath: ProblemPath = { area: 'header', field: spec.headerArg };
  if (!Array.isArray(args)) return refuse(argsPath, '请求参数必须是按位置排列的数组');
  const expected = spec.linesNested ? 1 : 2 + spec.positional.length;
  if (args.length !== expected) {
    return refuse(argsPath, `参数个数错误：应为${expected}个，实际${args.length}个`);
  }
  const [headerArg, linesArg, ...extras] = args as unknown[];
  if (!isPlainObject(headerArg))
    return refuse(argsPath, `${spec.headerLabel}（${spec.headerArg}）必须是对象`);

  const problems: Problem[] = [];
  // PurchaseOrder carries its details inside the header object; the others pass them as the 2nd argument.
  const { [spec.linesArg]: nestedLines, ...headerRest } = headerArg;
  const header = readRecord(
    spec.header,
    spec.linesNested ? headerRest : headerArg,
    (field) => ({ area: 'header', field }),
    problems,
  );
  spec.positional.forEach((field, index) => {
    const raw = toRawValue(extras[index]);
    if (raw === invalid)
      problems.push(problemAt({ area: 'header', field: field.key }, `${field.label} 的值类型不对`));
    else header[field.key] = raw;
  });
  const lines = spec.linesNested
    ? nestedLines === undefined || nestedLines === null
      ? []
      : readLines(spec, nestedLines, problems)
    : readLines(spec, linesArg, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, draft: { header, lines } };
}

function readLines(spec: DocumentSpec, rawLines: unknown, problems: Problem[]): RawRecord[] {
  if (!Array.isArray(rawLines)) {
    problems.push(problemAt({ area: 'lines' }, `${spec.linesLabel}（${spec.linesArg}）必须是数组`));
    return [];
  }
  const lines: RawRecord[] = [];
  (rawLines as unknown[]).forEach((line, row) => {
    if (!isPlainObject(line)) {
      problems.push(problemAt({ area: 'lines', row }, `${spec.linesLabel} 第${row + 1}行必须是对象`));
      return;
    }
    lines.push(readRecord(spec.lines, line, (field) => ({ area: 'lines', row, field }), problems));
  });
  return lines;
}

function readRecord(
  fields: readonly FieldSpec[],
  source: Record<string, unknown>,
  pathOf: (field: string) => ProblemPath,
  problems: Problem[],
): Record<string, RawValue> {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const record: Record<string, RawValue> = {};
  for (const [key, value] of Object.entries(source)) {
    const field = byKey.get(key);
    if (field === undefined) {
      problems.push(problemAt(pathOf(key), `未知字段 "${key}"`));
      continue;
    }
    const raw = toRawValue(value);
    if (raw === invalid) problems.push(problemAt(pathOf(key), `${field.label} 的值类型不对`));
    else record[key] = raw;
  }
  return record;
}

const invalid = Symbol('invalid');

function toRawValue(value: unknown): RawValue | typeof invalid {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string')) return value;
  return invalid;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problemAt(path: ProblemPath, message: string): Problem {
  return { path, message, severity: 'error' };
}

function refuse(path: ProblemPath, message: string): ParsedArgs {
  return { ok: false, problems: [problemAt(path, message)] };
}
