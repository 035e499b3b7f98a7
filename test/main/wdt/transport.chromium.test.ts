/**
 * Chromium's net::ERR_* codes (Electron's net rejects with them) classed by phase: not-sent only before a
 * connection to the ERP or its proxy existed or in the TLS handshake; unknown once the request may have
 * been written; unknown when in doubt. The expected verdicts are written out here from the rules,
 * independently of the table, and each code is driven through the real client: a not-sent call is retried
 * once, an unknown one never.
 */
import { describe, expect, it } from 'vitest';
import { createWdtClient } from '../../../src/main/wdt/client';
import type { FetchLike } from '../../../src/main/wdt/fetchLike';
import { classifyTransportError } from '../../../src/main/wdt/transport';
import { chromiumErrorTable } from '../../../src/main/net/chromiumErrors';
import { ProxyLoginError } from '../../../src/main/net/proxyLogin';
import { demoAccount } from '../../../src/main/wdt/simulator';

type Verdict = 'not-sent' | 'unknown';

/** What each code must be, with the wording a user must see for the not-sent ones. */
const expected: Readonly<Record<string, readonly [Verdict, string?]>> = {
  ERR_NAME_NOT_RESOLVED: ['not-sent', '域名无法解析'],
  ERR_NAME_RESOLUTION_FAILED: ['not-sent', '域名无法解析'],
  ERR_DNS_TIMED_OUT: ['not-sent', '域名无法解析'],
  ERR_PROXY_CONNECTION_FAILED: ['not-sent', '代理服务器拒绝连接'],
  ERR_TUNNEL_CONNECTION_FAILED: ['not-sent', '代理服务器拒绝连接'],
  ERR_SOCKS_CONNECTION_FAILED: ['not-sent', '代理服务器拒绝连接'],
  ERR_SOCKS_CONNECTION_HOST_UNREACHABLE: ['not-sent', '代理服务器拒绝连接'],
  ERR_PROXY_AUTH_REQUESTED: ['not-sent', '代理服务器需要登录'],
  ERR_PROXY_AUTH_UNSUPPORTED: ['not-sent', '代理服务器需要登录'],
  ERR_PROXY_CERTIFICATE_INVALID: ['not-sent', '证书不受信任'],
  ERR_PAC_SCRIPT_FAILED: ['not-sent', 'PAC 脚本'],
  ERR_MANDATORY_PROXY_CONFIGURATION_FAILED: ['not-sent', 'PAC 脚本'],
  ERR_CONNECTION_REFUSED: ['not-sent', '服务器拒绝连接'],
  ERR_CONNECTION_FAILED: ['not-sent', '服务器拒绝连接'],
  ERR_CONNECTION_TIMED_OUT: ['not-sent', '连接服务器超时'],
  ERR_ADDRESS_INVALID: ['not-sent', '接口地址'],
  ERR_UNSAFE_PORT: ['not-sent', '接口地址'],
  ERR_INVALID_URL: ['not-sent', '接口地址'],
  ERR_DISALLOWED_URL_SCHEME: ['not-sent', '接口地址'],
  ERR_UNKNOWN_URL_SCHEME: ['not-sent', '接口地址'],
  ERR_CERT_AUTHORITY_INVALID: ['not-sent', '证书不受信任'],
  ERR_CERT_COMMON_NAME_INVALID: ['not-sent', '证书不受信任'],
  ERR_CERT_DATE_INVALID: ['not-sent', '日期时间'],
  ERR_CERT_INVALID: ['not-sent', '证书不受信任'],
  ERR_CERT_REVOKED: ['not-sent', '证书不受信任'],
  ERR_CERT_CONTAINS_ERRORS: ['not-sent', '证书不受信任'],
  ERR_CERT_WEAK_SIGNATURE_ALGORITHM: ['not-sent', '证书不受信任'],
  ERR_CERT_WEAK_KEY: ['not-sent', '证书不受信任'],
  ERR_CERT_NAME_CONSTRAINT_VIOLATION: ['not-sent', '证书不受信任'],
  ERR_CERT_VALIDITY_TOO_LONG: ['not-sent', '证书不受信任'],
  ERR_CERT_UNABLE_TO_CHECK_REVOCATION: ['not-sent', '证书不受信任'],
  ERR_CERT_NO_REVOCATION_MECHANISM: ['not-sent', '证书不受信任'],
  ERR_CERT_NON_UNIQUE_NAME: ['not-sent', '证书不受信任'],
  ERR_CERT_KNOWN_INTERCEPTION_BLOCKED: ['not-sent', '受信任的根证书颁发机构'],
  ERR_CERTIFICATE_TRANSPARENCY_REQUIRED: ['not-sent', '证书不受信任'],
  ERR_SSL_VERSION_OR_CIPHER_MISMATCH: ['not-sent', '安全连接'],
  ERR_CONNECTION_RESET: ['unknown'],
  ERR_CONNECTION_CLOSED: ['unknown'],
  ERR_CONNECTION_ABORTED: ['unknown'],
  ERR_EMPTY_RESPONSE: ['unknown'],
  ERR_TIMED_OUT: ['unknown'],
  ERR_NETWORK_CHANGED: ['unknown'],
  ERR_INTERNET_DISCONNECTED: ['unknown'],
  ERR_ADDRESS_UNREACHABLE: ['unknown'],
  ERR_NETWORK_ACCESS_DENIED: ['unknown'],
  ERR_SSL_PROTOCOL_ERROR: ['unknown'],
  ERR_INVALID_HTTP_RESPONSE: ['unknown'],
  ERR_INVALID_CHUNKED_ENCODING: ['unknown'],
  ERR_INCOMPLETE_CHUNKED_ENCODING: ['unknown'],
  ERR_CONTENT_LENGTH_MISMATCH: ['unknown'],
  ERR_RESPONSE_HEADERS_TOO_BIG: ['unknown'],
  ERR_CONTENT_DECODING_FAILED: ['unknown'],
  ERR_HTTP2_PROTOCOL_ERROR: ['unknown'],
  ERR_SOCKET_NOT_CONNECTED: ['unknown'],
  ERR_TOO_MANY_REDIRECTS: ['unknown'],
  ERR_UNSAFE_REDIRECT: ['unknown'],
  ERR_ABORTED: ['unknown'],
  ERR_FAILED: ['unknown'],
  ERR_UNEXPECTED: ['unknown'],
};

function clientRejectingWith(error: () => unknown) {
  let attempts = 0;
  const fetch: FetchLike = () => {
    attempts += 1;
    return Promise.reject(error());
  };
  const client = createWdtClient({
    baseUrl: 'http://wdt.wangdian.cn/openapi',
    credentials: demoAccount,
    fetch,
    now: Date.now,
    notSentRetryDelayMs: 0,
  });
  return { client, attempts: () => attempts };
}

describe('the Chromium error table', () => {
  it('lists exactly the codes decided here', () => {
    expect(Object.keys(chromiumErrorTable).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('net::%s → %s', async (code, [verdict, wording]) => {
    const { client, attempts } = clientRejectingWith(() => new Error(`net::${code}`));
    const result = await client.call('wms.stockout.Base.uploadSN', [{ stockout_no: 'X', order_type: 2 }, []]);
    expect(result.outcome.kind).toBe(verdict);
    // Not sent: retried once automatically. Unknown: never resent.
    expect(attempts()).toBe(verdict === 'not-sent' ? 2 : 1);
    if (result.outcome.kind === 'not-sent') {
      expect(result.outcome.reason).toBe(`net::${code}`);
      expect(result.outcome.explanation).toContain(wording ?? '');
      expect(result.outcome.explanation).toContain('单据没有创建');
    }
    if (result.outcome.kind === 'unknown') {
      expect(result.outcome.reason).toContain(`net::${code}`);
      expect(result.outcome.explanation).toContain('可能已经创建');
    }
  });

  it('treats a code it does not know as unknown (when in doubt)', () => {
    expect(classifyTransportError(new Error('net::ERR_QUIC_PROTOCOL_ERROR')).kind).toBe('unknown');
    expect(classifyTransportError(new Error('net::ERR_BLOCKED_BY_CLIENT')).kind).toBe('unknown');
  });

  it('finds the code when wrapped as a cause', () => {
    const wrapped = new TypeError('fetch failed', { cause: new Error('net::ERR_NAME_NOT_RESOLVED') });
    expect(classifyTransportError(wrapped)).toMatchObject({
      kind: 'not-sent',
      reason: 'net::ERR_NAME_NOT_RESOLVED',
    });
  });

  it('does not mistake a message that only mentions a code', () => {
    expect(classifyTransportError(new Error('proxy said net::ERR_NAME_NOT_RESOLVED later')).kind).toBe(
      'unknown',
    );
  });
});

describe('a proxy that would not carry the call', () => {
  it('a 407 without a login, or with a refused one, is not-sent and says which', () => {
    expect(classifyTransportError(new ProxyLoginError('required'))).toMatchObject({
      kind: 'not-sent',
      reason: 'PROXY_LOGIN_REQUIRED (HTTP 407)',
    });
    const rejected = classifyTransportError(new ProxyLoginError('rejected'));
    expect(rejected).toMatchObject({ kind: 'not-sent', reason: 'PROXY_LOGIN_REJECTED (HTTP 407)' });
    expect(rejected.kind === 'not-sent' && rejected.explanation).toContain('重新填写代理用户名和密码');
  });

  it("undici's refused tunnel is not-sent, as it happens before the tunnel exists", () => {
    const error = new TypeError('fetch failed', {
      cause: new Error('Proxy response (502) !== 200 when HTTP Tunneling'),
    });
    expect(classifyTransportError(error)).toMatchObject({
      kind: 'not-sent',
      reason: 'PROXY_TUNNEL_REFUSED (HTTP 502)',
    });
  });
});
