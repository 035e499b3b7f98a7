/**
 * Checks and normalizes a document against its spec. Every problem is reported at once, each with its path
 * and a Chinese message naming the field's label, so a user can fix a whole sheet in one pass. The same code
 * runs in the renderer (instant feedback) and in main before signing. It refuses (severity 'error') only
 * what the vendor pages state; what a page leaves open but is probably a slip earns a notice ('warning'),
 * which is shown and does not stop the send.
 */
import type {
  CleanValue,
  DocumentDraft,
  DocumentSpec,
  EnumOption,
  FieldSpec,
  FieldType,
  NormalizedDocument,
  PositiveRule,
  Problem,
  ProblemPath,
  RawRecord,
  RawValue,
} from './spec';
import { readTypedDate, readTypedNumber } from './typedValues';

export interface ValidationResult {
  readonly problems: readonly Problem[];
  /** Present exactly when no problem is an error. */
  readonly document?: NormalizedDocument;
}

interface FieldResult {
  readonly value?: CleanValue;
  /** Why the value is refused; then `value` is absent. */
  readonly problem?: string;
  /** Something to point out about a value that is still sent as it is. */
  readonly notice?: string;
}

/** The vendor's Int columns are 32-bit on the ERP side (MySQL int(11)), whatever the length column says. */
const INT32_MAX = 2_147_483_647;
const INTEGER_TEXT = /^[+-]?\d+$/;
const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const DATETIME_TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Commas separate SNs strictly (an empty piece is an error); line breaks from a scanner or a paste collapse. */
const SN_SEPARATOR = /[,，]|[\r\n]+/;
/** Yes/no as Excel and WPS users write it: 是/否, Y/N, √/×, TRUE/FALSE, 1/0. */
const YES_WORDS = new Set(['true', '1', '是', 'y', 'yes', '√', '✓', '✔']);
const NO_WORDS = new Set(['false', '0', '否', 'n', 'no', '×', '✗', '✘']);

export function isBlank(raw: unknown): boolean {
  return (
    raw === undefined ||
    raw === null ||
    (typeof raw === 'string' && raw.trim() === '') ||
    (Array.isArray(raw) && raw.length === 0)
  );
}

/** Length as the vendor pages count it: characters (code points), so an emoji or a Chinese character is one. */
function countChars(text: string): number {
  return [...text].length;
}

/** How an enum option is shown and also accepted back, e.g. `2（调拨出库）`. */
export function enumOptionText(option: EnumOption): string {
  return `${option.value}（${option.label}）`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** Checks one value and turns it into what the wire wants. Blank means absent (and a problem if required). */
export function normalizeField(field: FieldSpec, raw: RawValue): FieldResult {
  if (isBlank(raw)) return field.required ? { problem: `${field.label} 不能为空` } : {};
  return normalizePresent(field.label, field.type, raw);
}

function normalizePresent(label: string, type: FieldType, raw: unknown): FieldResult {
  switch (type.kind) {
    case 'string':
      return normalizeString(label, type, raw);
    case 'int':
      return normalizeInt(label, type, raw);
    case 'decimal':
      return normalizeDecimal(label, type, raw);
    case 'boolean': {
      const yes = readYesNo(raw);
      return yes === undefined ? { problem: `${label} 必须是 是/否（true/false）` } : { value: yes };
    }
    case 'flag': {
      const yes = readYesNo(raw);
      return yes === undefined ? { problem: `${label} 必须是 0 或 1（否/是）` } : { value: yes ? 1 : 0 };
    }
    case 'enum':
      return normalizeEnum(label, type.options, raw);
    case 'snList':
      return normalizeSnList(label, type.wire, raw);
  }
}

function normalizeString(
  label: string,
  type: Extract<FieldType, { kind: 'string' }>,
  raw: unknown,
): FieldResult {
  let text: string;
  if (typeof raw === 'string') text = raw.trim();
  else if (typeof raw === 'number' && Number.isFinite(raw) && !/e/i.test(String(raw))) text = String(raw);
  else return { problem: `${label} 必须是文字` };

  if (type.format === 'datetime' || type.format === 'date') {
    // 2024/5/20 or 20240520 is the same day as 2024-05-20: sent in the one shape the ERP parses.
    const typed = readTypedDate(text, type.format);
    if (typed.problem !== undefined) return { problem: `${label} ${typed.problem}` };
    text = typed.text;
    const formatProblem = checkDateText(label, text, type.format);
    if (formatProblem !== undefined) return { problem: formatProblem };
  } else if (type.dateLike === true) {
    const dated = readDateLike(label, text);
    if (dated.problem !== undefined) return { problem: dated.problem };
    return withLength(label, type.maxLength, dated.text, dated.notice);
  }
  return withLength(label, type.maxLength, text);
}

/**
 * A date the page types as String (有效期): a certain reading becomes yyyy-MM-dd (a time, if given, is
 * kept as yyyy-MM-dd HH:mm:ss); an ambiguous one is refused, since either reading may be the wrong stock;
 * text that is no date at all is the user's to send, with a notice, because the page does not forbid it.
 */
function readDateLike(label: string, text: string): { text: string; problem?: string; notice?: string } {
  const hasTime = /\d:\d/.test(text);
  const typed = readTypedDate(text, hasTime ? 'datetime' : 'date');
  if (typed.problem !== undefined) return { text, problem: `${label} ${typed.problem}` };
  const shaped = checkDateText(label, typed.text, hasTime ? 'datetime' : 'date') === undefined;
  if (shaped) return { text: typed.text };
  return {
    text,
    notice: `${label} "${text}" 不像日期；ERP 通常要求 yyyy-MM-dd 格式（例如 2026-01-02），请确认`,
  };
}

function withLength(
  label: string,
  maxLength: number | undefined,
  text: string,
  notice?: string,
): FieldResult {
  if (maxLength !== undefined) {
    const length = countChars(text);
    if (length > maxLength) return { problem: `${label} 最多${maxLength}个字符（现有${length}个）` };
  }
  return notice === undefined ? { value: text } : { value: text, notice };
}

function checkDateText(label: string, text: string, format: 'datetime' | 'date'): string | undefined {
  const pattern = format === 'datetime' ? DATETIME_TEXT : DATE_TEXT;
  const shape =
    format === 'datetime'
      ? 'yyyy-MM-dd HH:mm:ss（例如 2021-07-10 10:30:01）'
      : 'yyyy-MM-dd（例如 2021-07-10）';
  const match = pattern.exec(text);
  if (match === null) return `${label} 格式必须是 ${shape}`;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map(Number);
  if (year === undefined || month === undefined || day === undefined) return `${label} 格式必须是 ${shape}`;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const real =
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second < 60;
  return real ? undefined : `${label} 不是真实的${format === 'datetime' ? '日期时间' : '日期'}：${text}`;
}

function normalizeInt(label: string, type: Extract<FieldType, { kind: 'int' }>, raw: unknown): FieldResult {
  const notInt = type.positive === 'required' ? `${label} 必须是大于0的整数` : `${label} 必须是整数`;
  const typed = typeof raw === 'string' ? readTypedNumber(raw) : undefined;
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typed !== undefined && INTEGER_TEXT.test(typed)) value = Number(typed);
  else return { problem: notInt };
  if (!Number.isInteger(value)) return { problem: notInt };
  if (type.maxDigits !== undefined && String(Math.abs(value)).length > type.maxDigits) {
    return { problem: `${label} 最多${type.maxDigits}位数字` };
  }
  if (Math.abs(value) > INT32_MAX) return { problem: `${label} 超出整数范围（最大${INT32_MAX}）` };
  if (type.positive === 'required' && value <= 0) return { problem: notInt };
  return withPositiveNotice(label, type.positive, value === 0 ? 0 : value);
}

function normalizeDecimal(
  label: string,
  type: Extract<FieldType, { kind: 'decimal' }>,
  raw: unknown,
): FieldResult {
  const integerDigits = type.precision - type.scale;
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { problem: `${label} 必须是数字` };
    text = String(raw);
    // JavaScript writes only very large (>= 1e21) or very small (< 1e-6) numbers with an exponent.
    if (/e/i.test(text)) {
      return Math.abs(raw) >= 1
        ? { problem: `${label} 整数部分最多${integerDigits}位` }
        : { problem: `${label} 最多${type.scale}位小数` };
    }
  } else if (typeof raw === 'string') {
    text = readTypedNumber(raw);
  } else {
    return { problem: `${label} 必须是数字` };
  }

  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return { problem: `${label} 必须是数字` };
  const sign = match[1] === '-' ? '-' : '';
  const whole = (match[2] ?? '').replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > type.scale) return { problem: `${label} 最多${type.scale}位小数` };
  if (whole.length > integerDigits) return { problem: `${label} 整数部分最多${integerDigits}位` };

  const value = Number(text);
  // A JSON number is a double: beyond ~15 significant digits the ERP would receive a different value.
  const exact = fraction === '' ? whole : `${whole}.${fraction}`;
  if (String(Math.abs(value)) !== exact) return { problem: `${label} 有效数字过多，无法精确发送` };

  const signed = value === 0 ? 0 : Number(`${sign}${exact}`);
  if (type.positive === 'required' && signed <= 0) return { problem: `${label} 必须大于0` };
  return withPositiveNotice(label, type.positive, signed);
}

/** A quantity of 0 or less is sent if the user insists: no vendor page says the ERP refuses it. */
function withPositiveNotice(label: string, rule: PositiveRule | undefined, value: number): FieldResult {
  if (rule !== 'expected' || value > 0) return { value };
  return { value, notice: `${label} 为 ${value}，通常应大于0；接口文档未说明是否允许，ERP 可能拒绝，请确认` };
}

/** Yes, no, or undefined when the value is neither; shared with the screens that read a flag before checking. */
export function readYesNo(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (raw === 1 || raw === 0) return raw === 1;
  if (typeof raw !== 'string') return undefined;
  const word = raw.normalize('NFKC').trim().toLowerCase();
  if (YES_WORDS.has(word)) return true;
  if (NO_WORDS.has(word)) return false;
  return undefined;
}

function normalizeEnum(label: string, options: readonly EnumOption[], raw: unknown): FieldResult {
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  const option = options.find(
    (candidate) =>
      raw === candidate.value ||
      (text !== undefined &&
        ((INTEGER_TEXT.test(text) && Number(text) === candidate.value) ||
          text === candidate.label ||
          text === enumOptionText(candidate))),
  );
  if (option === undefined) {
    return { problem: `${label} 必须是以下之一：${options.map(enumOptionText).join('、')}` };
  }
  return { value: option.value };
}

function normalizeSnList(label: string, wire: 'comma' | 'array', raw: unknown): FieldResult {
  let pieces: readonly string[];
  if (typeof raw === 'string') pieces = raw.trim().split(SN_SEPARATOR);
  else if (Array.isArray(raw) && raw.every((item): item is string => typeof item === 'string')) pieces = raw;
  else return { problem: `${label} 必须是序列号列表` };

  const sns = pieces.map((piece) => piece.trim());
  const emptyAt = sns.indexOf('');
  if (emptyAt >= 0) return { problem: `${label} 第${emptyAt + 1}个序列号为空` };
  if (wire === 'comma') {
    const withComma = sns.find((sn) => sn.includes(','));
    if (withComma !== undefined) return { problem: `${label} 中的序列号 "${withComma}" 含有逗号，无法发送` };
  }
  // A serial number names one unit, so a repeat is most likely a double scan; no page says the ERP refuses
  // it, so it is pointed out and left to the user.
  const seen = new Set<string>();
  for (const sn of sns) {
    if (seen.has(sn))
      return { value: sns, notice: `${label} 中序列号 "${sn}" 出现了不止一次，请确认是否重复扫描` };
    seen.add(sn);
  }
  return { value: sns };
}

/** Checks a whole document: fields first, then the spec's cross rules on whatever normalized. */
export function validateDocument(spec: DocumentSpec, draft: DocumentDraft): ValidationResult {
  const problems: Problem[] = [];
  const header = normalizeRecord(
    [...spec.header, ...spec.positional],
    draft.header,
    (field) => ({ area: 'header', field }),
    problems,
  );
  const lines = draft.lines.map((line, row) =>
    normalizeRecord(spec.lines, line, (field) => ({ area: 'lines', row, field }), problems),
  );
  if (spec.linesRequired && lines.length === 0) {
    problems.push({ path: { area: 'lines' }, message: `${spec.linesLabel} 至少需要一行`, severity: 'error' });
  }

  const normalized: NormalizedDocument = { header, lines };
  // A field that already failed its own check is absent from `normalized`; a cross rule would then repeat
  // the complaint in other words (e.g. "required"), so the field's own message wins. A notice leaves the
  // value in place, so it does not silence the cross rules.
  const failedPaths = new Set(
    problems.filter((problem) => problem.severity === 'error').map((problem) => pathKey(problem.path)),
  );
  for (const rule of spec.rules) {
    for (const problem of rule(normalized)) {
      if (!failedPaths.has(pathKey(problem.path))) problems.push(problem);
    }
  }
  return hasErrors(problems) ? { problems } : { problems, document: normalized };
}

function normalizeRecord(
  fields: readonly FieldSpec[],
  record: RawRecord,
  pathOf: (field: string) => ProblemPath,
  problems: Problem[],
): Record<string, CleanValue> {
  const clean: Record<string, CleanValue> = {};
  for (const field of fields) {
    const raw = Object.hasOwn(record, field.key) ? record[field.key] : undefined;
    const result = normalizeField(field, raw);
    if (result.problem !== undefined) {
      problems.push({ path: pathOf(field.key), message: result.problem, severity: 'error' });
    } else if (result.value !== undefined) {
      clean[field.key] = result.value;
    }
    if (result.notice !== undefined) {
      problems.push({ path: pathOf(field.key), message: result.notice, severity: 'warning' });
    }
  }
  const known = new Set(fields.map((field) => field.key));
  for (const key of Object.keys(record)) {
    if (!known.has(key) && !isBlank(record[key])) {
      problems.push({ path: pathOf(key), message: `未知字段 "${key}"`, severity: 'error' });
    }
  }
  return clean;
}

function pathKey(path: ProblemPath): string {
  return path.area === 'header' ? `header/${path.field}` : `lines/${path.row ?? ''}/${path.field ?? ''}`;
}
