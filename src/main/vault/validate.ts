/**
 * Checks of what the user typed into the profile form, each answering in Chinese and naming the field.
 * Messages never quote a secret. Inputs are typed `unknown`-tolerant because main trusts nothing it is sent.
 */
import { splitAppsecret } from '../../shared/profile';
import { fail as failWith, type Result } from '../../shared/result';

export type FieldCheck<T> = Result<T, 'VALIDATION'>;

const fail = (field: string, message: string): FieldCheck<never> =>
  failWith('VALIDATION', message, { field });

/** A string input, trimmed; anything else counts as empty. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

const NAME_MAX_LENGTH = 40;
const IDENTIFIER_MAX_LENGTH = 64;
const OPERATOR_MAX_LENGTH = 32;
const SECRET_MAX_LENGTH = 512;

const length = (text: string): number => [...text].length;

export function checkName(value: unknown, takenNames: readonly string[]): FieldCheck<string> {
  const name = textOf(value);
  if (name === '') return fail('name', '请输入配置名称。');
  if (length(name) > NAME_MAX_LENGTH) return fail('name', `配置名称不能超过 ${NAME_MAX_LENGTH} 个字。`);
  const folded = name.toLowerCase();
  if (takenNames.some((taken) => taken.trim().toLowerCase() === folded)) {
    return fail('name', `已有名为“${name}”的配置，请换一个名称。`);
  }
  return { ok: true, value: name };
}

/** sid and appkey: visible identifiers the vendor issues; no spaces inside. */
export function checkIdentifier(field: 'sid' | 'appkey', value: unknown): FieldCheck<string> {
  const label = field === 'sid' ? 'sid（卖家账号）' : 'appkey（接口账号）';
  const text = textOf(value);
  if (text === '') return fail(field, `请输入 ${label}。`);
  if (/\s/.test(text)) return fail(field, `${label} 中不能有空格。`);
  if (length(text) > IDENTIFIER_MAX_LENGTH)
    return fail(field, `${label} 不能超过 ${IDENTIFIER_MAX_LENGTH} 个字符。`);
  return { ok: true, value: text };
}

export function checkOperator(value: unknown): FieldCheck<string> {
  const text = textOf(value);
  if (length(text) > OPERATOR_MAX_LENGTH)
    return fail('operator', `操作员姓名不能超过 ${OPERATOR_MAX_LENGTH} 个字。`);
  return { ok: true, value: text };
}

/**
 * The appsecret as the vendor issues it: `secret:salt`, split at the first colon, both parts present. The
 * salt may itself contain colons (PROTOCOL.md), so more than one colon is fine. Surrounding whitespace (a
 * stray newline from pasting) is dropped.
 */
export function checkAppsecret(value: unknown): FieldCheck<string> {
  const field = 'appsecret';
  const text = textOf(value);
  if (text === '') return fail(field, '请输入 appsecret（接口密钥）。');
  if (length(text) > SECRET_MAX_LENGTH)
    return fail(field, 'appsecret（接口密钥）太长，请检查是否粘贴了多余的内容。');
  if (/\s/.test(text)) return fail(field, 'appsecret（接口密钥）中不能有空格或换行。');
  const parts = splitAppsecret(text);
  if (parts === undefined && text.includes('：')) {
    return fail(field, 'appsecret（接口密钥）中请使用英文冒号“:”，不要用中文冒号“：”。');
  }
  if (parts === undefined) {
    return fail(field, 'appsecret（接口密钥）格式应为“密钥:盐”（secret:salt），缺少英文冒号“:”。');
  }
  const { secret, salt } = parts;
  if (secret === '') return fail(field, 'appsecret（接口密钥）冒号前的密钥部分为空。');
  if (salt === '') return fail(field, 'appsecret（接口密钥）冒号后的盐（salt）部分为空。');
  return { ok: true, value: text };
}
