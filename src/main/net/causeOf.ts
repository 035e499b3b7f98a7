/**
 * Reads back, from a not-sent outcome's reason (the code transport.ts journaled), the likely cause 测试连接
 * names. Whether the call went through a proxy matters: a refused connection or an unknown name is then the
 * proxy's, since the PC only ever connects to the proxy and the proxy looks up the ERP.
 */
import { PROXY_LOGIN_REJECTED, PROXY_LOGIN_REQUIRED, PROXY_TUNNEL_REFUSED } from '../wdt/transport';
import { chromiumErrorRow } from './chromiumErrors';
import type { FailureCause } from './failureCauses';

const nodeNameErrors = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
const nodeRefusedErrors = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN']);
const nodeTimeoutErrors = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function isNodeCertificateError(code: string): boolean {
  return /CERT|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|SELF_SIGNED/.test(code);
}

export function causeOfNotSent(reason: string, viaProxy: boolean): FailureCause | undefined {
  if (reason === PROXY_LOGIN_REQUIRED) return 'proxy-login-required';
  if (reason === PROXY_LOGIN_REJECTED) return 'proxy-login-rejected';
  if (reason.startsWith(PROXY_TUNNEL_REFUSED)) return 'proxy-refused';
  const chromium = /^net::(ERR_[A-Z0-9_]+)$/.exec(reason);
  if (chromium) {
    const row = chromiumErrorRow(chromium[1] ?? '');
    return row.verdict === 'not-sent' ? row.cause : undefined;
  }
  if (nodeNameErrors.has(reason)) return viaProxy ? 'proxy-refused' : 'name-not-resolved';
  if (nodeRefusedErrors.has(reason)) return viaProxy ? 'proxy-refused' : 'connection-refused';
  if (nodeTimeoutErrors.has(reason)) return viaProxy ? 'proxy-refused' : 'connect-timeout';
  if (isNodeCertificateError(reason)) return 'certificate';
  return undefined;
}
