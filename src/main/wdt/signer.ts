/**
 * Signing for the WDT flagship open API, exactly as /work/shared/wdt-api/PROTOCOL.md describes it. The body
 * text is produced once and the same bytes are both signed and sent: the server checks the signature over
 * the raw bytes it receives, so any re-serialization in between would break it.
 */
import { createHash } from 'node:crypto';
import { splitAppsecret } from '../../shared/profile';

/** 2012-01-01 00:00 UTC+8, the vendor's epoch: timestamps are seconds since then. */
const WDT_EPOCH_UNIX_SECONDS = 1325347200;
export const WDT_API_VERSION = '1.0';

export interface WdtCredentials {
  readonly sid: string;
  /** Sent as the `key` parameter. */
  readonly appkey: string;
  /** `secret:salt`; the secret part is never sent. */
  readonly appsecret: string;
}

interface AppSecretParts {
  readonly secret: string;
  readonly salt: string;
}

/** Thrown for credentials or settings that cannot make a request at all; the message never holds a secret. */
export class WdtConfigError extends Error {
  override readonly name = 'WdtConfigError';
}

/** Splits an appsecret at its FIRST ':' (the salt itself may contain ':'). */
export function splitAppSecret(appsecret: string): AppSecretParts {
  const parts = splitAppsecret(appsecret);
  if (parts === undefined) {
    throw new WdtConfigError('appsecret 格式不对：应为“secret:salt”，中间有一个英文冒号。');
  }
  const { secret, salt } = parts;
  if (secret === '' || salt === '') {
    throw new WdtConfigError('appsecret 格式不对：冒号前后都不能为空（应为“secret:salt”）。');
  }
  return { secret, salt };
}

/** The `timestamp` parameter for a moment given in unix seconds (fractions are dropped). */
export function wdtTimestamp(unixSeconds: number): number {
  return Math.floor(unixSeconds) - WDT_EPOCH_UNIX_SECONDS;
}

/** The body: the positional arguments as compact JSON. */
export function bodyTextOf(args: readonly unknown[]): string {
  const text = JSON.stringify(args);
  // JSON.stringify returns undefined only for non-serializable roots; an array root always serializes.
  if (typeof text !== 'string') throw new WdtConfigError('请求参数无法转换为 JSON。');
  return text;
}

/**
 * The sign over `params` (which must include `body` when there is one): secret + k1v1k2v2… (keys in ASCII
 * order) + secret, MD5 over the UTF-8 bytes, lowercase hex.
 */
export function signParams(params: Readonly<Record<string, string>>, secret: string): string {
  const keys = Object.keys(params).sort(compareAscii);
  const hash = createHash('md5');
  hash.update(secret, 'utf8');
  for (const key of keys) {
    hash.update(key, 'utf8');
    hash.update(params[key] ?? '', 'utf8');
  }
  hash.update(secret, 'utf8');
  return hash.digest('hex');
}

/** Code-unit order, which is ASCII order for the ASCII parameter names the API uses (not locale order). */
export function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface PrepareRequestInput {
  readonly baseUrl: string;
  readonly credentials: WdtCredentials;
  readonly method: string;
  readonly args: readonly unknown[];
  /** Already in the vendor's epoch (see wdtTimestamp). */
  readonly timestamp: number;
  /** Extra signed query parameters (paged queries' page_size, page_no, calc_total). */
  readonly extraParams?: Readonly<Record<string, string>>;
}

export interface PreparedRequest {
  /** The endpoint with the full query string, sign included. */
  readonly url: string;
  /** The body exactly as signed; safe to show or journal (it holds no credential). */
  readonly bodyText: string;
  /** The UTF-8 bytes of bodyText: what goes on the wire. */
  readonly bodyBytes: Uint8Array;
  readonly sign: string;
}

/** Builds a complete, signed request. */
export function prepareRequest(input: PrepareRequestInput): PreparedRequest {
  const { secret, salt } = splitAppSecret(input.credentials.appsecret);
  const endpoint = parseBaseUrl(input.baseUrl);
  const bodyText = bodyTextOf(input.args);
  const queryParams: Record<string, string> = {
    ...input.extraParams,
    sid: input.credentials.sid,
    key: input.credentials.appkey,
    salt,
    method: input.method,
    v: WDT_API_VERSION,
    timestamp: String(input.timestamp),
  };
  const sign = signParams({ ...queryParams, body: bodyText }, secret);
  for (const key of Object.keys(queryParams).sort(compareAscii)) {
    endpoint.searchParams.set(key, queryParams[key] ?? '');
  }
  endpoint.searchParams.set('sign', sign);
  return { url: endpoint.toString(), bodyText, bodyBytes: new TextEncoder().encode(bodyText), sign };
}

function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new WdtConfigError(`接口地址不是有效的网址：${baseUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WdtConfigError(`接口地址必须以 http:// 或 https:// 开头：${baseUrl}`);
  }
  return url;
}
