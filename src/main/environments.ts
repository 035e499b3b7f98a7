/**
 * Where each environment's requests go. `test` and `production` are the vendor's fixed endpoints, `custom`
 * is a URL the user gives (some sellers use https or a proxy), and `practice` is the built-in simulator,
 * whose address is known only once it runs, so it is resolved at call time by the caller.
 */
import { fixedEnvironmentUrls, type EnvironmentId } from '../shared/profile';
import { fail, type Result } from '../shared/result';

type UrlCheck = Result<string, 'VALIDATION'>;

const invalid = (message: string): UrlCheck => fail('VALIDATION', message, { field: 'url' });

/**
 * Checks a user-given base URL and returns it normalized (trimmed, no trailing slash). Only http and https;
 * no user:password (it would be shown on screen and in logs), no query or fragment (the client adds its own).
 */
export function parseBaseUrl(input: string): UrlCheck {
  const text = input.trim();
  if (text === '') return invalid('请输入接口地址，例如 https://wdt.wangdian.cn/openapi。');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return invalid(
      '接口地址格式不正确，应以 http:// 或 https:// 开头，例如 https://wdt.wangdian.cn/openapi。',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return invalid('接口地址只能使用 http:// 或 https://。');
  }
  if (url.username !== '' || url.password !== '') {
    return invalid('接口地址中不能包含用户名或密码。');
  }
  if (url.search !== '' || url.hash !== '') {
    return invalid('接口地址中不能包含“?”或“#”后面的部分。');
  }
  return { ok: true, value: url.href.replace(/\/+$/, '') };
}

/** The base URL stored for a profile of this environment, or null for `practice` (resolved later). */
export function storedUrlFor(environment: EnvironmentId, customUrl: string | undefined): UrlCheck | null {
  switch (environment) {
    case 'practice':
      return null;
    case 'test':
    case 'production':
      return { ok: true, value: fixedEnvironmentUrls[environment] };
    case 'custom':
      return parseBaseUrl(customUrl ?? '');
  }
}
