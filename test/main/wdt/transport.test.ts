/**
 * "Not sent" only when the request provably never left: an error of the connect step. The same error code
 * after the connection was made means the ERP may have received it. Real loopback servers produce each phase
 * where they can; constructed errors stand in for codes loopback cannot produce (EHOSTUNREACH, DNS).
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWdtClient, type WdtClient } from '../../../src/main/wdt/client';
import { classifyTransportError, watchConnectPhase } from '../../../src/main/wdt/transport';
import { outerOutSpec } from '../../../src/shared/documents';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

interface Loopback {
  readonly port: number;
  /** Bytes each connection received, in order of connection. */
  readonly received: Buffer[];
}

/** A TCP server on 127.0.0.1 that records what arrives and lets `onData` decide what to do with it. */
async function tcpServer(onData: (socket: net.Socket) => void): Promise<Loopback> {
  const received: Buffer[] = [];
  const server = net.createServer((socket) => {
    const index = received.push(Buffer.alloc(0)) - 1;
    socket.on('data', (chunk: Buffer) => {
      received[index] = Buffer.concat([received[index] ?? Buffer.alloc(0), chunk]);
    });
    socket.on('error', () => undefined);
    onData(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, received };
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function clientAt(baseUrl: string): WdtClient {
  return createWdtClient({
    baseUrl,
    credentials: { sid: 'seller', appkey: 'key', appsecret: 'secret:salt' },
    fetch,
    now: Date.now,
    timeoutMs: 5000,
    notSentRetryDelayMs: 0,
  });
}

const send = (client: WdtClient) => client.call(outerOutSpec.method, outerOutSpec.example.args);

/** What the real fetch rejects with for this URL. */
async function fetchError(url: string): Promise<unknown> {
  watchConnectPhase();
  try {
    await fetch(url, { method: 'POST', body: '[1]' });
  } catch (error) {
    return error;
  }
  throw new Error('expected the fetch to fail');
}

describe('errors while connecting: not sent, retried once', () => {
  it('a closed port (ECONNREFUSED from connect) is not-sent', async () => {
    const result = await send(clientAt(`http://127.0.0.1:${await closedPort()}/openapi`));
    expect(result.outcome).toMatchObject({ kind: 'not-sent', reason: 'ECONNREFUSED' });
    expect(result.outcome.kind === 'not-sent' && result.outcome.explanation).toContain('可以放心重试');
    expect(result.retries).toEqual(['not-sent']);
  });

  it('a server that closes during the TLS handshake (ECONNRESET before any request byte) is not-sent', async () => {
    const server = await tcpServer((socket) => socket.destroy());
    const error = await fetchError(`https://127.0.0.1:${server.port}/openapi`);
    expect(error).toMatchObject({ cause: { code: 'ECONNRESET' } });
    expect(classifyTransportError(error)).toMatchObject({ kind: 'not-sent', reason: 'ECONNRESET' });
  });

  it('https to a server that does not speak TLS is not-sent and suggests http://', async () => {
    const server = await tcpServer((socket) =>
      socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')),
    );
    const result = await send(clientAt(`https://127.0.0.1:${server.port}/openapi`));
    expect(result.outcome).toMatchObject({ kind: 'not-sent', reason: 'ERR_SSL_WRONG_VERSION_NUMBER' });
    expect(result.outcome.kind === 'not-sent' && result.outcome.explanation).toContain('http://');
    // Only TLS handshakes arrived, never the request.
    expect(server.received.map((bytes) => bytes.includes('POST'))).toEqual([false, false]);
  });
});

describe('errors after the connection was made: unknown, never resent', () => {
  it('a server that reads the request and closes the connection: unknown', async () => {
    const server = await tcpServer((socket) => socket.once('data', () => socket.destroy()));
    const result = await send(clientAt(`http://127.0.0.1:${server.port}/openapi`));
    expect(result.outcome.kind).toBe('unknown');
    expect(result.attempts).toBe(1);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.toString()).toContain('POST /openapi');
  });

  it('the same ECONNRESET as a handshake failure, but after the request was written: unknown', async () => {
    const server = await tcpServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const error = await fetchError(`http://127.0.0.1:${server.port}/openapi`);
    expect(error).toMatchObject({ cause: { code: 'ECONNRESET', syscall: 'read' } });
    expect(classifyTransportError(error)).toMatchObject({ kind: 'unknown', reason: 'ECONNRESET (read)' });
  });
});

describe('constructed errors for what loopback cannot produce', () => {
  const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });
  const systemError = (code: string, syscall?: string) =>
    Object.assign(new Error(`${syscall ?? ''} ${code}`), { code, ...(syscall ? { syscall } : {}) });

  it.each([
    ['EHOSTUNREACH', 'connect'],
    ['ENETUNREACH', 'connect'],
    ['ENETDOWN', 'connect'],
    ['EHOSTDOWN', 'connect'],
    ['ETIMEDOUT', 'connect'],
    ['ENOTFOUND', 'getaddrinfo'],
    ['EAI_AGAIN', 'getaddrinfo'],
  ])('%s from %s is not-sent', (code, syscall) => {
    expect(classifyTransportError(fetchFailed(systemError(code, syscall)))).toMatchObject({
      kind: 'not-sent',
      reason: code,
    });
  });

  it.each([
    ['EHOSTUNREACH', 'read'],
    ['EHOSTUNREACH', 'write'],
    ['ENETUNREACH', 'write'],
    ['ETIMEDOUT', 'read'],
    ['ECONNRESET', 'read'],
    ['EPIPE', 'write'],
  ])('%s from %s (an established connection) is unknown', (code, syscall) => {
    expect(classifyTransportError(fetchFailed(systemError(code, syscall))).kind).toBe('unknown');
  });

  it.each(['EHOSTUNREACH', 'ENOTFOUND', 'ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC', 'CERT_HAS_EXPIRED'])(
    '%s with nothing showing where it arose is unknown (the code alone decides nothing)',
    (code) => {
      expect(classifyTransportError(fetchFailed(systemError(code))).kind).toBe('unknown');
    },
  );

  it("undici's connect timeout is not-sent", () => {
    const timeout = Object.assign(new Error('Connect Timeout Error'), {
      name: 'ConnectTimeoutError',
      code: 'UND_ERR_CONNECT_TIMEOUT',
    });
    expect(classifyTransportError(fetchFailed(timeout))).toMatchObject({
      kind: 'not-sent',
      reason: 'UND_ERR_CONNECT_TIMEOUT',
    });
  });

  it('several addresses tried: not-sent only when every attempt failed while connecting', () => {
    const refused = () => systemError('ECONNREFUSED', 'connect');
    expect(classifyTransportError(fetchFailed(new AggregateError([refused(), refused()]))).kind).toBe(
      'not-sent',
    );
    const mixed = new AggregateError([refused(), systemError('ECONNRESET', 'read')]);
    expect(classifyTransportError(fetchFailed(mixed)).kind).toBe('unknown');
  });

  it('an error without a code is unknown', () => {
    expect(classifyTransportError(fetchFailed(new Error('other side closed'))).kind).toBe('unknown');
  });
});
