/**
 * A stand-in for Electron's `session` and `net` modules, behaving as Chromium does where our code depends
 * on it: a session holds a proxy config (setProxy), answers resolveProxy, and keeps an accepted proxy
 * login; `net.request` sends a plain-http call through the proxy as a forward request, emits 'login' on a
 * 407 and resends with the login given (or hands the 407 over when none is), and reports failures as
 * "net::ERR_*" errors. Electron itself cannot run here (no binary).
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';

export interface StandInProxyConfig {
  readonly mode: string;
  readonly proxyRules?: string;
  readonly pacScript?: string;
}

export class StandInSession {
  readonly configs: StandInProxyConfig[] = [];
  closedConnections = 0;
  clearedLogins = 0;
  /** The login Chromium keeps after a proxy accepted it, sent up front on later requests. */
  acceptedLogin: string | undefined;
  constructor(
    readonly partition: string,
    private readonly world: StandInWorld,
  ) {}
  get config(): StandInProxyConfig | undefined {
    return this.configs.at(-1);
  }
  async setProxy(config: StandInProxyConfig): Promise<void> {
    this.configs.push(config);
  }
  async resolveProxy(): Promise<string> {
    const proxy = this.proxy();
    return proxy === undefined ? 'DIRECT' : `PROXY ${proxy}`;
  }
  async closeAllConnections(): Promise<void> {
    this.closedConnections += 1;
  }
  async clearAuthCache(): Promise<void> {
    this.clearedLogins += 1;
    this.acceptedLogin = undefined;
  }
  /** host:port of the proxy this session sends through, or undefined for direct. */
  proxy(): string | undefined {
    const config = this.config;
    if (config === undefined || config.mode === 'system') return this.world.systemProxy;
    if (config.mode === 'fixed_servers') return config.proxyRules;
    if (config.mode === 'pac_script') return this.world.pacAnswers.get(config.pacScript ?? '');
    return undefined;
  }
}

export interface StandInWorld {
  /** What Windows' proxy settings say (host:port), undefined for none. */
  systemProxy: string | undefined;
  /** What each PAC script answers for the ERP. */
  readonly pacAnswers: Map<string, string>;
  readonly sessions: Map<string, StandInSession>;
  /** Every 'login' event emitted. */
  readonly logins: { isProxy: boolean; host: string }[];
}

export function createStandInWorld(): StandInWorld {
  return { systemProxy: undefined, pacAnswers: new Map(), sessions: new Map(), logins: [] };
}

export function fromPartition(world: StandInWorld, partition: string): StandInSession {
  let found = world.sessions.get(partition);
  if (!found) world.sessions.set(partition, (found = new StandInSession(partition, world)));
  return found;
}

type LoginCallback = (username?: string, password?: string) => void;

/** net.request: an EventEmitter with setHeader/end/abort, as Electron's ClientRequest. */
export class StandInRequest extends EventEmitter {
  private readonly headers: Record<string, string> = {};
  private current: http.ClientRequest | undefined;
  private aborted = false;
  constructor(
    private readonly options: { method: string; url: string; session: StandInSession },
    private readonly world: StandInWorld,
  ) {
    super();
  }
  setHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  abort(): void {
    this.aborted = true;
    this.current?.destroy();
  }
  end(body: Buffer): void {
    this.send(body, this.options.session.acceptedLogin, false);
  }

  private send(body: Buffer, login: string | undefined, loginWasOffered: boolean): void {
    const target = new URL(this.options.url);
    const proxy = this.options.session.proxy();
    const [host, port] = (proxy ?? `${target.hostname}:${target.port || 80}`).split(':');
    if (!/^127\.\d+\.\d+\.\d+$/.test(host ?? '')) {
      // This stand-in has no DNS: a name is only ever resolved by the test proxy.
      setImmediate(() => this.emit('error', new Error('net::ERR_NAME_NOT_RESOLVED')));
      return;
    }
    const headers: Record<string, string> = { ...this.headers, host: target.host };
    if (proxy !== undefined && login !== undefined) {
      headers['proxy-authorization'] = `Basic ${Buffer.from(login).toString('base64')}`;
    }
    const request = http.request(
      {
        host,
        port: Number(port),
        method: this.options.method,
        path: proxy === undefined ? `${target.pathname}${target.search}` : target.href,
        headers,
      },
      (response) => {
        if (response.statusCode === 407 && proxy !== undefined) {
          response.resume();
          const callback: LoginCallback = (username, password) => {
            if (username === undefined) {
              // Cancelled: Chromium hands the proxy's 407 answer over.
              this.emit('response', response);
              return;
            }
            this.send(body, `${username}:${password ?? ''}`, true);
          };
          this.world.logins.push({ isProxy: true, host: host ?? '' });
          this.emit(
            'login',
            { isProxy: true, scheme: 'basic', host, port: Number(port), realm: 'test proxy' },
            callback,
          );
          return;
        }
        if (proxy !== undefined && login !== undefined && loginWasOffered)
          this.options.session.acceptedLogin = login;
        this.emit('response', response);
      },
    );
    this.current = request;
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (this.aborted) return;
      this.emit('error', new Error(`net::${chromiumCode(error, proxy !== undefined)}`));
    });
    request.end(body);
  }
}

/** How Chromium would name a Node socket error. */
function chromiumCode(error: NodeJS.ErrnoException, viaProxy: boolean): string {
  if (viaProxy && (error.code === 'ECONNREFUSED' || error.syscall === 'connect'))
    return 'ERR_PROXY_CONNECTION_FAILED';
  if (error.code === 'ECONNREFUSED') return 'ERR_CONNECTION_REFUSED';
  if (error.code === 'ECONNRESET') return 'ERR_CONNECTION_RESET';
  return 'ERR_FAILED';
}
