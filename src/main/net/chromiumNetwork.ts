/**
 * One dedicated Chromium session per profile, configured from the profile's proxy setting:
 * 跟随系统 → Chromium's 'system' mode (Windows' proxy settings and PAC, as the browser uses them);
 * 不使用代理 → 'direct'; 手动 → 'fixed_servers' with host:port, or 'pac_script' when a PAC address is given.
 * A dedicated session keeps the ERP's connections, proxy logins and settings apart from the window's
 * session (which serves only our own files) and from other profiles.
 *
 * The setting is read from the vault at every call, and applied to the session only when it changed; then
 * pooled connections (still bound to the old proxy) are closed and cached proxy logins forgotten.
 */
import { createHash } from 'node:crypto';
import type { FetchLike } from '../wdt/fetchLike';
import type { ProfileNetwork } from '../vault/types';
import type { ProxySetting } from '../vault/proxy';
import type { Result } from '../../shared/result';
import { createChromiumFetch, type ChromiumRequestFactory } from './chromiumFetch';
import type { ErpNetwork } from './network';
import { routeFromPacResult, type ErpRoute, type RouteSource } from './route';

/** Electron's ProxyConfig, as far as we use it. */
interface ChromiumProxyConfig {
  readonly mode: 'system' | 'direct' | 'fixed_servers' | 'pac_script';
  readonly proxyRules?: string;
  readonly pacScript?: string;
}

/** The part of Electron's Session used here. */
interface ChromiumSession {
  setProxy(config: ChromiumProxyConfig): Promise<void>;
  resolveProxy(url: string): Promise<string>;
  closeAllConnections(): Promise<void>;
  clearAuthCache(): Promise<void>;
}

interface ChromiumBinding<S extends ChromiumSession> {
  /** A session of its own for `partition` (in memory: nothing of it is written to disk). */
  sessionFor(partition: string): S;
  readonly request: ChromiumRequestFactory<S>;
}

/** The vault's view the network needs (Vault.networkFor). */
export interface ProfileNetworkSource {
  networkFor(profileId: string): Result<ProfileNetwork>;
}

function proxyConfigFor(setting: ProxySetting): ChromiumProxyConfig {
  switch (setting.mode) {
    case 'system':
      return { mode: 'system' };
    case 'direct':
      return { mode: 'direct' };
    case 'manual':
      if (setting.pacUrl !== undefined) return { mode: 'pac_script', pacScript: setting.pacUrl };
      // The same proxy for http and https: the ERP's addresses are plain http, a custom one may be https.
      return { mode: 'fixed_servers', proxyRules: setting.server ?? '' };
  }
}

function sourceOf(setting: ProxySetting): RouteSource {
  switch (setting.mode) {
    case 'system':
      return 'system';
    case 'direct':
      return 'profile-direct';
    case 'manual':
      return setting.pacUrl !== undefined ? 'pac' : 'manual';
  }
}

/** A partition name from the profile id: stable, and free of characters a partition may not hold. */
function partitionFor(profileId: string): string {
  return `wdt-erp-${createHash('sha256').update(profileId).digest('hex').slice(0, 16)}`;
}

export function createChromiumNetwork<S extends ChromiumSession>(
  binding: ChromiumBinding<S>,
  profiles: ProfileNetworkSource,
): ErpNetwork {
  interface Entry {
    readonly session: S;
    applied: string | undefined;
    /** Applying a setting is async; calls wait for the one in progress. */
    applying: Promise<void>;
  }
  const entries = new Map<string, Entry>();

  const settingOf = (profileId: string): ProfileNetwork => {
    const found = profiles.networkFor(profileId);
    // A profile that is gone cannot be sent with anyway; the system's settings are the safe reading.
    return found.ok ? found.value : { proxy: { mode: 'system' }, proxyLogin: () => null };
  };

  const prepared = async (profileId: string, setting: ProxySetting): Promise<S> => {
    let entry = entries.get(profileId);
    if (!entry) {
      entry = {
        session: binding.sessionFor(partitionFor(profileId)),
        applied: undefined,
        applying: Promise.resolve(),
      };
      entries.set(profileId, entry);
    }
    const config = proxyConfigFor(setting);
    const key = JSON.stringify(config);
    const current = entry;
    current.applying = current.applying.then(async () => {
      if (current.applied === key) return;
      await current.session.setProxy(config);
      await current.session.closeAllConnections();
      await current.session.clearAuthCache();
      current.applied = key;
    });
    await current.applying;
    return current.session;
  };

  return {
    fetchFor(profileId): FetchLike {
      return async (url, init) => {
        const network = settingOf(profileId);
        const session = await prepared(profileId, network.proxy);
        return createChromiumFetch({ request: binding.request, session, proxyLogin: network.proxyLogin })(
          url,
          init,
        );
      };
    },
    async routeFor(profileId, url): Promise<ErpRoute> {
      const network = settingOf(profileId);
      try {
        const session = await prepared(profileId, network.proxy);
        return routeFromPacResult(await session.resolveProxy(url), sourceOf(network.proxy));
      } catch {
        return { kind: 'unknown' };
      }
    },
    async close() {
      await Promise.all([...entries.values()].map((entry) => entry.session.closeAllConnections()));
    },
  };
}
