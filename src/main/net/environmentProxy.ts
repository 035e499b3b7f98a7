/**
 * The CLI and the Chromium host run in plain Node, whose fetch ignores proxies. Support staff script
 * through a company proxy the usual way, with HTTPS_PROXY / HTTP_PROXY / NO_PROXY (lower-case names win,
 * as in curl and undici); this module reads them once, decides per URL, and sends through undici's
 * ProxyAgent (a CONNECT tunnel for http and https alike) or directly.
 *
 * NO_PROXY: entries separated by commas or spaces; "*" matches everything; "example.com" and
 * ".example.com" (or "*.example.com") match that host and every subdomain; "host:port" only that port;
 * an IP address only itself. Loopback is always reached directly: the practice simulator lives there.
 */
import { Agent, ProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';
import type { FetchLike, FetchResponseLike } from '../wdt/fetchLike';
import { ProxyLoginError } from './proxyLogin';
import type { ErpRoute } from './route';

export type Environment = Readonly<Record<string, string | undefined>>;

interface EnvironmentProxies {
  readonly http: URL | null;
  readonly https: URL | null;
  readonly noProxy: readonly NoProxyEntry[];
}

interface NoProxyEntry {
  readonly host: string;
  readonly port?: number;
  /** ".example.com": subdomains too (the bare name always matches). */
  readonly wildcard: boolean;
}

function variable(env: Environment, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** A proxy variable as a URL; "proxy:8080" without a scheme means http://proxy:8080. */
function proxyUrl(value: string | undefined): URL | null {
  if (value === undefined) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function parseNoProxy(value: string | undefined): NoProxyEntry[] {
  if (value === undefined) return [];
  const entries: NoProxyEntry[] = [];
  for (const raw of value.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') {
      entries.push({ host: '*', wildcard: true });
      continue;
    }
    let port: number | undefined;
    const portMatch = /^(.*?):(\d+)$/.exec(entry);
    if (portMatch && !entry.startsWith('[') && (portMatch[1] ?? '').includes(':') === false) {
      entry = portMatch[1] ?? '';
      port = Number(portMatch[2]);
    }
    const wildcard = entry.startsWith('.') || entry.startsWith('*.');
    const host = entry.replace(/^\*?\./, '').replace(/^\[|\]$/g, '');
    if (host !== '') entries.push({ host, wildcard, ...(port === undefined ? {} : { port }) });
  }
  return entries;
}

export function readEnvironmentProxies(env: Environment): EnvironmentProxies {
  const http = proxyUrl(variable(env, 'http_proxy'));
  return {
    http,
    // As undici and curl do: an https URL without HTTPS_PROXY uses HTTP_PROXY.
    https: proxyUrl(variable(env, 'https_proxy')) ?? http,
    noProxy: parseNoProxy(variable(env, 'no_proxy')),
  };
}

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

function bypassed(url: URL, entries: readonly NoProxyEntry[]): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (isLoopback(host)) return true;
  return entries.some((entry) => {
    if (entry.host === '*') return true;
    if (entry.port !== undefined && entry.port !== port) return false;
    return host === entry.host || host.endsWith(`.${entry.host}`);
  });
}

/** The proxy a call to `target` goes through, or null for a direct call. */
export function proxyFor(proxies: EnvironmentProxies, target: string): URL | null {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return null;
  }
  const proxy = url.protocol === 'https:' ? proxies.https : url.protocol === 'http:' ? proxies.http : null;
  if (proxy === null || bypassed(url, proxies.noProxy)) return null;
  return proxy;
}

/** host:port of a proxy URL, without the login: safe to show and journal. */
function proxyLabel(proxy: URL): string {
  const port = proxy.port || (proxy.protocol === 'https:' ? '443' : '80');
  const label = `${proxy.hostname}:${port}`;
  return proxy.protocol === 'https:' ? `https://${label}` : label;
}

function routeFromEnvironment(proxies: EnvironmentProxies, target: string): ErpRoute {
  const proxy = proxyFor(proxies, target);
  return proxy === null
    ? { kind: 'direct', source: 'environment' }
    : { kind: 'proxy', proxy: proxyLabel(proxy), source: 'environment' };
}

interface EnvironmentNetwork {
  readonly fetch: FetchLike;
  route(target: string): ErpRoute;
  /** Closes the pooled connections (the CLI exits faster). */
  close(): Promise<void>;
}

/**
 * A FetchLike that honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY. A 407 from the proxy (tunnel refused for
 * want of a login) is raised as ProxyLoginError: the ERP never saw the call.
 */
export function networkFromEnvironment(env: Environment): EnvironmentNetwork {
  const proxies = readEnvironmentProxies(env);
  const direct = new Agent();
  const agents = new Map<string, ProxyAgent>();
  const dispatcherFor = (proxy: URL | null): Dispatcher => {
    if (proxy === null) return direct;
    let agent = agents.get(proxy.href);
    if (!agent) agents.set(proxy.href, (agent = new ProxyAgent({ uri: proxy.href })));
    return agent;
  };
  const fetch: FetchLike = async (url, init) => {
    const proxy = proxyFor(proxies, url);
    try {
      const response = await undiciFetch(url, {
        method: init.method,
        headers: init.headers,
        body: init.body,
        signal: init.signal,
        dispatcher: dispatcherFor(proxy),
        redirect: 'manual',
      });
      return response as FetchResponseLike;
    } catch (error) {
      if (proxy !== null && tunnelStatusIn(error) === 407) {
        throw new ProxyLoginError(proxy.username !== '' ? 'rejected' : 'required');
      }
      throw error;
    }
  };
  let closing: Promise<void> | undefined;
  return {
    fetch,
    route: (target) => routeFromEnvironment(proxies, target),
    // Idempotent: a host closed twice (a test's "kill", then its cleanup) must not close undici's agents twice.
    close: () =>
      (closing ??= Promise.all([direct.close(), ...[...agents.values()].map((agent) => agent.close())]).then(
        () => undefined,
      )),
  };
}

/** Shorthand for the wiring: the fetch the CLI and the Chromium host pass on. */
export function fetchFromEnvironment(env: Environment): FetchLike {
  return networkFromEnvironment(env).fetch;
}

function tunnelStatusIn(error: unknown): number | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const message = (current as { message?: unknown }).message;
    const match = typeof message === 'string' ? /^Proxy response \((\d{3})\) !== 200/.exec(message) : null;
    if (match) return Number(match[1]);
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
