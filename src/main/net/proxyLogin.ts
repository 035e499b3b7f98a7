/**
 * A proxy that answered 407 (Proxy Authentication Required) and was not satisfied. A proxy answers 407
 * instead of forwarding, so the ERP never saw the request: whatever stack carried it (Chromium, undici),
 * the outcome is not-sent. The error is raised by our fetch wrappers, so both stacks report it the same way.
 */
type ProxyLoginProblem =
  /** No login is stored for this profile (or the stack had none to offer). */
  | 'required'
  /** The stored login was offered and refused. */
  | 'rejected';

const PROXY_LOGIN_ERROR_CODE = 'WDT_PROXY_LOGIN';

export class ProxyLoginError extends Error {
  readonly code = PROXY_LOGIN_ERROR_CODE;
  constructor(readonly problem: ProxyLoginProblem) {
    super(problem === 'required' ? 'proxy requires a login' : 'proxy refused the stored login');
    this.name = 'ProxyLoginError';
  }
}

export function isProxyLoginError(error: unknown): error is ProxyLoginError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === PROXY_LOGIN_ERROR_CODE &&
    ((error as { problem?: unknown }).problem === 'required' ||
      (error as { problem?: unknown }).problem === 'rejected')
  );
}
