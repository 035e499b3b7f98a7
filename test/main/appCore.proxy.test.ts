/**
 * The real app core, given the fetch the Chromium host gets (fetchFromEnvironment), submits through a
 * proxy on 127.0.0.1: the journaled body is what the simulator verified and created, and a proxy that
 * refuses the connection leaves a not-sent entry and no document.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outerOutSpec } from '../../src/shared/documents';
import type { IpcCallName, IpcCalls } from '../../src/shared/ipc';
import type { ProfileSummary } from '../../src/shared/profile';
import type { CallInput, CallOutput } from '../../src/shared/ipcTypes';
import { openAppCore } from '../../src/main/appCore';
import { createTestEncryptor } from '../support/testEncryptor';
import { openJsonFileStore } from '../../src/main/keyValueStore';
import { demoAccount, type Simulator } from '../../src/main/wdt/simulator';
import { networkFromEnvironment, type Environment } from '../../src/main/net/environmentProxy';
import { closedPort } from '../support/testProxy';
import { erpUrl, onCleanup, proxy, simulator } from '../support/started';

type CoreCall = <N extends IpcCallName>(
  name: N,
  input: CallInput<IpcCalls[N]>,
) => Promise<CallOutput<IpcCalls[N]>>;

async function coreThrough(env: Environment): Promise<CoreCall> {
  const dataFolder = await mkdtemp(join(tmpdir(), 'wdt-proxy-core-'));
  onCleanup(() => rm(dataFolder, { recursive: true, force: true }));
  const network = networkFromEnvironment(env);
  onCleanup(() => network.close());
  const core = await openAppCore({
    dataFolder,
    encryptor: createTestEncryptor(),
    store: openJsonFileStore(join(dataFolder, 'settings.json')),
    fetch: network.fetch,
    timeoutMs: 2000,
    version: '0.0.0-test',
    logError: () => undefined,
    autoReconcileDelayMs: 60_000,
  });
  onCleanup(() => core.close());
  return async <N extends IpcCallName>(
    name: N,
    input: CallInput<IpcCalls[N]>,
  ): Promise<CallOutput<IpcCalls[N]>> => {
    const reply = await core.dispatch(name, input, { trustedSender: true });
    if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
    return reply.value as CallOutput<IpcCalls[N]>;
  };
}

/** A profile for the demo account at the simulator, addressed through the proxy, made active. */
async function useErp(call: CoreCall, sim: Simulator): Promise<ProfileSummary> {
  const profile = await call('createProfile', {
    name: '代理仓',
    environment: 'custom',
    url: erpUrl(sim),
    sid: demoAccount.sid,
    appkey: demoAccount.appkey,
    appsecret: demoAccount.appsecret,
  });
  await call('setActiveProfile', { id: profile.id });
  return profile;
}

const draft = (orderNo: string) => ({
  header: { warehouse_no: 'pos', order_no: orderNo, remark: '经代理提交', is_check: false },
  lines: [{ spec_no: 'DFAQT101', num: '2' }],
});

describe('the app core through a proxy', () => {
  it('submits through HTTP_PROXY; the ERP gets the signed body the journal holds', async () => {
    const sim = await simulator();
    const carrier = await proxy();
    const call = await coreThrough({ HTTP_PROXY: carrier.url });
    const profile = await useErp(call, sim);
    const tested = await call('testConnection', { id: profile.id });
    expect(tested.ok).toBe(true);
    const response = await call('submitDocument', {
      method: outerOutSpec.method,
      draftId: 'd1',
      draft: draft('PX-1'),
    });
    expect(response.status === 'sent' && response.outcome.kind).toBe('accepted');
    const detail =
      response.status === 'sent' ? await call('getJournalEntry', { id: response.entry.id }) : undefined;
    const created = sim.requests.find((request) => request.apiMethod === outerOutSpec.method);
    expect(created?.bodyText).toBeDefined();
    expect(JSON.stringify(detail)).toContain(JSON.stringify(created?.bodyText ?? 'missing').slice(1, -1));
    expect(sim.created.map((doc) => doc.document.header['remark'])).toEqual(['经代理提交']);
    expect(
      carrier.log.every((entry) => entry.target === `erp.example.test:${sim.port}` && entry.status === 200),
    ).toBe(true);
    // The probe and the document, both through the proxy's tunnel (kept open and reused).
    expect(carrier.log.length).toBeGreaterThanOrEqual(1);
    expect(sim.requests).toHaveLength(2);
  });

  it('journals not-sent, creating nothing, when the proxy refuses the connection', async () => {
    const sim = await simulator();
    const call = await coreThrough({ HTTP_PROXY: `http://127.0.0.1:${await closedPort()}` });
    await useErp(call, sim);
    const response = await call('submitDocument', {
      method: outerOutSpec.method,
      draftId: 'd2',
      draft: draft('PX-2'),
    });
    expect(response.status === 'sent' && response.outcome).toMatchObject({
      kind: 'not-sent',
      reason: 'ECONNREFUSED',
    });
    expect(response.status === 'sent' && response.entry.outcome).toBe('not-sent');
    expect(sim.requests).toHaveLength(0);
  });
});
