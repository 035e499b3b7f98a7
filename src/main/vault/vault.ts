/**
 * Credential profiles. The appsecret is stored only as an encrypted envelope (see encryptor.ts), and only
 * when the OS really encrypts; everything this module hands out is a secret-free summary, except
 * credentialsFor(), which main calls to sign a request. A secret that no longer decrypts marks its profile
 * `needsReentry` instead of failing the load. Operations return results as data, never throw.
 */
import { randomUUID } from 'node:crypto';
import {
  PRACTICE_PROFILE_ID,
  type ProfilePatch,
  type ProfileSummary,
  type SecretState,
  splitAppsecret,
  type VaultErrorCode,
  type VaultResult,
} from '../../shared/profile';
import { encryptionRefusal, openSecret, parseEnvelope, sealSecret, type SecretEnvelope } from '../encryptor';
import { fail } from '../../shared/result';
import { storedUrlFor } from '../environments';
import { loadProfiles, saveProfiles, type LoadedProfiles, type StoredProfile } from './records';
import { checkAppsecret, checkIdentifier, checkName, checkOperator, textOf } from './validate';
import { checkProxy, defaultProxy, proxySettingOf, summarizeProxy, type StoredProxy } from './proxy';
import type { Vault, VaultDependencies } from './types';

/** Where a profile's secret comes from when it is saved: typed anew, or the stored envelope kept. */
type SecretSource =
  | { readonly kind: 'new'; readonly appsecret: unknown }
  | { readonly kind: 'keep'; readonly envelope: unknown };

const failure = (code: VaultErrorCode, message: string, field?: string): VaultResult<never> =>
  fail(code, message, field === undefined ? {} : { field });

const notFound = (): VaultResult<never> => failure('NOT_FOUND', '找不到这个配置，可能已被删除。');
const storeFailed = (): VaultResult<never> =>
  failure('STORE_FAILED', '配置未能保存到磁盘，请检查磁盘空间或权限后重试。');
const builtIn = (): VaultResult<never> =>
  failure('BUILT_IN', '练习环境是内置的，不能删除，也不能修改它的环境或凭证。');
const needsReentry = (): VaultResult<never> =>
  failure(
    'SECRET_UNREADABLE',
    '保存的 appsecret 无法解密（可能换了 Windows 用户或系统密钥丢失），请重新输入凭证。',
  );

export function openVault(deps: VaultDependencies): Vault {
  const { store, encryptor, activeProfile } = deps;
  const newId = deps.newId ?? randomUUID;
  let loaded: LoadedProfiles = loadProfiles(store);
  /** Decrypted once per change to know each profile's state and what must never leave main. */
  const secretStates = new Map<string, SecretState>();
  let forbidden: readonly string[] = [];

  const proxyPasswordStates = new Map<string, SecretState>();
  const refreshStates = (): void => {
    secretStates.clear();
    proxyPasswordStates.clear();
    const found = new Set<string>();
    for (const record of loaded.profiles) {
      if (record.environment === 'practice') secretStates.set(record.id, 'set');
      else if (record.secret === undefined) secretStates.set(record.id, 'missing');
      else {
        const appsecret = openSecret(encryptor, record.secret);
        secretStates.set(record.id, appsecret === null ? 'needsReentry' : 'set');
        if (appsecret !== null) addForbidden(found, appsecret);
      }
      const proxyPassword = record.proxy?.password;
      if (proxyPassword !== undefined) {
        const plain = openSecret(encryptor, proxyPassword);
        proxyPasswordStates.set(record.id, plain === null ? 'needsReentry' : 'set');
        if (plain !== null && plain !== '') found.add(plain);
      }
    }
    forbidden = [...found];
  };
  refreshStates();

  const find = (id: unknown): StoredProfile | undefined => loaded.profiles.find((p) => p.id === id);
  const activeId = (): string => {
    const chosen = activeProfile.get();
    return chosen !== null && find(chosen) ? chosen : PRACTICE_PROFILE_ID;
  };

  const summarize = (record: StoredProfile): ProfileSummary => ({
    id: record.id,
    name: record.name,
    environment: record.environment,
    url: record.environment === 'practice' ? null : urlOf(record),
    sid: record.sid,
    appkey: record.appkey,
    operator: record.operator,
    secretState: secretStates.get(record.id) ?? 'missing',
    protection: record.environment === 'practice' ? null : (parseEnvelope(record.secret)?.backend ?? null),
    active: record.id === activeId(),
    builtIn: record.environment === 'practice',
    proxy: summarizeProxy(record.proxy, proxyPasswordStates.get(record.id) ?? 'missing'),
  });

  /** Persists the new list, then adopts it; on failure nothing changes. */
  const commit = (profiles: readonly StoredProfile[]): boolean => {
    const next = { profiles, unreadable: loaded.unreadable };
    try {
      saveProfiles(store, next);
    } catch {
      return false;
    }
    loaded = next;
    refreshStates();
    return true;
  };
  const replace = (record: StoredProfile): VaultResult<ProfileSummary> =>
    commit(loaded.profiles.map((p) => (p.id === record.id ? record : p)))
      ? { ok: true, value: summarize(record) }
      : storeFailed();

  /** Encrypts a validated appsecret, refusing when the OS offers no real protection. */
  const seal = (appsecret: string, field = 'appsecret'): VaultResult<SecretEnvelope> => {
    const refusal = encryptionRefusal(encryptor);
    if (refusal !== null) return failure('ENCRYPTION_UNAVAILABLE', refusal, field);
    try {
      const envelope = sealSecret(encryptor, appsecret);
      // A key store that cannot give back what it was given would lose the secret later; find out now.
      if (openSecret(encryptor, envelope) !== appsecret) throw new Error('round trip failed');
      return { ok: true, value: envelope };
    } catch {
      return failure(
        'ENCRYPTION_UNAVAILABLE',
        field === 'appsecret'
          ? '系统加密凭证失败，未保存 appsecret。请稍后重试。'
          : '系统加密凭证失败，未保存代理密码。请稍后重试。',
        field,
      );
    }
  };

  const namesExcept = (id: string | null): string[] =>
    loaded.profiles.filter((p) => p.id !== id).map((p) => p.name);

  /** Validates a full non-practice profile, sealing a new secret or keeping the stored envelope as it is. */
  const build = (
    id: string,
    fields: Omit<ProfilePatch, 'appsecret'>,
    secret: SecretSource,
    storedProxy: StoredProxy = defaultProxy,
  ): VaultResult<StoredProfile> => {
    const name = checkName(fields.name, namesExcept(id));
    if (!name.ok) return name;
    const environment = fields.environment;
    if (environment !== 'test' && environment !== 'production' && environment !== 'custom') {
      return failure(
        'VALIDATION',
        '请选择测试环境、正式环境或自定义地址（练习环境是内置的，不能新建）。',
        'environment',
      );
    }
    const url = storedUrlFor(environment, textOf(fields.url));
    if (url !== null && !url.ok) return url;
    const sid = checkIdentifier('sid', fields.sid);
    if (!sid.ok) return sid;
    const appkey = checkIdentifier('appkey', fields.appkey);
    if (!appkey.ok) return appkey;
    const operator = checkOperator(fields.operator);
    if (!operator.ok) return operator;
    let envelope: unknown;
    if (secret.kind === 'keep') {
      envelope = secret.envelope;
    } else {
      const appsecret = checkAppsecret(secret.appsecret);
      if (!appsecret.ok) return appsecret;
      const sealed = seal(appsecret.value);
      if (!sealed.ok) return sealed;
      envelope = sealed.value;
    }
    const proxy = buildProxy(fields.proxy, storedProxy);
    if (!proxy.ok) return proxy;
    return {
      ok: true,
      value: {
        id,
        name: name.value,
        environment,
        ...(environment === 'custom' && url?.ok ? { url: url.value } : {}),
        sid: sid.value,
        appkey: appkey.value,
        operator: operator.value,
        ...(envelope === undefined ? {} : { secret: envelope }),
        proxy: proxy.value,
      },
    };
  };

  /** Checks the proxy setting and seals a newly typed proxy password like the appsecret. */
  const buildProxy = (input: ProfilePatch['proxy'], stored: StoredProxy): VaultResult<StoredProxy> => {
    const checked = checkProxy(input, stored);
    if (!checked.ok) return checked;
    const { password, username, ...rest } = checked.value;
    let envelope: unknown;
    if (password === 'keep') envelope = stored.password;
    else if (password !== null) {
      const sealed = seal(password, 'proxyPassword');
      if (!sealed.ok) return sealed;
      envelope = sealed.value;
    }
    return {
      ok: true,
      value: {
        ...rest,
        ...(username === '' ? {} : { username }),
        ...(envelope === undefined ? {} : { password: envelope }),
      },
    };
  };

  const updatePractice = (record: StoredProfile, patch: ProfilePatch): VaultResult<ProfileSummary> => {
    const touchesCredentials =
      (patch.environment !== undefined && patch.environment !== record.environment) ||
      (['url', 'sid', 'appkey', 'appsecret'] as const).some((key) => textOf(patch[key]) !== '') ||
      // The simulator runs on this PC: its calls never go through a proxy.
      (patch.proxy !== undefined && patch.proxy.mode !== 'direct' && patch.proxy.mode !== 'system');
    if (touchesCredentials) return builtIn();
    const name =
      patch.name === undefined
        ? { ok: true as const, value: record.name }
        : checkName(patch.name, namesExcept(record.id));
    if (!name.ok) return name;
    const operator =
      patch.operator === undefined
        ? { ok: true as const, value: record.operator }
        : checkOperator(patch.operator);
    if (!operator.ok) return operator;
    return replace({ ...record, name: name.value, operator: operator.value });
  };

  const vault: Vault = {
    listProfiles: () => loaded.profiles.map(summarize),

    getActive() {
      const record = find(activeId()) ?? loaded.profiles[0];
      // loadProfiles guarantees the practice profile, so a record always exists.
      if (record === undefined) throw new Error('Vault invariant broken: no profiles.');
      return summarize(record);
    },

    setActive(id) {
      const record = find(id);
      if (record === undefined) return notFound();
      if (!activeProfile.set(record.id)) return storeFailed();
      return { ok: true, value: summarize(record) };
    },

    createProfile(input) {
      const refusal = encryptionRefusal(encryptor);
      if (refusal !== null) return failure('ENCRYPTION_UNAVAILABLE', refusal, 'appsecret');
      const built = build(newId(), input, { kind: 'new', appsecret: input.appsecret });
      if (!built.ok) return built;
      return commit([...loaded.profiles, built.value])
        ? { ok: true, value: summarize(built.value) }
        : storeFailed();
    },

    updateProfile(id, patch) {
      const record = find(id);
      if (record === undefined) return notFound();
      if (record.environment === 'practice') return updatePractice(record, patch);
      const secret: SecretSource =
        textOf(patch.appsecret) === ''
          ? { kind: 'keep', envelope: record.secret }
          : { kind: 'new', appsecret: patch.appsecret };
      const merged = {
        name: patch.name ?? record.name,
        environment: patch.environment ?? record.environment,
        url: patch.url ?? record.url,
        sid: patch.sid ?? record.sid,
        appkey: patch.appkey ?? record.appkey,
        operator: patch.operator ?? record.operator,
        ...(patch.proxy === undefined ? {} : { proxy: patch.proxy }),
      };
      const built = build(record.id, merged, secret, record.proxy ?? defaultProxy);
      return built.ok ? replace(built.value) : built;
    },

    renameProfile(id, name) {
      const record = find(id);
      if (record === undefined) return notFound();
      const checked = checkName(name, namesExcept(record.id));
      return checked.ok ? replace({ ...record, name: checked.value }) : checked;
    },

    deleteProfile(id) {
      const record = find(id);
      if (record === undefined) return notFound();
      if (record.environment === 'practice') return builtIn();
      const wasActive = activeId() === record.id;
      if (!commit(loaded.profiles.filter((p) => p.id !== record.id))) return storeFailed();
      if (wasActive) activeProfile.set(PRACTICE_PROFILE_ID);
      return { ok: true, value: vault.listProfiles() };
    },

    protectionStatus() {
      const warning = encryptionRefusal(encryptor);
      return { backend: encryptor.backend(), canStoreSecrets: warning === null, warning };
    },

    async credentialsFor(id) {
      const record = find(id);
      if (record === undefined) return notFound();
      if (record.environment === 'practice') {
        try {
          return { ok: true, value: await deps.practiceCredentials() };
        } catch {
          return failure('PRACTICE_UNAVAILABLE', '内置练习环境未能启动，请重新打开程序后再试。');
        }
      }
      if (record.secret === undefined) {
        return failure('SECRET_MISSING', '这个配置还没有保存 appsecret（接口密钥），请在设置中输入。');
      }
      const appsecret = openSecret(encryptor, record.secret);
      if (appsecret === null) {
        secretStates.set(record.id, 'needsReentry');
        return needsReentry();
      }
      secretStates.set(record.id, 'set');
      if (!forbidden.includes(appsecret)) forbidden = [...addForbidden(new Set(forbidden), appsecret)];
      return { ok: true, value: { url: urlOf(record), sid: record.sid, appkey: record.appkey, appsecret } };
    },

    forbiddenStrings: () => forbidden,

    networkFor(id) {
      const record = find(id);
      if (record === undefined) return notFound();
      // The practice simulator listens on 127.0.0.1: a proxy could only break it.
      if (record.environment === 'practice') {
        return { ok: true, value: { proxy: { mode: 'direct' }, proxyLogin: () => null } };
      }
      const stored = record.proxy;
      return {
        ok: true,
        value: {
          proxy: proxySettingOf(stored),
          proxyLogin: () => {
            // Read at the moment a proxy asks, so a login saved meanwhile is used.
            const current = find(id)?.proxy;
            const username = current?.username ?? '';
            if (username === '' || current?.password === undefined) return null;
            const password = openSecret(encryptor, current.password);
            return password === null ? null : { username, password };
          },
        },
      };
    },
  };
  return vault;
}

/** The whole appsecret and, when it splits, its secret and salt: each is enough to harm the account. */
function addForbidden(found: Set<string>, appsecret: string): Set<string> {
  found.add(appsecret);
  const parts = splitAppsecret(appsecret);
  if (parts !== undefined) {
    if (parts.secret !== '') found.add(parts.secret);
    if (parts.salt !== '') found.add(parts.salt);
  }
  return found;
}

function urlOf(record: StoredProfile): string {
  const url = storedUrlFor(record.environment, record.url);
  // Records are validated on load, so only practice (handled by callers) has no stored URL.
  return url?.ok ? url.value : '';
}
