/**
 * Chromium's network errors (net/base/net_error_list.h), as Electron reports them: a rejection whose
 * message is "net::ERR_NAME_NOT_RESOLVED". ONE table maps each code by the phase it arises in:
 *
 * - not-sent: raised before a connection to the ERP or its proxy existed, or in the TLS handshake, so no
 *   byte of the request reached the ERP: name resolution, proxy resolution and proxy connection, a tunnel
 *   the proxy would not open, a refused or timed-out TCP connect (Chromium's MapConnectError gives
 *   ERR_CONNECTION_REFUSED / _TIMED_OUT / _FAILED only for connect), a certificate rejected during the
 *   handshake, an address Chromium will not try.
 * - unknown: anything that may come after the request was written: a reset, closed or aborted connection,
 *   an empty or malformed answer, a timeout (ERR_TIMED_OUT covers reads too), a changed network.
 *
 * Codes that can arise in either phase are unknown (ERR_SSL_PROTOCOL_ERROR is also a read error,
 * ERR_ADDRESS_UNREACHABLE and ERR_NETWORK_ACCESS_DENIED come from reads as well as connects,
 * ERR_INTERNET_DISCONNECTED is not proven to be connect-only), and so is every code not listed here.
 */
import type { FailureCause } from './failureCauses';

interface ChromiumErrorRow {
  readonly verdict: 'not-sent' | 'unknown';
  /** The likely cause, for the wording; not-sent rows always name one. */
  readonly cause?: FailureCause;
  /** Short Chinese description of an unknown-outcome error, for the journal's reason. */
  readonly note?: string;
}

const notSent = (cause: FailureCause): ChromiumErrorRow => ({ verdict: 'not-sent', cause });
const unknown = (note: string): ChromiumErrorRow => ({ verdict: 'unknown', note });

export const chromiumErrorTable: Readonly<Record<string, ChromiumErrorRow>> = {
  // Name resolution: nothing was connected yet.
  ERR_NAME_NOT_RESOLVED: notSent('name-not-resolved'),
  ERR_NAME_RESOLUTION_FAILED: notSent('name-not-resolved'),
  ERR_DNS_TIMED_OUT: notSent('name-not-resolved'),
  // The proxy: resolving which one, connecting to it, authenticating to it, or it refusing the tunnel.
  ERR_PROXY_CONNECTION_FAILED: notSent('proxy-refused'),
  ERR_TUNNEL_CONNECTION_FAILED: notSent('proxy-refused'),
  ERR_SOCKS_CONNECTION_FAILED: notSent('proxy-refused'),
  ERR_SOCKS_CONNECTION_HOST_UNREACHABLE: notSent('proxy-refused'),
  ERR_PROXY_AUTH_REQUESTED: notSent('proxy-login-required'),
  ERR_PROXY_AUTH_UNSUPPORTED: notSent('proxy-login-required'),
  ERR_PROXY_CERTIFICATE_INVALID: notSent('certificate'),
  ERR_PAC_SCRIPT_FAILED: notSent('proxy-config'),
  ERR_MANDATORY_PROXY_CONFIGURATION_FAILED: notSent('proxy-config'),
  // TCP connect to the ERP.
  ERR_CONNECTION_REFUSED: notSent('connection-refused'),
  ERR_CONNECTION_FAILED: notSent('connection-refused'),
  ERR_CONNECTION_TIMED_OUT: notSent('connect-timeout'),
  ERR_ADDRESS_INVALID: notSent('address'),
  ERR_UNSAFE_PORT: notSent('address'),
  ERR_INVALID_URL: notSent('address'),
  ERR_DISALLOWED_URL_SCHEME: notSent('address'),
  ERR_UNKNOWN_URL_SCHEME: notSent('address'),
  // The TLS handshake: the certificate is verified before any request byte is sent.
  ERR_CERT_AUTHORITY_INVALID: notSent('certificate'),
  ERR_CERT_COMMON_NAME_INVALID: notSent('certificate'),
  ERR_CERT_DATE_INVALID: notSent('certificate'),
  ERR_CERT_INVALID: notSent('certificate'),
  ERR_CERT_REVOKED: notSent('certificate'),
  ERR_CERT_CONTAINS_ERRORS: notSent('certificate'),
  ERR_CERT_WEAK_SIGNATURE_ALGORITHM: notSent('certificate'),
  ERR_CERT_WEAK_KEY: notSent('certificate'),
  ERR_CERT_NAME_CONSTRAINT_VIOLATION: notSent('certificate'),
  ERR_CERT_VALIDITY_TOO_LONG: notSent('certificate'),
  ERR_CERT_UNABLE_TO_CHECK_REVOCATION: notSent('certificate'),
  ERR_CERT_NO_REVOCATION_MECHANISM: notSent('certificate'),
  ERR_CERT_NON_UNIQUE_NAME: notSent('certificate'),
  ERR_CERT_KNOWN_INTERCEPTION_BLOCKED: notSent('certificate'),
  ERR_CERTIFICATE_TRANSPARENCY_REQUIRED: notSent('certificate'),
  ERR_SSL_VERSION_OR_CIPHER_MISMATCH: notSent('tls'),

  // After the request may have been written.
  ERR_CONNECTION_RESET: unknown('连接被重置'),
  ERR_CONNECTION_CLOSED: unknown('连接被关闭'),
  ERR_CONNECTION_ABORTED: unknown('连接中断'),
  ERR_EMPTY_RESPONSE: unknown('服务器没有返回任何内容'),
  ERR_TIMED_OUT: unknown('等待回答超时'),
  ERR_NETWORK_CHANGED: unknown('网络在请求过程中发生了变化'),
  ERR_INTERNET_DISCONNECTED: unknown('网络连接已断开'),
  ERR_ADDRESS_UNREACHABLE: unknown('网络不通'),
  ERR_NETWORK_ACCESS_DENIED: unknown('网络访问被拒绝（防火墙）'),
  ERR_SSL_PROTOCOL_ERROR: unknown('安全连接出错'),
  ERR_INVALID_HTTP_RESPONSE: unknown('回答不是有效的 HTTP'),
  ERR_INVALID_CHUNKED_ENCODING: unknown('回答的分块编码无效'),
  ERR_INCOMPLETE_CHUNKED_ENCODING: unknown('回答不完整'),
  ERR_CONTENT_LENGTH_MISMATCH: unknown('回答不完整'),
  ERR_RESPONSE_HEADERS_TOO_BIG: unknown('回答头过大'),
  ERR_CONTENT_DECODING_FAILED: unknown('回答无法解码'),
  ERR_HTTP2_PROTOCOL_ERROR: unknown('HTTP/2 协议错误'),
  ERR_SOCKET_NOT_CONNECTED: unknown('连接已断开'),
  ERR_TOO_MANY_REDIRECTS: unknown('重定向次数过多'),
  ERR_UNSAFE_REDIRECT: unknown('不安全的重定向'),
  ERR_ABORTED: unknown('请求被中止'),
  ERR_FAILED: unknown('请求失败'),
  ERR_UNEXPECTED: unknown('意外错误'),
};

const UNLISTED: ChromiumErrorRow = { verdict: 'unknown' };

/** The code in an Electron net error ("net::ERR_X" → "ERR_X"), or undefined for any other error. */
export function chromiumCodeOf(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const match = /^net::(ERR_[A-Z0-9_]+)$/.exec(error.message.trim());
  return match?.[1];
}

/** The row for a code; an unlisted code counts as unknown (when in doubt, unknown). */
export function chromiumErrorRow(code: string): ChromiumErrorRow {
  return Object.hasOwn(chromiumErrorTable, code) ? (chromiumErrorTable[code] ?? UNLISTED) : UNLISTED;
}
