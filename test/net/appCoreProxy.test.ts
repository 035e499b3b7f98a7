/**
 * The real app core, given the fetch the Chromium host gets (fetchFromEnvironment), submits through a
 * proxy on 127.0.0.1: the journaled body is what the simulator verified and created, and a proxy that
 * refuses the connection leaves a not-sent entry and no document.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { outerOutSpec } from '../../src/shared/documents';
import type { IpcCallName, IpcCalls } from '../../src/shared/ipc';
import type { CallInput, CallOutput } from '../../src/shared/ipcTypes';
import { openAppCore } from '../../src/main/appCore';
import { createTestEncryptor } from '../../src/main/encryptor';
import { openJsonFileStore } from '../../src/main/keyValueStore';
import { demoAccount, startSimulator, type Simulator } from '../../src/main/wdt/simulator';
import { networkFromEnvironment, type Environment } from '../../src/main/net/environmentProxy';
import { closedPort, startTestProxy } from './testProxy';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function coreThrough(env: Environment) {
  const dataFolder = await mkdtemp(join(tmpdir(), 'wdt-proxy-core-'));
  cleanups.push(() => rm(dataFolder, { recursive: true, force: true }));
  const network = networkFromEnvironment(env);
  cleanups.push(() => network.close());
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
  cleanups.push(() => core.close());
  return async <N extends IpcCallName>(
    name: N,
    input: CallInput<IpcCalls[N]>,
  ): Promise<CallOutput<IpcCalls[N]>> => {
    const reply = await core.dispatch(name, input, { trustedSender: true });
    if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
    return reply.value as CallOutput<IpcCalls[N]>;
  };
}

async function simulator(): Promise<Simulator> {
  const sim = await startSimulator();
  cleanups.push(() => sim.close());
  return sim;
}

const draft = (orderNo: string) => ({
  header: { warehouse_no: 'pos', order_no: orderNo, remark: '经代理提交', is_check: false },
  lines: [{ spec_no: 'DFAQT101', num: '2' }],
});

describe('the app core through a proxy', () => {
  it('submits through HTTP_PROXY; the ERP gets the signed body the journal holds', async () => {
    const sim = await simulator();
    const carrier = await startTestProxy();
    cleanups.push(() => carrier.close());
    const call = await coreThrough({ HTTP_PROXY: carrier.url });
    const profile = await call('createProfile', {
      name: '代理仓',
      environment: 'custom',
      url: `http://erp.example.test:${sim.port}/openapi`,
      sid: demoAccount.sid,
      appkey: demoAccount.appkey,
      appsecret: demoAccount.appsecret,
    });
    await call('setActiveProfile', { id: profile.id });
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
    const profile = await call('createProfile', {
      name: '代理仓',
      environment: 'custom',
      url: `http://erp.example.test:${sim.port}/openapi`,
      sid: demoAccount.sid,
      appkey: demoAccount.appkey,
      appsecret: demoAccount.appsecret,
    });
    await call('setActiveProfile', { id: profile.id });
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
