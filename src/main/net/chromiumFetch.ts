/**
 * A FetchLike over Chromium's network stack (Electron's `net.request` on a dedicated session), so calls
 * take the path the ERP's web client takes in a browser on the same PC: Windows' proxy settings and PAC
 * scripts, integrated (NTLM/Kerberos) proxy logins, and the Windows certificate store.
 *
 * Why `net.request` and not `net.fetch`: both are the same Chromium URLLoader, but `net.fetch` answers a
 * proxy's login request with "no credentials" and never lets the app answer it (electron/electron#44249),
 * so a Basic/Digest proxy could never be passed. `net.request` emits 'login'; we answer it once per call
 * with the profile's stored proxy login, and Chromium keeps the accepted login for the session's later
 * calls. A second 'login' for the same call means the stored login was refused: we give up rather than
 * loop, and the call fails as not-sent (a 407 is the proxy's answer instead of forwarding the call).
 *
 * The Electron objects are reached only through the small interfaces below, so this file runs in Node
 * against a stand-in (test/main/platform/electronNet.test.ts); platform/electronNet.ts binds the real ones.
 */
import type { FetchLike, FetchResponseLike } from '../wdt/fetchLike';
import { ProxyLoginError } from './proxyLogin';
import type { ProxyLogin } from '../vault/proxy';

/** Electron's AuthInfo, as the 'login' event passes it. */
export interface ChromiumAuthInfo {
  readonly isProxy: boolean;
  readonly scheme: string;
  readonly host: string;
  readonly port: number;
  readonly realm: string;
}

/** Electron's IncomingMessage: the status, the headers and the body's events. */
export interface ChromiumResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string | string[]>>;
  onData(listener: (chunk: Buffer) => void): void;
  onEnd(listener: () => void): void;
  onError(listener: (error: Error) => void): void;
}

export type LoginCallback = (username?: string, password?: string) => void;

/** The part of Electron's ClientRequest used here, one method per event (platform/electronNet.ts adapts). */
export interface ChromiumRequest {
  setHeader(name: string, value: string): void;
  onResponse(listener: (response: ChromiumResponse) => void): void;
  onError(listener: (error: Error) => void): void;
  onLogin(listener: (authInfo: ChromiumAuthInfo, callback: LoginCallback) => void): void;
  end(chunk: Buffer): void;
  abort(): void;
}

interface ChromiumRequestOptions<S> {
  readonly method: string;
  readonly url: string;
  readonly session: S;
  /** The ERP sets no cookies we want; a dedicated session keeps none anyway. */
  readonly useSessionCookies: false;
  readonly credentials: 'omit';
}

export type ChromiumRequestFactory<S> = (options: ChromiumRequestOptions<S>) => ChromiumRequest;

interface ChromiumFetchOptions<S> {
  readonly request: ChromiumRequestFactory<S>;
  readonly session: S;
  /** The profile's stored proxy login, read when a proxy asks; null when none is stored. */
  readonly proxyLogin: () => ProxyLogin | null;
}

export function createChromiumFetch<S>(options: ChromiumFetchOptions<S>): FetchLike {
  return (url, init) =>
    new Promise<FetchResponseLike>((resolve, reject) => {
      const { signal } = init;
      if (signal.aborted) {
        reject(abortReason(signal));
        return;
      }
      let request: ChromiumRequest;
      try {
        request = options.request({
          method: init.method,
          url,
          session: options.session,
          useSessionCookies: false,
          credentials: 'omit',
        });
        for (const [name, value] of Object.entries(init.headers)) request.setHeader(name, value);
      } catch (error) {
        reject(error);
        return;
      }
      let settled = false;
      let body: StreamedBody | undefined;
      /** Set when a proxy asked for a login we could not (or could no longer) give. */
      let loginProblem: 'required' | 'rejected' | undefined;
      let loginOffered = false;

      const fail = (error: unknown): void => {
        if (settled) {
          // Already answered: an error now belongs to the body being read.
          body?.fail(error);
          return;
        }
        settled = true;
        reject(error);
      };
      const onAbort = (): void => {
        const reason = abortReason(signal);
        request.abort();
        fail(reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });

      request.onLogin((authInfo, callback) => {
        // Only a proxy's request is ours to answer; the ERP itself never asks for a login.
        if (!authInfo.isProxy) {
          callback();
          return;
        }
        if (loginOffered) {
          loginProblem = 'rejected';
          callback();
          return;
        }
        const login = options.proxyLogin();
        if (login === null) {
          loginProblem = 'required';
          callback();
          return;
        }
        loginOffered = true;
        callback(login.username, login.password);
      });
      request.onError((error) => {
        signal.removeEventListener('abort', onAbort);
        fail(loginProblem ? new ProxyLoginError(loginProblem) : error);
      });
      request.onResponse((message) => {
        if (settled) return;
        if (message.statusCode === 407) {
          // The proxy kept the call: the ERP never saw it.
          signal.removeEventListener('abort', onAbort);
          request.abort();
          fail(new ProxyLoginError(loginProblem ?? (loginOffered ? 'rejected' : 'required')));
          return;
        }
        settled = true;
        body = streamBody(message, () => signal.removeEventListener('abort', onAbort));
        resolve(toFetchResponse(message, body.stream));
      });
      request.end(Buffer.from(init.body.buffer, init.body.byteOffset, init.body.byteLength));
    });
}

interface StreamedBody {
  readonly stream: ReadableStream<Uint8Array>;
  /** Ends the stream with an error (the call was aborted or failed while the answer was being read). */
  fail(reason: unknown): void;
}

/**
 * The answer's bytes as a web stream. Chunks arrive as events; once the reader cancels (the byte cap in
 * bodyReader.ts was passed) later chunks are dropped.
 */
function streamBody(message: ChromiumResponse, done: () => void): StreamedBody {
  let control: ReadableStreamDefaultController<Uint8Array> | undefined;
  let finished = false;
  const finish = (): boolean => {
    if (finished) return false;
    finished = true;
    done();
    return true;
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      control = controller;
    },
    cancel() {
      finish();
    },
  });
  message.onData((chunk) => {
    if (!finished) control?.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  });
  message.onEnd(() => {
    if (finish()) control?.close();
  });
  const fail = (reason: unknown): void => {
    if (finish()) control?.error(reason);
  };
  message.onError(fail);
  return { stream, fail };
}

function toFetchResponse(message: ChromiumResponse, body: ReadableStream<Uint8Array>): FetchResponseLike {
  const headers = {
    get(name: string): string | null {
      const value = message.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
  return {
    status: message.statusCode,
    headers,
    body,
    text: () => new Response(body).text(),
  };
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}
