/**
 * A small HTTP proxy on 127.0.0.1 for the tests: CONNECT tunnels (what undici's ProxyAgent uses) and
 * forward requests with an absolute URI (what Chromium sends for a plain-http URL), an optional Basic
 * login (407 until it is given), and a policy refusal (403 to every CONNECT). Like a company proxy it
 * looks names up itself: every host is reached at 127.0.0.1 on the port asked for, so a test may address
 * the simulator as erp.example.test without the PC ever resolving that name.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TestProxyOptions {
  readonly login?: { readonly username: string; readonly password: string };
  /** Answer every CONNECT with this status instead of opening the tunnel. */
  readonly refuseTunnel?: number;
}

export interface ProxyLogEntry {
  readonly kind: 'connect' | 'forward';
  /** host:port as the client asked for it. */
  readonly target: string;
  readonly status: number;
  /** The Proxy-Authorization header, decoded ("user:password"), if any. */
  readonly login?: string;
  /** A forwarded request's body. */
  readonly body?: string;
}

export interface TestProxy {
  readonly url: string;
  readonly port: number;
  readonly log: ProxyLogEntry[];
  close(): Promise<void>;
}

function loginOf(header: string | undefined): string | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  return Buffer.from(header.slice(6), 'base64').toString('utf8');
}

export async function startTestProxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const log: ProxyLogEntry[] = [];
  const expected = options.login ? `${options.login.username}:${options.login.password}` : undefined;
  const sockets = new Set<net.Socket>();
  const authorized = (header: string | undefined): boolean =>
    expected === undefined || loginOf(header) === expected;
  const challenge = 'Proxy-Authenticate: Basic realm="test proxy"';

  const server = http.createServer((request, response) => {
    // A forward request: "POST http://erp.example.test:1234/openapi?... HTTP/1.1".
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const login = loginOf(request.headers['proxy-authorization']);
      let target: URL;
      try {
        target = new URL(request.url ?? '');
      } catch {
        response.writeHead(400).end();
        return;
      }
      const hostPort = `${target.hostname}:${target.port || '80'}`;
      if (!authorized(request.headers['proxy-authorization'])) {
        log.push({
          kind: 'forward',
          target: hostPort,
          status: 407,
          ...(login && { login }),
          body: body.toString('utf8'),
        });
        response.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test proxy"' }).end('login required');
        return;
      }
      log.push({
        kind: 'forward',
        target: hostPort,
        status: 200,
        ...(login && { login }),
        body: body.toString('utf8'),
      });
      const headers = { ...request.headers };
      delete headers['proxy-authorization'];
      delete headers['proxy-connection'];
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: Number(target.port || 80),
          method: request.method,
          path: `${target.pathname}${target.search}`,
          headers,
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => response.writeHead(502).end());
      upstream.end(body);
    });
  });

  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const target = request.url ?? '';
    const login = loginOf(request.headers['proxy-authorization']);
    const reply = (status: number, text: string, extra = ''): void => {
      log.push({ kind: 'connect', target, status, ...(login && { login }) });
      client.end(`HTTP/1.1 ${status} ${text}\r\n${extra}Content-Length: 0\r\nConnection: close\r\n\r\n`);
    };
    if (options.refuseTunnel !== undefined) {
      reply(options.refuseTunnel, 'Forbidden');
      return;
    }
    if (!authorized(request.headers['proxy-authorization'])) {
      reply(407, 'Proxy Authentication Required', `${challenge}\r\n`);
      return;
    }
    const port = Number(/:(\d+)$/.exec(target)?.[1] ?? '443');
    const upstream = net.connect({ host: '127.0.0.1', port }, () => {
      log.push({ kind: 'connect', target, status: 200, ...(login && { login }) });
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on: a proxy that refuses every connection. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
