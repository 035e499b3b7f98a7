/**
 * A profile's proxy setting as stored, checked and summarized. The proxy password is kept like the
 * appsecret: only as an encrypted envelope (encryptor.ts), opened in main when a proxy asks for a login,
 * never put in a summary. A record stored before proxies existed has no `proxy` and reads as 跟随系统.
 */
import { z } from 'zod';
import {
  DEFAULT_PROXY_MODE,
  proxyBounds,
  proxyModes,
  type ProxyInput,
  type ProxyMode,
  type ProxySummary,
  type SecretState,
} from '../../shared/profile';
import { fail as failWith } from '../../shared/result';
import { textOf, type FieldCheck } from './validate';

export const storedProxySchema = z.object({
  mode: z.enum(proxyModes),
  server: z.string().optional(),
  pacUrl: z.string().optional(),
  username: z.string().optional(),
  /** The SecretEnvelope of the proxy password, checked only when opened. */
  password: z.unknown().optional(),
});

export type StoredProxy = z.output<typeof storedProxySchema>;

export const defaultProxy: StoredProxy = { mode: DEFAULT_PROXY_MODE };

/** What the network layer needs, main-internal: the password is plain here and must go no further. */
export type ProxySetting =
  | { readonly mode: 'system' | 'direct' }
  | { readonly mode: 'manual'; readonly server?: string; readonly pacUrl?: string };

export interface ProxyLogin {
  readonly username: string;
  readonly password: string;
}

const fail = (field: string, message: string): FieldCheck<never> =>
  failWith('VALIDATION', message, { field });

/**
 * host:port, where host is a name or an IPv4/[IPv6] address. A scheme is tolerated and dropped (people
 * paste "http://proxy:8080" from the Windows dialog or a browser), a path is not.
 */
function checkProxyServer(value: unknown): FieldCheck<string> {
  const field = 'proxyServer';
  let text = textOf(value).replace(/^https?:\/\//i, '');
  if (text.endsWith('/')) text = text.slice(0, -1);
  if (text === '')
    return fail(field, '请填写代理服务器地址，格式为 主机:端口，例如 proxy.example.com:8080。');
  if (text.length > proxyBounds.serverMaxLength) return fail(field, '代理服务器地址太长。');
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(text);
  if (!match) {
    return fail(field, '代理服务器地址格式应为 主机:端口，例如 proxy.example.com:8080（不要带路径）。');
  }
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return fail(field, '代理服务器端口应在 1 到 65535 之间。');
  return { ok: true, value: `${(match[1] ?? '').toLowerCase()}:${port}` };
}

/** An http(s) address of a PAC script (Windows calls it 自动配置脚本). */
function checkPacUrl(value: unknown): FieldCheck<string> {
  const field = 'proxyPacUrl';
  const text = textOf(value);
  if (text.length > proxyBounds.pacUrlMaxLength) return fail(field, 'PAC 脚本地址太长。');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(field, 'PAC 脚本地址应是完整网址，例如 http://proxy.example.com/proxy.pac。');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(field, 'PAC 脚本地址应以 http:// 或 https:// 开头。');
  }
  return { ok: true, value: url.href };
}

function checkUsername(value: unknown): FieldCheck<string> {
  const text = textOf(value);
  if ([...text].length > proxyBounds.usernameMaxLength) return fail('proxyUsername', '代理用户名太长。');
  if (/[\r\n]/.test(text)) return fail('proxyUsername', '代理用户名中不能有换行。');
  return { ok: true, value: text };
}

/** The checked setting, before the password is sealed: `password` is the new plain one, if typed. */
interface CheckedProxy {
  readonly mode: ProxyMode;
  readonly server?: string;
  readonly pacUrl?: string;
  /** '' drops the stored login. */
  readonly username: string;
  /** 'keep' keeps the stored envelope; a string is a new password to seal; null stores none. */
  readonly password: 'keep' | string | null;
}

/**
 * Checks what the form sent against what is stored. Manual needs a server or a PAC address; the login
 * applies to system and manual (a proxy the system chooses may ask for one too); direct keeps none.
 */
export function checkProxy(input: ProxyInput | undefined, stored: StoredProxy): FieldCheck<CheckedProxy> {
  if (input === undefined) {
    return {
      ok: true,
      value: {
        mode: stored.mode,
        ...(stored.server === undefined ? {} : { server: stored.server }),
        ...(stored.pacUrl === undefined ? {} : { pacUrl: stored.pacUrl }),
        username: stored.username ?? '',
        password: stored.password === undefined ? null : 'keep',
      },
    };
  }
  const mode = input.mode;
  if (!(proxyModes as readonly string[]).includes(mode)) return fail('proxyMode', '请选择代理方式。');
  let server: string | undefined;
  let pacUrl: string | undefined;
  if (mode === 'manual') {
    const pacText = textOf(input.pacUrl);
    if (pacText !== '') {
      const pac = checkPacUrl(pacText);
      if (!pac.ok) return pac;
      pacUrl = pac.value;
    }
    const serverText = textOf(input.server);
    if (serverText !== '' || pacUrl === undefined) {
      const checked = checkProxyServer(serverText);
      if (!checked.ok) return checked;
      server = checked.value;
    }
  }
  if (mode === 'direct' || input.clearLogin === true) {
    return {
      ok: true,
      value: { mode, ...(server && { server }), ...(pacUrl && { pacUrl }), username: '', password: null },
    };
  }
  const username = checkUsername(input.username ?? stored.username);
  if (!username.ok) return username;
  const typed = typeof input.password === 'string' ? input.password : '';
  if (typed.length > 512) return fail('proxyPassword', '代理密码太长。');
  if (typed !== '' && username.value === '')
    return fail('proxyUsername', '填写代理密码时，请同时填写代理用户名。');
  const password: CheckedProxy['password'] =
    typed !== '' ? typed : username.value !== '' && stored.password !== undefined ? 'keep' : null;
  return {
    ok: true,
    value: { mode, ...(server && { server }), ...(pacUrl && { pacUrl }), username: username.value, password },
  };
}

/** The setting the network layer applies. */
export function proxySettingOf(stored: StoredProxy | undefined): ProxySetting {
  const proxy = stored ?? defaultProxy;
  if (proxy.mode !== 'manual') return { mode: proxy.mode };
  return {
    mode: 'manual',
    ...(proxy.server === undefined ? {} : { server: proxy.server }),
    ...(proxy.pacUrl === undefined ? {} : { pacUrl: proxy.pacUrl }),
  };
}

export function summarizeProxy(stored: StoredProxy | undefined, passwordState: SecretState): ProxySummary {
  const proxy = stored ?? defaultProxy;
  return {
    mode: proxy.mode,
    server: proxy.mode === 'manual' ? (proxy.server ?? '') : '',
    pacUrl: proxy.mode === 'manual' ? (proxy.pacUrl ?? '') : '',
    username: proxy.username ?? '',
    passwordState,
  };
}
