/**
 * What a failed fetch proves. A request counts as not sent only when the error arose while the connection
 * was being made (name lookup, TCP connect, connect timeout, TLS handshake): then no byte of it was written,
 * and sending it again cannot create a second document. The same error codes after the connection was made
 * (ECONNRESET, EHOSTUNREACH, a TLS alert) say nothing about whether the ERP received and acted on it, so the
 * outcome is unknown.
 *
 * The phase is read from where the error arose, never from its code alone:
 * - undici publishes every error of its connect step (DNS, TCP, TLS handshake, connect timeout) on the
 *   `undici:client:connectError` diagnostics channel before failing the queued requests with it; an error
 *   seen there is a connect-phase error whatever its code.
 * - Without that record (another fetch, or the channel missing), only errors that name the connect step
 *   themselves count: a system call of 'getaddrinfo' (lookup) or 'connect' (TCP), and undici's
 *   ConnectTimeoutError. A TLS error then stays unknown: its code alone cannot tell a handshake from an
 *   alert in the middle of the answer.
 *
 * Two other stacks report failures their own way:
 * - Chromium (Electron's net, issue #19) rejects with "net::ERR_*"; its codes are classed by phase in one
 *   table (net/chromiumErrors.ts), an unlisted code as unknown.
 * - A proxy that would not carry the call: a 407 our fetch wrappers turn into ProxyLoginError, and
 *   undici's ProxyAgent refusing to open a tunnel ("Proxy response (403) !== 200 when HTTP Tunneling",
 *   raised before the tunnel, so before any byte of the request) are not-sent.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { CallOutcome } from '../../shared/outcome';
import { explainNotSent, type NotSentPhase } from './explain';
import { unknownOutcome } from './response';
import { chromiumCodeOf, chromiumErrorRow } from '../net/chromiumErrors';
import { explainCause } from '../net/failureCauses';
import { isProxyLoginError } from '../net/proxyLogin';

const connectPhaseErrors = new WeakSet<object>();
let watching = false;

/** Starts recording undici's connect-step errors; idempotent. Called when a client is created. */
export function watchConnectPhase(): void {
  if (watching) return;
  watching = true;
  subscribe('undici:client:connectError', (message) => {
    const error = (message as { error?: unknown } | null)?.error;
    if (typeof error === 'object' && error !== null) connectPhaseErrors.add(error);
  });
}

/** undici's ConnectTimeoutError: its connect step (TCP and TLS) did not finish in time. */
const CONNECT_TIMEOUT_CODE = 'UND_ERR_CONNECT_TIMEOUT';
const MAX_DEPTH = 6;

interface ConnectFailure {
  readonly phase: NotSentPhase;
  readonly code: string | undefined;
}

/** A fetch rejection (not our own timeout): 'not-sent' only for an error of the connect step. */
export function classifyTransportError(error: unknown): CallOutcome {
  const special = classifyProxyOrChromium(error);
  if (special) return special;
  const failure = connectFailureIn(error, 0);
  if (failure) {
    return {
      kind: 'not-sent',
      reason: failure.code ?? '连接失败',
      explanation: explainNotSent(failure.phase, failure.code),
    };
  }
  return unknownOutcome({ kind: 'connection-lost' }, describeError(error));
}

/** The reasons journaled for a proxy that would not carry the call (read back by net/causeOf.ts). */
export const PROXY_LOGIN_REQUIRED = 'PROXY_LOGIN_REQUIRED (HTTP 407)';
export const PROXY_LOGIN_REJECTED = 'PROXY_LOGIN_REJECTED (HTTP 407)';
export const PROXY_TUNNEL_REFUSED = 'PROXY_TUNNEL_REFUSED';

/** undici ProxyAgent's refusal to tunnel, raised from its connect step before the tunnel exists. */
const TUNNEL_REFUSED = /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling$/;

/** A Chromium error, a proxy login failure or a refused tunnel anywhere along the cause chain. */
function classifyProxyOrChromium(error: unknown): CallOutcome | undefined {
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_DEPTH && isObject(current); depth += 1) {
    if (isProxyLoginError(current)) {
      const required = current.problem === 'required';
      const reason = required ? PROXY_LOGIN_REQUIRED : PROXY_LOGIN_REJECTED;
      const cause = required ? 'proxy-login-required' : 'proxy-login-rejected';
      return { kind: 'not-sent', reason, explanation: explainCause(cause, 'HTTP 407') };
    }
    const code = chromiumCodeOf(current);
    if (code !== undefined) {
      const row = chromiumErrorRow(code);
      const reason = `net::${code}`;
      if (row.verdict === 'not-sent' && row.cause !== undefined) {
        return { kind: 'not-sent', reason, explanation: explainCause(row.cause, reason) };
      }
      return unknownOutcome({ kind: 'connection-lost' }, row.note ? `${reason}（${row.note}）` : reason);
    }
    const message = typeof current['message'] === 'string' ? current['message'] : '';
    const tunnel = TUNNEL_REFUSED.exec(message);
    if (tunnel) {
      const status = Number(tunnel[1]);
      const reason = status === 407 ? PROXY_LOGIN_REQUIRED : `${PROXY_TUNNEL_REFUSED} (HTTP ${status})`;
      const cause = status === 407 ? 'proxy-login-required' : 'proxy-refused';
      return { kind: 'not-sent', reason, explanation: explainCause(cause, `HTTP ${status}`) };
    }
    current = current['cause'];
  }
  return undefined;
}

/**
 * The connect-step failure this error is, or wraps (undici's fetch wraps it as TypeError('fetch failed',
 * { cause })); undefined when nothing shows the error arose before the request was written.
 */
function connectFailureIn(error: unknown, depth: number): ConnectFailure | undefined {
  if (depth > MAX_DEPTH || !isObject(error)) return undefined;
  const code = typeof error['code'] === 'string' ? error['code'] : undefined;
  const syscall = error['syscall'];
  if (syscall === 'getaddrinfo') return { phase: 'dns', code };
  if (syscall === 'connect') return { phase: 'connect', code };
  if (code === CONNECT_TIMEOUT_CODE) return { phase: 'connect-timeout', code };
  const inner = error['errors'];
  // Several addresses tried one after another (Happy Eyeballs): not sent only if every attempt failed
  // while connecting.
  if (Array.isArray(inner) && inner.length > 0) {
    const failures = inner.map((each) => connectFailureIn(each, depth + 1));
    if (failures.every((failure) => failure !== undefined)) return failures[0];
  }
  const wrapped = connectFailureIn(error['cause'], depth + 1);
  if (wrapped) return wrapped;
  // Recorded by undici's connect step, yet neither a lookup, a TCP connect nor a connect timeout: mostly
  // the TLS handshake failing (or the socket closing during it); the phase only chooses the wording.
  if (connectPhaseErrors.has(error)) return { phase: looksLikeTls(error, code) ? 'tls' : 'connect', code };
  return undefined;
}

function looksLikeTls(error: Record<string, unknown>, code: string | undefined): boolean {
  const message = typeof error['message'] === 'string' ? error['message'] : '';
  return (
    (code !== undefined && /^ERR_(SSL|TLS)_|CERT|UNABLE_TO_/.test(code)) || /\bTLS\b|\bSSL\b/i.test(message)
  );
}

/** The codes and system calls along the cause chain, e.g. "ECONNRESET (read)", for the journal. */
function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_DEPTH && isObject(current); depth += 1) {
    const code = current['code'];
    const syscall = current['syscall'];
    if (typeof code === 'string') parts.push(typeof syscall === 'string' ? `${code} (${syscall})` : code);
    current = current['cause'];
  }
  if (parts.length > 0) return parts.join(' ← ');
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
