/**
 * The simulator's gatekeeper: checks a request's query and signature the way the ERP does, before any
 * document logic runs. The sign is recomputed over the body bytes exactly as received, so a client that
 * signs one serialization and sends another is caught here, as it would be in production.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ErpResponse } from '../../../shared/outcome';
import { compareAscii, splitAppSecret, WDT_API_VERSION, wdtTimestamp, type WdtCredentials } from '../signer';

/** The ERP's window around its own clock. */
const TIMESTAMP_TOLERANCE_SECONDS = 120;

const REQUIRED_PARAMS = ['sid', 'key', 'salt', 'method', 'v', 'timestamp', 'sign'] as const;

type Verification =
  | { readonly ok: true; readonly account: WdtCredentials; readonly method: string }
  | { readonly ok: false; readonly refusal: ErpResponse };

export function verifyRequest(
  query: URLSearchParams,
  rawBody: Uint8Array,
  accounts: readonly WdtCredentials[],
  serverNowMs: number,
): Verification {
  const params = new Map<string, string>();
  for (const [key, value] of query) {
    // A repeated parameter makes "the" value ambiguous; the ERP's signature check would fail on it.
    if (params.has(key)) return refuse(1, '验证失败');
    params.set(key, value);
  }
  for (const name of REQUIRED_PARAMS) {
    if (!params.get(name)) return refuse(1, '参数个数错误');
  }
  const sid = params.get('sid') ?? '';
  const sellerAccounts = accounts.filter((account) => account.sid === sid);
  if (sellerAccounts.length === 0) return refuse(1, 'sid is not exists');
  const account = sellerAccounts.find(
    (candidate) =>
      candidate.appkey === params.get('key') &&
      splitAppSecret(candidate.appsecret).salt === params.get('salt'),
  );
  if (!account) return refuse(1, 'app auth fail');
  if (params.get('v') !== WDT_API_VERSION) return refuse(8, '版本错误');
  const timestampText = params.get('timestamp') ?? '';
  if (!/^-?\d{1,15}$/.test(timestampText)) return refuse(1, '验证失败');

  const { secret } = splitAppSecret(account.appsecret);
  if (!signMatches(params, rawBody, secret)) return refuse(1, '验证失败');

  const serverTimestamp = wdtTimestamp(serverNowMs / 1000);
  if (Math.abs(Number(timestampText) - serverTimestamp) > TIMESTAMP_TOLERANCE_SECONDS) {
    return refuse(7, '时间戳错误');
  }
  return { ok: true, account, method: params.get('method') ?? '' };
}

function signMatches(params: ReadonlyMap<string, string>, rawBody: Uint8Array, secret: string): boolean {
  const signed = [...params.keys(), 'body'].filter((key) => key !== 'sign').sort(compareAscii);
  const hash = createHash('md5');
  hash.update(secret, 'utf8');
  for (const key of signed) {
    hash.update(key, 'utf8');
    if (key === 'body') hash.update(rawBody);
    else hash.update(params.get(key) ?? '', 'utf8');
  }
  hash.update(secret, 'utf8');
  const expected = Buffer.from(hash.digest('hex'), 'utf8');
  const given = Buffer.from(params.get('sign') ?? '', 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function refuse(status: number, message: string): Verification {
  return { ok: false, refusal: { status, message } };
}
