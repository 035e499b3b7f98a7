/**
 * The network seen by the app core: per profile, the fetch its calls use and the path they take. The
 * Electron app builds it over Chromium (chromiumNetwork.ts, bound in platform/electronNet.ts); the CLI and
 * the Chromium host over HTTPS_PROXY / HTTP_PROXY / NO_PROXY (environmentProxy.ts).
 */
import type { FetchLike } from '../wdt/fetchLike';
import { networkFromEnvironment, type Environment } from './environmentProxy';
import type { ErpRoute } from './route';

export interface ErpNetwork {
  /** The fetch for one profile's calls; it reads the profile's proxy setting at each call. */
  fetchFor(profileId: string): FetchLike;
  /** How a call to `url` from this profile would leave this PC now. Never rejects. */
  routeFor(profileId: string, url: string): Promise<ErpRoute>;
  close(): Promise<void>;
}

/** Plain Node: every profile goes by the environment's proxy variables. */
export function environmentErpNetwork(env: Environment): ErpNetwork {
  const network = networkFromEnvironment(env);
  return {
    fetchFor: () => network.fetch,
    routeFor: async (_profileId, url) => network.route(url),
    close: () => network.close(),
  };
}
