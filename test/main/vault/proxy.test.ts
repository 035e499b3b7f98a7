/** A profile's proxy setting in the vault: default, checks, the encrypted proxy login, old records. */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ipcCalls } from '../../../src/shared/ipc';
import type { ProxyInput } from '../../../src/shared/profile';
import { PROFILES_KEY } from '../../../src/main/vault/records';
import { createHarness, sampleInput, type Harness } from './harness';

let harness: Harness;
beforeEach(() => {
  harness = createHarness();
});
afterEach(() => harness.dispose());

const PROXY_PASSWORD = 'Pr0xyPwQz91k';

function create(proxy?: ProxyInput) {
  return harness.vault.createProfile(sampleInput(proxy === undefined ? {} : { proxy }));
}

describe('the proxy setting of a profile', () => {
  it('is 跟随系统 unless chosen, and a record stored before proxies existed reads the same', () => {
    const created = create();
    expect(created.ok && created.value.proxy).toEqual({
      mode: 'system',
      server: '',
      pacUrl: '',
      username: '',
      passwordState: 'missing',
    });
    // An old record: exactly what the app stored before issue #19, without `proxy`.
    const stored = harness.store.get(PROFILES_KEY) as Record<string, unknown>[];
    harness.store.set(
      PROFILES_KEY,
      stored.map(({ proxy: _dropped, ...rest }) => rest),
    );
    harness.reload();
    const reread = harness.vault.listProfiles().find((p) => p.name === '仓库一号');
    expect(reread?.proxy?.mode).toBe('system');
    const network = harness.vault.networkFor(reread?.id ?? '');
    expect(network.ok && network.value.proxy).toEqual({ mode: 'system' });
  });

  it.each([
    ['proxy.corp', 'proxyServer', '主机:端口'],
    ['proxy.corp:70000', 'proxyServer', '1 到 65535'],
    ['proxy.corp:8080/path', 'proxyServer', '不要带路径'],
    ['', 'proxyServer', '请填写代理服务器地址'],
  ])('refuses the manual server %j, naming the field', (server, field, words) => {
    const result = create({ mode: 'manual', server });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe(field);
    expect(result.error.message).toContain(words);
  });

  it('accepts host:port as typed or pasted with a scheme, and a PAC address alone', () => {
    const pasted = create({ mode: 'manual', server: ' http://Proxy.Corp:8080/ ' });
    expect(pasted.ok && pasted.value.proxy).toMatchObject({ mode: 'manual', server: 'proxy.corp:8080' });
    const network = pasted.ok ? harness.vault.networkFor(pasted.value.id) : undefined;
    expect(network?.ok && network.value.proxy).toEqual({ mode: 'manual', server: 'proxy.corp:8080' });

    const pac = harness.vault.createProfile(
      sampleInput({ name: 'PAC', proxy: { mode: 'manual', pacUrl: 'http://wpad.corp/proxy.pac' } }),
    );
    expect(pac.ok && pac.value.proxy).toMatchObject({ server: '', pacUrl: 'http://wpad.corp/proxy.pac' });
    const badPac = harness.vault.createProfile(
      sampleInput({ name: 'PAC2', proxy: { mode: 'manual', pacUrl: 'ftp://wpad.corp/proxy.pac' } }),
    );
    expect(!badPac.ok && badPac.error.field).toBe('proxyPacUrl');
  });

  it('keeps the proxy password encrypted, out of every summary, and reads it only for the login', () => {
    const created = create({ mode: 'system', username: 'CORP\\wh01', password: PROXY_PASSWORD });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.proxy).toMatchObject({ username: 'CORP\\wh01', passwordState: 'set' });
    expect(readFileSync(harness.file, 'utf8')).not.toContain(PROXY_PASSWORD);
    expect(JSON.stringify(harness.vault.listProfiles())).not.toContain(PROXY_PASSWORD);
    expect(harness.vault.forbiddenStrings()).toContain(PROXY_PASSWORD);
    harness.reload();
    const network = harness.vault.networkFor(created.value.id);
    expect(network.ok && network.value.proxyLogin()).toEqual({
      username: 'CORP\\wh01',
      password: PROXY_PASSWORD,
    });
  });

  it('keeps the stored password when the form leaves it empty; drops the login on request or for direct', () => {
    const created = create({ mode: 'system', username: 'wh01', password: PROXY_PASSWORD });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    const kept = harness.vault.updateProfile(id, {
      proxy: { mode: 'manual', server: 'p:1', username: 'wh01' },
    });
    expect(kept.ok && kept.value.proxy?.passwordState).toBe('set');
    const login = harness.vault.networkFor(id);
    expect(login.ok && login.value.proxyLogin()?.password).toBe(PROXY_PASSWORD);
    // Another field edited without touching the proxy keeps it as it was.
    const renamed = harness.vault.updateProfile(id, { operator: '李四' });
    expect(renamed.ok && renamed.value.proxy).toMatchObject({
      mode: 'manual',
      server: 'p:1',
      passwordState: 'set',
    });

    const cleared = harness.vault.updateProfile(id, {
      proxy: { mode: 'manual', server: 'p:1', clearLogin: true },
    });
    expect(cleared.ok && cleared.value.proxy).toMatchObject({ username: '', passwordState: 'missing' });
    const again = harness.vault.updateProfile(id, {
      proxy: { mode: 'system', username: 'wh01', password: PROXY_PASSWORD },
    });
    expect(again.ok).toBe(true);
    const direct = harness.vault.updateProfile(id, { proxy: { mode: 'direct' } });
    expect(direct.ok && direct.value.proxy).toMatchObject({
      mode: 'direct',
      username: '',
      passwordState: 'missing',
    });
    expect(harness.vault.forbiddenStrings()).not.toContain(PROXY_PASSWORD);
  });

  it('asks for the user name with a password, and refuses to store a password without real encryption', () => {
    const noName = create({ mode: 'system', password: PROXY_PASSWORD });
    expect(!noName.ok && noName.error.field).toBe('proxyUsername');
    const created = create();
    if (!created.ok) throw new Error(created.error.message);
    harness.encryptor.setMode('basic_text');
    const refused = harness.vault.updateProfile(created.value.id, {
      proxy: { mode: 'system', username: 'wh01', password: PROXY_PASSWORD },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'ENCRYPTION_UNAVAILABLE', field: 'proxyPassword' },
    });
  });

  it('marks a proxy password that no longer decrypts, and offers no login then', () => {
    const created = create({ mode: 'system', username: 'wh01', password: PROXY_PASSWORD });
    if (!created.ok) throw new Error(created.error.message);
    harness.encryptor.setMode('keyLost');
    harness.reload();
    const summary = harness.vault.listProfiles().find((p) => p.id === created.value.id);
    expect(summary?.proxy?.passwordState).toBe('needsReentry');
    const network = harness.vault.networkFor(created.value.id);
    expect(network.ok && network.value.proxyLogin()).toBeNull();
  });

  it('keeps the practice profile direct: it runs on this PC', () => {
    const refused = harness.vault.updateProfile('practice', { proxy: { mode: 'manual', server: 'p:1' } });
    expect(!refused.ok && refused.error.code).toBe('BUILT_IN');
    const network = harness.vault.networkFor('practice');
    expect(network.ok && network.value.proxy).toEqual({ mode: 'direct' });
  });
});

describe('the IPC profile input', () => {
  it('accepts a proxy setting and rejects an unknown mode', () => {
    const input = {
      ...sampleInput(),
      proxy: { mode: 'manual', server: 'p:1', username: 'u', password: 'x' },
    };
    expect(ipcCalls.createProfile.input.safeParse(input).success).toBe(true);
    expect(ipcCalls.createProfile.input.safeParse({ ...input, proxy: { mode: 'auto' } }).success).toBe(false);
    expect(ipcCalls.createProfile.input.safeParse(sampleInput()).success).toBe(true);
    expect(
      ipcCalls.updateProfile.input.safeParse({ id: 'x', patch: { proxy: { mode: 'direct' } } }).success,
    ).toBe(true);
  });
});
