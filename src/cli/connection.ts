/**
 * The connection arguments every command that talks to the ERP takes (`--url --sid --key [--timeout]`, the
 * appsecret from WDT_APPSECRET, never the command line), read and checked in one place.
 */
import { parseBaseUrl } from '../main/environments';
import type { WdtCredentials } from '../main/wdt/signer';

/** parseArgs options for the connection; spread them into a command's own. */
export const connectionOptions = {
  url: { type: 'string' },
  sid: { type: 'string' },
  key: { type: 'string' },
  timeout: { type: 'string' },
} as const;

interface ConnectionValues {
  readonly url?: string | undefined;
  readonly sid?: string | undefined;
  readonly key?: string | undefined;
  readonly timeout?: string | undefined;
}

interface Connection {
  readonly baseUrl: string;
  readonly credentials: WdtCredentials;
  readonly timeoutMs: number;
}

const DEFAULT_TIMEOUT_SECONDS = 30;

/**
 * The connection from parsed arguments and the environment, or the usage error to print. `required` are the
 * command's own required options, checked together with --url --sid --key so one message names all missing.
 */
export function readConnection(
  values: ConnectionValues & Readonly<Record<string, unknown>>,
  env: Readonly<Record<string, string | undefined>>,
  required: readonly string[] = [],
): { readonly ok: true; readonly connection: Connection } | { readonly ok: false; readonly message: string } {
  const missing = ['url', 'sid', 'key', ...required].filter((name) => !values[name]);
  if (missing.length > 0)
    return { ok: false, message: `缺少参数：${missing.map((name) => `--${name}`).join(' ')}` };
  const appsecret = env['WDT_APPSECRET'];
  if (!appsecret)
    return { ok: false, message: '请在环境变量 WDT_APPSECRET 中提供 appsecret（格式 secret:salt）' };
  const url = parseBaseUrl(values.url ?? '');
  if (!url.ok) return { ok: false, message: url.error.message };
  const timeoutSeconds = values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
    return { ok: false, message: '--timeout 必须是正数（秒）' };
  return {
    ok: true,
    connection: {
      baseUrl: url.value,
      credentials: { sid: values.sid ?? '', appkey: values.key ?? '', appsecret },
      timeoutMs: timeoutSeconds * 1000,
    },
  };
}
