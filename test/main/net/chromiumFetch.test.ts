/**
 * The Chromium fetch's edges, with a scripted request: an answer cut off mid-body, our own timeout, and a
 * login asked by the server (not a proxy), which must never receive the proxy password.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createWdtClient } from '../../../src/main/wdt/client';
import { demoAccount } from '../../../src/main/wdt/simulator';
import {
  createChromiumFetch,
  type ChromiumAuthInfo,
  type ChromiumRequest,
  type ChromiumResponse,
  type LoginCallback,
} from '../../../src/main/net/chromiumFetch';

class ScriptedResponse extends EventEmitter implements ChromiumResponse {
  constructor(
    readonly statusCode: number,
    readonly headers: Record<string, string> = { 'content-type': 'application/json' },
  ) {
    super();
  }
  onData(listener: (chunk: Buffer) => void): void {
    this.on('data', listener);
  }
  onEnd(listener: () => void): void {
    this.on('end', listener);
  }
  onError(listener: (error: Error) => void): void {
    this.on('error', listener);
  }
}

class ScriptedRequest extends EventEmitter implements ChromiumRequest {
  aborted = false;
  body: Buffer | undefined;
  constructor(private readonly script: (request: ScriptedRequest) => void) {
    super();
  }
  setHeader(): void {}
  onResponse(listener: (response: ChromiumResponse) => void): void {
    this.on('response', listener);
  }
  onError(listener: (error: Error) => void): void {
    this.on('error', listener);
  }
  onLogin(listener: (authInfo: ChromiumAuthInfo, callback: LoginCallback) => void): void {
    this.on('login', listener);
  }
  end(chunk: Buffer): void {
    this.body = chunk;
    setImmediate(() => this.script(this));
  }
  abort(): void {
    this.aborted = true;
  }
}

function clientWith(script: (request: ScriptedRequest) => void, timeoutMs = 2000) {
  const requests: ScriptedRequest[] = [];
  const fetch = createChromiumFetch({
    session: {},
    request: () => {
      const request = new ScriptedRequest(script);
      requests.push(request);
      return request;
    },
    proxyLogin: () => ({ username: 'wh01', password: 'Pr0xyPw' }),
  });
  const client = createWdtClient({
    baseUrl: 'http://wdt.wangdian.cn/openapi',
    credentials: demoAccount,
    fetch,
    now: Date.now,
    timeoutMs,
    notSentRetryDelayMs: 0,
  });
  return { client, requests };
}

const probe = ['wms.stockout.Base.uploadSN', [{ stockout_no: 'X', order_type: 2 }, []]] as const;

describe('the Chromium fetch', () => {
  it('reads a whole answer', async () => {
    const { client, requests } = clientWith((request) => {
      const response = new ScriptedResponse(200);
      request.emit('response', response);
      response.emit('data', Buffer.from('{"status":0,"data":'));
      response.emit('data', Buffer.from('{}}'));
      response.emit('end');
    });
    const result = await client.call(...probe);
    expect(result.outcome.kind).toBe('accepted');
    expect(requests[0]?.body?.toString('utf8')).toBe(result.bodyText);
  });

  it('an answer cut off after it began is unknown, never resent', async () => {
    const { client, requests } = clientWith((request) => {
      const response = new ScriptedResponse(200);
      request.emit('response', response);
      response.emit('data', Buffer.from('{"status":0,'));
      const error = new Error('net::ERR_CONNECTION_RESET');
      response.emit('error', error);
      request.emit('error', error);
    });
    const result = await client.call(...probe);
    expect(result.outcome).toMatchObject({ kind: 'unknown' });
    expect(result.outcome.kind === 'unknown' && result.outcome.reason).toContain('net::ERR_CONNECTION_RESET');
    expect(requests).toHaveLength(1);
  });

  it('our own timeout aborts the Chromium request and is unknown', async () => {
    const { client, requests } = clientWith(() => undefined, 100);
    const result = await client.call(...probe);
    expect(result.outcome).toMatchObject({ kind: 'unknown' });
    expect(requests[0]?.aborted).toBe(true);
  });

  it('never answers a login the server (not a proxy) asks for', async () => {
    const answers: unknown[][] = [];
    const { client } = clientWith((request) => {
      request.emit(
        'login',
        { isProxy: false, scheme: 'basic', host: 'wdt.wangdian.cn', port: 80, realm: 'x' },
        (...given: unknown[]) => {
          answers.push(given);
          const response = new ScriptedResponse(401, { 'content-type': 'text/html' });
          request.emit('response', response);
          response.emit('data', Buffer.from('<html>401</html>'));
          response.emit('end');
        },
      );
    });
    const result = await client.call(...probe);
    expect(answers).toEqual([[]]);
    expect(result.outcome.kind).toBe('unknown');
  });
});
