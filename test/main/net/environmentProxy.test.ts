/**
 * The CLI and the Chromium host (plain Node) through HTTPS_PROXY / HTTP_PROXY / NO_PROXY: a proxy on
 * 127.0.0.1 started here carries the signed call to the simulator, which is addressed by a name only the
 * proxy resolves (as behind a company proxy, the PC never looks the ERP up itself).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outerOutSpec } from '../../../src/shared/documents';
import { runCall } from '../../../src/cli/callCommand';
import { exitCodes, type CliIo } from '../../../src/cli/io';
import { createWdtClient } from '../../../src/main/wdt/client';
import { demoAccount, type Simulator } from '../../../src/main/wdt/simulator';
import {
  fetchFromEnvironment,
  networkFromEnvironment,
  proxyFor,
  readEnvironmentProxies,
  type Environment,
} from '../../../src/main/net/environmentProxy';
import { closedPort } from '../../support/testProxy';
import { erpUrl, onCleanup, proxy, simulator } from '../../support/started';

const outerOutArgs = (orderNo: string): unknown[] => [
  { warehouse_no: 'pos', order_no: orderNo, remark: '代理测试 / 中文' },
  [{ spec_no: 'DFAQT101', num: 2 }],
  false,
];

function clientThrough(sim: Simulator, env: Environment) {
  const network = networkFromEnvironment(env);
  onCleanup(() => network.close());
  return createWdtClient({
    baseUrl: erpUrl(sim),
    credentials: demoAccount,
    fetch: network.fetch,
    now: Date.now,
    timeoutMs: 2000,
    notSentRetryDelayMs: 0,
  });
}

describe('which calls go through the proxy', () => {
  const env = {
    HTTP_PROXY: 'http://proxy.corp:8080',
    HTTPS_PROXY: 'http://secure.corp:3128',
    NO_PROXY: 'intranet.corp, .lan,*.internal.example, erp.local:8443, 10.1.2.3',
  };
  const proxies = readEnvironmentProxies(env);
  it.each([
    ['http://wdt.wangdian.cn/openapi', 'http://proxy.corp:8080/'],
    ['https://api.example.com/openapi', 'http://secure.corp:3128/'],
    ['http://intranet.corp/openapi', null],
    ['http://erp.intranet.corp/openapi', null],
    ['http://erp.lan/openapi', null],
    ['http://lan/openapi', null],
    ['http://a.internal.example/openapi', null],
    ['https://erp.local:8443/openapi', null],
    ['http://erp.local/openapi', 'http://proxy.corp:8080/'],
    ['http://10.1.2.3/openapi', null],
    ['http://10.1.2.4/openapi', 'http://proxy.corp:8080/'],
    ['http://notintranet.corp/openapi', 'http://proxy.corp:8080/'],
    ['http://127.0.0.1:8080/openapi', null],
    ['http://localhost:8080/openapi', null],
  ])('%s → %s', (url, expected) => {
    expect(proxyFor(proxies, url)?.href ?? null).toBe(expected);
  });

  it('reads lower-case names first, falls back from HTTPS_PROXY to HTTP_PROXY, and "*" bypasses all', () => {
    const lower = readEnvironmentProxies({ http_proxy: 'lower:1', HTTP_PROXY: 'http://upper:2' });
    expect(proxyFor(lower, 'https://x.example/')?.host).toBe('lower:1');
    const all = readEnvironmentProxies({ HTTP_PROXY: 'http://p:1', NO_PROXY: '*' });
    expect(proxyFor(all, 'http://x.example/')).toBeNull();
    expect(proxyFor(readEnvironmentProxies({}), 'http://x.example/')).toBeNull();
  });

  it('names the route without the proxy login', () => {
    const network = networkFromEnvironment({ HTTP_PROXY: 'http://user:secret@proxy.corp:8080' });
    onCleanup(() => network.close());
    const route = network.route('http://wdt.wangdian.cn/openapi');
    expect(route).toEqual({ kind: 'proxy', proxy: 'proxy.corp:8080', source: 'environment' });
    expect(JSON.stringify(route)).not.toContain('secret');
  });
});

describe('the CLI through a proxy', () => {
  async function cliCall(url: string, env: Environment): Promise<{ code: number; out: string }> {
    const dir = await mkdtemp(join(tmpdir(), 'wdt-proxy-'));
    onCleanup(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'args.json');
    await writeFile(file, JSON.stringify(outerOutArgs('CLI-PROXY-1')));
    const lines: string[] = [];
    const io: CliIo = { stdout: (line) => lines.push(line), stderr: (line) => lines.push(line) };
    const fullEnv = { ...env, WDT_APPSECRET: demoAccount.appsecret };
    const argv = ['--url', url, '--sid', demoAccount.sid, '--key', demoAccount.appkey];
    const code = await runCall([...argv, '--method', outerOutSpec.method, '--args', file], io, {
      fetch: fetchFromEnvironment(fullEnv),
      now: Date.now,
      env: fullEnv,
    });
    return { code, out: lines.join('\n') };
  }

  it('carries the signed call intact to the ERP through HTTP_PROXY', async () => {
    const sim = await simulator();
    const carrier = await proxy();
    const result = await cliCall(erpUrl(sim), { HTTP_PROXY: carrier.url });
    expect(result.code).toBe(exitCodes.accepted);
    expect(carrier.log).toEqual([{ kind: 'connect', target: `erp.example.test:${sim.port}`, status: 200 }]);
    // The simulator verified the signature over exactly these bytes and created the document.
    expect(sim.requests).toHaveLength(1);
    expect(JSON.parse(sim.requests[0]?.bodyText ?? '')).toEqual(outerOutArgs('CLI-PROXY-1'));
    expect(sim.created[0]?.document.header['remark']).toBe('代理测试 / 中文');
  });

  it('reports not-sent (exit 4) when the proxy refuses the connection', async () => {
    const sim = await simulator();
    const port = await closedPort();
    const result = await cliCall(erpUrl(sim), { HTTP_PROXY: `http://127.0.0.1:${port}` });
    expect(result.code).toBe(exitCodes.notSent);
    expect(sim.requests).toHaveLength(0);
  });
});

describe('the app core fetch (Chromium host) through a proxy', () => {
  it('sends the same bytes it signed; the proxy only carries them', async () => {
    const sim = await simulator();
    const carrier = await proxy();
    const result = await clientThrough(sim, { https_proxy: carrier.url, http_proxy: carrier.url }).call(
      outerOutSpec.method,
      outerOutArgs('CORE-PROXY-1'),
    );
    expect(result.outcome.kind).toBe('accepted');
    expect(result.attempts).toBe(1);
    expect(sim.requests[0]?.bodyText).toBe(result.bodyText);
    expect(carrier.log.map((entry) => entry.status)).toEqual([200]);
  });

  it('classes a proxy that refuses the connection as not-sent, retried once, nothing created', async () => {
    const sim = await simulator();
    const port = await closedPort();
    const result = await clientThrough(sim, { HTTP_PROXY: `http://127.0.0.1:${port}` }).call(
      outerOutSpec.method,
      outerOutArgs('CORE-PROXY-2'),
    );
    expect(result.outcome).toMatchObject({ kind: 'not-sent', reason: 'ECONNREFUSED' });
    expect(result.attempts).toBe(2);
    expect(sim.requests).toHaveLength(0);
  });

  it('classes a proxy that will not open the tunnel (403) as not-sent, naming the proxy', async () => {
    const sim = await simulator();
    const carrier = await proxy({ refuseTunnel: 403 });
    const result = await clientThrough(sim, { HTTP_PROXY: carrier.url }).call(
      outerOutSpec.method,
      outerOutArgs('CORE-PROXY-3'),
    );
    expect(result.outcome.kind).toBe('not-sent');
    if (result.outcome.kind !== 'not-sent') return;
    expect(result.outcome.reason).toBe('PROXY_TUNNEL_REFUSED (HTTP 403)');
    expect(result.outcome.explanation).toContain('代理服务器拒绝连接');
    expect(sim.requests).toHaveLength(0);
  });

  it('a proxy asking for a login: not-sent without one, carried with the login in the proxy URL', async () => {
    const sim = await simulator();
    const carrier = await proxy({ login: { username: 'wh01', password: 'p@ss:w' } });
    const without = await clientThrough(sim, { HTTP_PROXY: carrier.url }).call(
      outerOutSpec.method,
      outerOutArgs('CORE-PROXY-4'),
    );
    expect(without.outcome).toMatchObject({ kind: 'not-sent', reason: 'PROXY_LOGIN_REQUIRED (HTTP 407)' });
    expect(sim.requests).toHaveLength(0);

    const withLogin = `http://wh01:${encodeURIComponent('p@ss:w')}@127.0.0.1:${carrier.port}`;
    const result = await clientThrough(sim, { HTTP_PROXY: withLogin }).call(
      outerOutSpec.method,
      outerOutArgs('CORE-PROXY-4'),
    );
    expect(result.outcome.kind).toBe('accepted');
    expect(carrier.log.at(-1)).toMatchObject({ status: 200, login: 'wh01:p@ss:w' });
  });

  it('respects NO_PROXY: a listed host is not sent to the proxy', async () => {
    const sim = await simulator();
    const carrier = await proxy();
    const env = { HTTP_PROXY: carrier.url, NO_PROXY: 'example.test' };
    const network = networkFromEnvironment(env);
    onCleanup(() => network.close());
    expect(network.route(erpUrl(sim))).toEqual({ kind: 'direct', source: 'environment' });
    const result = await clientThrough(sim, env).call(outerOutSpec.method, outerOutArgs('CORE-PROXY-5'));
    // Sent directly, where this test machine cannot resolve the name: the proxy never saw it.
    expect(result.outcome.kind).not.toBe('accepted');
    expect(carrier.log).toEqual([]);
    // And the simulator itself, on loopback, is always reached directly even with a proxy set.
    const direct = createWdtClient({
      baseUrl: sim.url,
      credentials: demoAccount,
      fetch: network.fetch,
      now: Date.now,
      timeoutMs: 2000,
    });
    expect((await direct.call(outerOutSpec.method, outerOutArgs('CORE-PROXY-6'))).outcome.kind).toBe(
      'accepted',
    );
    expect(carrier.log).toEqual([]);
  });
});
