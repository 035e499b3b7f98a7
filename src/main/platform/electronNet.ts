/**
 * The Electron edge of the network (issue #19): binds Chromium's network stack (`net.request` on a
 * dedicated in-memory session per profile) to the app's FetchLike. Everything else lives in
 * net/chromiumNetwork.ts and net/chromiumFetch.ts, tested in Node against a stand-in for this module's
 * `electron` import. Call after the app is ready (sessions and `net` exist only then).
 */
import { net, session, type ClientRequest, type IncomingMessage, type Session } from 'electron';
import type { ChromiumRequest, ChromiumResponse } from '../net/chromiumFetch';
import { createChromiumNetwork, type ProfileNetworkSource } from '../net/chromiumNetwork';
import type { ErpNetwork } from '../net/network';

export function createElectronNetwork(profiles: ProfileNetworkSource): ErpNetwork {
  return createChromiumNetwork<Session>(
    {
      // No 'persist:' prefix: the session lives in memory, so no cache or login of it reaches the disk.
      sessionFor: (partition) => session.fromPartition(partition, { cache: false }),
      request: (options) => adapt(net.request(options)),
    },
    profiles,
  );
}

/** Electron's ClientRequest, one method per event the fetch listens to. */
function adapt(request: ClientRequest): ChromiumRequest {
  return {
    setHeader: (name, value) => request.setHeader(name, value),
    onResponse: (listener) => void request.on('response', (message) => listener(adaptResponse(message))),
    onError: (listener) => void request.on('error', listener),
    onLogin: (listener) => void request.on('login', (authInfo, callback) => listener(authInfo, callback)),
    end: (chunk) => void request.end(chunk),
    abort: () => request.abort(),
  };
}

function adaptResponse(message: IncomingMessage): ChromiumResponse {
  return {
    statusCode: message.statusCode,
    headers: message.headers,
    onData: (listener) => void message.on('data', listener),
    onEnd: (listener) => void message.on('end', listener),
    onError: (listener) => void message.on('error', listener),
  };
}
