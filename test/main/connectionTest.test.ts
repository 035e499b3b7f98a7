/**
 * 测试连接 says how the ERP was reached (directly, or through which proxy and who chose it) and, when the
 * probe could not be sent, names the likely cause with its remedy.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { testConnection } from '../../src/main/connectionTest';
import { createWdtClient } from '../../src/main/wdt/client';
import type { FetchLike } from '../../src/main/wdt/fetchLike';
import { demoAccount, startSimulator, type Simulator } from '../../src/main/wdt/simulator';
import { networkFromEnvironment } from '../../src/main/net/environmentProxy';
import { ProxyLoginError } from '../../src/main/net/proxyLogin';
import type { ErpRoute } from '../../src/main/net/route';
import { startTestProxy } from '../support/testProxy';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function failingClient(error: () => unknown) {
  const fetch: FetchLike = () => Promise.reject(error());
  return createWdtClient({
    baseUrl: 'http://wdt.wangdian.cn/openapi',
    credentials: demoAccount,
    fetch,
    now: Date.now,
    notSentRetryDelayMs: 0,
  });
}

const systemProxy: ErpRoute = { kind: 'proxy', proxy: 'proxy.corp:8080', source: 'system' };
const direct: ErpRoute = { kind: 'direct', source: 'system' };

describe('测试连接 over a proxy', () => {
  it('succeeds through a proxy and says which one', async () => {
    const sim: Simulator = await startSimulator();
    cleanups.push(() => sim.close());
    const carrier = await startTestProxy();
    cleanups.push(() => carrier.close());
    const network = networkFromEnvironment({ HTTP_PROXY: carrier.url });
    cleanups.push(() => network.close());
    const url = `http://erp.example.test:${sim.port}/openapi`;
    const client = createWdtClient({
      baseUrl: url,
      credentials: demoAccount,
      fetch: network.fetch,
      now: Date.now,
    });
    const result = await testConnection(client, network.route(url));
    expect(result.ok).toBe(true);
    expect(result.detail).toMatch(
      new RegExp(
        `^连接方式：经代理服务器 127\\.0\\.0\\.1:${carrier.port}（环境变量 HTTPS_PROXY / HTTP_PROXY）。`,
      ),
    );
    expect(carrier.log).toHaveLength(1);
  });

  it('says when it went directly', async () => {
    const sim = await startSimulator();
    cleanups.push(() => sim.close());
    const client = createWdtClient({ baseUrl: sim.url, credentials: demoAccount, fetch, now: Date.now });
    const result = await testConnection(client, direct);
    expect(result.ok).toBe(true);
    expect(result.detail.startsWith('连接方式：直接连接（系统代理设置未指定代理）。')).toBe(true);
    const chosen = await testConnection(client, { kind: 'direct', source: 'profile-direct' });
    expect(chosen.detail.startsWith('连接方式：直接连接（配置选择了“不使用代理”）。')).toBe(true);
  });
});

describe('测试连接 names the likely cause', () => {
  it.each([
    [
      'the proxy refused (Chromium)',
      () => new Error('net::ERR_PROXY_CONNECTION_FAILED'),
      systemProxy,
      '无法连接到接口地址：代理服务器拒绝连接或无法连接。',
      '请检查代理地址和端口',
    ],
    [
      'the proxy refused (Node, through a proxy)',
      () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', syscall: 'connect' }),
      { kind: 'proxy', proxy: '127.0.0.1:9', source: 'environment' } as const,
      '无法连接到接口地址：代理服务器拒绝连接或无法连接。',
      '请检查代理地址和端口',
    ],
    [
      'the proxy needs a login',
      () => new ProxyLoginError('required'),
      systemProxy,
      '无法连接到接口地址：代理服务器需要登录。',
      '请在配置的“代理”部分填写代理用户名和密码',
    ],
    [
      'the stored proxy login was refused',
      () => new ProxyLoginError('rejected'),
      systemProxy,
      '无法连接到接口地址：代理服务器拒绝了保存的代理用户名或密码。',
      '重新填写',
    ],
    [
      'the certificate is not trusted',
      () => new Error('net::ERR_CERT_AUTHORITY_INVALID'),
      direct,
      '无法连接到接口地址：服务器证书不受信任。',
      '受信任的根证书颁发机构',
    ],
    [
      'the name does not resolve (Chromium)',
      () => new Error('net::ERR_NAME_NOT_RESOLVED'),
      direct,
      '无法连接到接口地址：找不到服务器（域名无法解析）。',
      '请检查接口地址是否写对',
    ],
    [
      'the name does not resolve (Node)',
      () =>
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), {
            code: 'ENOTFOUND',
            syscall: 'getaddrinfo',
          }),
        }),
      direct,
      '无法连接到接口地址：找不到服务器（域名无法解析）。',
      '请检查接口地址是否写对',
    ],
  ])('%s', async (_label, error, route, summary, remedy) => {
    const result = await testConnection(failingClient(error), route);
    expect(result.ok).toBe(false);
    expect(result.outcome).toBe('not-sent');
    expect(result.summary).toBe(summary);
    expect(result.detail).toContain(remedy);
    expect(result.detail).toContain('测试请求没有发出');
    expect(result.detail.startsWith('连接方式：')).toBe(true);
  });

  it('keeps the unknown wording, with the route, when the answer was lost', async () => {
    const result = await testConnection(
      failingClient(() => new Error('net::ERR_CONNECTION_RESET')),
      systemProxy,
    );
    expect(result.outcome).toBe('unknown');
    expect(result.detail).toContain('经代理服务器 proxy.corp:8080（系统代理设置）');
    expect(result.detail).toContain('测试连接不会创建任何单据');
  });
});
