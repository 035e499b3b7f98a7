/**
 * The Electron network binding (platform/electronNet.ts → net/chromiumNetwork.ts → net/chromiumFetch.ts),
 * run in Node against a stand-in for Electron's `session` and `net` (chromiumStandIn.ts), with the real
 * vault, client, simulator and a real proxy on 127.0.0.1.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { outerOutSpec } from '../../../src/shared/documents';
import type { ProfileInput, ProxyInput } from '../../../src/shared/profile';
import { createWdtClient } from '../../../src/main/wdt/client';
import { demoAccount, type Simulator } from '../../../src/main/wdt/simulator';
import { testConnection } from '../../../src/main/connectionTest';
import { closedPort } from '../../support/testProxy';
import { erpUrl, onCleanup, proxy, simulator } from '../../support/started';
import { createHarness, type Harness } from '../vault/harness';
import {
  createStandInWorld,
  fromPartition,
  StandInRequest,
  type StandInSession,
  type StandInWorld,
} from '../../support/chromiumStandIn';

const world = vi.hoisted(() => ({ current: undefined as unknown }));

vi.mock('electron', () => ({
  session: {
    fromPartition: (partition: string) => fromPartition(world.current as StandInWorld, partition),
  },
  net: {
    request: (options: { method: string; url: string; session: StandInSession }) =>
      new StandInRequest(options, world.current as StandInWorld),
  },
}));

const { createElectronNetwork } = await import('../../../src/main/platform/electronNet');

let stand: StandInWorld;
let harness: Harness;
beforeEach(() => {
  stand = createStandInWorld();
  world.current = stand;
  harness = createHarness();
  onCleanup(() => harness.dispose());
});
/** A custom profile for the demo account at the simulator, under a name only a proxy resolves. */
function profile(sim: Simulator, proxySetting?: ProxyInput): string {
  const input: ProfileInput = {
    name: `仓库-${Math.random().toString(36).slice(2, 8)}`,
    environment: 'custom',
    url: erpUrl(sim),
    sid: demoAccount.sid,
    appkey: demoAccount.appkey,
    appsecret: demoAccount.appsecret,
    ...(proxySetting && { proxy: proxySetting }),
  };
  const created = harness.vault.createProfile(input);
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

function clientFor(sim: Simulator, profileId: string) {
  const network = createElectronNetwork(harness.vault);
  return {
    network,
    client: createWdtClient({
      baseUrl: erpUrl(sim),
      credentials: demoAccount,
      fetch: network.fetchFor(profileId),
      now: Date.now,
      timeoutMs: 2000,
      notSentRetryDelayMs: 0,
    }),
  };
}

const args = (orderNo: string): unknown[] => [
  { warehouse_no: 'pos', order_no: orderNo, remark: '经 Chromium 代理' },
  [{ spec_no: 'DFAQT101', num: 1 }],
  false,
];

describe('跟随系统 (the default)', () => {
  it("goes through Windows' proxy and delivers the signed call intact", async () => {
    const sim = await simulator();
    const carrier = await proxy();
    stand.systemProxy = `127.0.0.1:${carrier.port}`;
    const id = profile(sim);
    const { client, network } = clientFor(sim, id);
    const result = await client.call(outerOutSpec.method, args('SYS-1'));
    expect(result.outcome.kind).toBe('accepted');
    expect(sim.requests[0]?.bodyText).toBe(result.bodyText);
    expect(carrier.log).toEqual([
      { kind: 'forward', target: `erp.example.test:${sim.port}`, status: 200, body: result.bodyText },
    ]);
    const session = [...stand.sessions.values()][0];
    expect(session?.config).toEqual({ mode: 'system' });
    expect(await network.routeFor(id, sim.url)).toEqual({
      kind: 'proxy',
      proxy: `127.0.0.1:${carrier.port}`,
      source: 'system',
    });
  });

  it('a proxy that refuses the connection is not-sent (net::ERR_PROXY_CONNECTION_FAILED), nothing created', async () => {
    const sim = await simulator();
    stand.systemProxy = `127.0.0.1:${await closedPort()}`;
    const { client } = clientFor(sim, profile(sim));
    const result = await client.call(outerOutSpec.method, args('SYS-2'));
    expect(result.outcome).toMatchObject({ kind: 'not-sent', reason: 'net::ERR_PROXY_CONNECTION_FAILED' });
    expect(result.attempts).toBe(2);
    expect(sim.requests).toHaveLength(0);
  });
});

describe('an authenticating proxy', () => {
  const login = { username: 'wh01', password: 'Pr0xyPassQ7' };

  it('is answered with the stored login, once: later calls reuse the login Chromium kept', async () => {
    const sim = await simulator();
    const carrier = await proxy({ login });
    const id = profile(sim, { mode: 'manual', server: `127.0.0.1:${carrier.port}`, ...login });
    const { client } = clientFor(sim, id);
    expect((await client.call(outerOutSpec.method, args('AUTH-1'))).outcome.kind).toBe('accepted');
    expect((await client.call(outerOutSpec.method, args('AUTH-2'))).outcome.kind).toBe('accepted');
    expect(stand.logins).toHaveLength(1);
    expect(sim.created).toHaveLength(2);
    const session = [...stand.sessions.values()][0];
    expect(session?.config).toEqual({ mode: 'fixed_servers', proxyRules: `127.0.0.1:${carrier.port}` });
    // The password is stored encrypted and never shown.
    const listed = JSON.stringify(harness.vault.listProfiles());
    expect(listed).not.toContain(login.password);
    expect(harness.vault.listProfiles().find((p) => p.id === id)?.proxy).toMatchObject({
      mode: 'manual',
      username: 'wh01',
      passwordState: 'set',
    });
    expect(harness.vault.forbiddenStrings()).toContain(login.password);
  });

  it('without a stored login: not-sent, telling the user to enter one; nothing reached the ERP', async () => {
    const sim = await simulator();
    const carrier = await proxy({ login });
    const id = profile(sim, { mode: 'manual', server: `127.0.0.1:${carrier.port}` });
    const { client, network } = clientFor(sim, id);
    const result = await client.call(outerOutSpec.method, args('AUTH-3'));
    expect(result.outcome).toMatchObject({ kind: 'not-sent', reason: 'PROXY_LOGIN_REQUIRED (HTTP 407)' });
    expect(sim.requests).toHaveLength(0);
    const tested = await testConnection(client, await network.routeFor(id, sim.url));
    expect(tested.ok).toBe(false);
    expect(tested.summary).toBe('无法连接到接口地址：代理服务器需要登录。');
    expect(tested.detail).toContain(`经代理服务器 127.0.0.1:${carrier.port}（配置中手动填写的代理）`);
    expect(tested.detail).toContain('代理用户名和密码');
  });

  it('with a wrong stored login: gives up after one try, not-sent, and says the login was refused', async () => {
    const sim = await simulator();
    const carrier = await proxy({ login });
    const id = profile(sim, {
      mode: 'manual',
      server: `127.0.0.1:${carrier.port}`,
      username: 'wh01',
      password: 'old-password',
    });
    const { client } = clientFor(sim, id);
    const result = await client.call(outerOutSpec.method, args('AUTH-4'));
    expect(result.outcome).toMatchObject({ kind: 'not-sent', reason: 'PROXY_LOGIN_REJECTED (HTTP 407)' });
    // One login offered per attempt (two attempts: not-sent is retried once), never a loop.
    expect(stand.logins).toHaveLength(4);
    expect(sim.requests).toHaveLength(0);
  });
});

describe('不使用代理 and changing the setting', () => {
  it('goes direct when told to, and applies a changed setting to the next call', async () => {
    const sim = await simulator();
    const carrier = await proxy();
    stand.systemProxy = `127.0.0.1:${carrier.port}`;
    const id = profile(sim, { mode: 'direct' });
    const { client, network } = clientFor(sim, id);
    const direct = await client.call(outerOutSpec.method, args('DIRECT-1'));
    // Direct, the PC must resolve erp.example.test itself, which it cannot: the proxy saw nothing.
    expect(direct.outcome).toMatchObject({ kind: 'not-sent', reason: 'net::ERR_NAME_NOT_RESOLVED' });
    expect(carrier.log).toEqual([]);
    expect(await network.routeFor(id, sim.url)).toEqual({ kind: 'direct', source: 'profile-direct' });

    const changed = harness.vault.updateProfile(id, { proxy: { mode: 'system' } });
    expect(changed.ok).toBe(true);
    const session = [...stand.sessions.values()][0];
    const closedBefore = session?.closedConnections ?? 0;
    expect((await client.call(outerOutSpec.method, args('DIRECT-2'))).outcome.kind).toBe('accepted');
    expect(session?.configs).toEqual([{ mode: 'direct' }, { mode: 'system' }]);
    expect(session?.closedConnections).toBe(closedBefore + 1);
  });

  it("uses a PAC address from the profile as Chromium's pac_script", async () => {
    const sim = await simulator();
    const carrier = await proxy();
    stand.pacAnswers.set('http://wpad.corp/proxy.pac', `127.0.0.1:${carrier.port}`);
    const id = profile(sim, { mode: 'manual', pacUrl: 'http://wpad.corp/proxy.pac' });
    const { client, network } = clientFor(sim, id);
    expect((await client.call(outerOutSpec.method, args('PAC-1'))).outcome.kind).toBe('accepted');
    expect([...stand.sessions.values()][0]?.config).toEqual({
      mode: 'pac_script',
      pacScript: 'http://wpad.corp/proxy.pac',
    });
    expect(await network.routeFor(id, sim.url)).toMatchObject({ kind: 'proxy', source: 'pac' });
  });

  it('gives each profile its own session, and the practice profile always goes direct', async () => {
    const sim = await simulator();
    const first = profile(sim);
    const second = profile(sim, { mode: 'direct' });
    const network = createElectronNetwork(harness.vault);
    await network.routeFor(first, sim.url);
    await network.routeFor(second, sim.url);
    await network.routeFor('practice', sim.url);
    const partitions = [...stand.sessions.keys()];
    expect(new Set(partitions).size).toBe(3);
    expect(partitions.every((name) => /^wdt-erp-[0-9a-f]{16}$/.test(name))).toBe(true);
    expect(stand.sessions.get(partitions[2] ?? '')?.config).toEqual({ mode: 'direct' });
  });
});
