import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { ipcCallNames, ipcCalls, ipcEventNames, ipcEvents } from '../../src/shared/ipc';
import { callChannel, eventChannel } from '../../src/shared/ipcTypes';
import { buildBridge } from '../../src/preload/bridge';
import { openTestCore } from '../support/appCore';

function recordingBridge() {
  const invoked: { channel: string; input: unknown }[] = [];
  const subscribed: string[] = [];
  const bridge = buildBridge({
    invoke: async (channel, input) => {
      invoked.push({ channel, input });
      return { ok: true, value: null };
    },
    subscribe: (channel) => {
      subscribed.push(channel);
      return () => undefined;
    },
  });
  return { bridge, invoked, subscribed };
}

describe('the IPC contract', () => {
  it('has the same calls in the contract, the preload bridge and main’s handlers', async () => {
    const { core } = await openTestCore();
    const { bridge } = recordingBridge();
    const bridgeCalls = Object.keys(bridge).filter((key) => key !== 'events');
    expect(bridgeCalls.sort()).toEqual(Object.keys(ipcCalls).sort());
    expect(Object.keys(core.handlers).sort()).toEqual(Object.keys(ipcCalls).sort());
    expect(Object.keys(bridge.events).sort()).toEqual(Object.keys(ipcEvents).sort());
  });

  it('sends each call on its derived channel and hands listeners only the payload', async () => {
    const invoked: string[] = [];
    const listeners = new Map<string, (payload: unknown) => void>();
    const bridge = buildBridge({
      invoke: async (channel) => {
        invoked.push(channel);
        return { ok: true, value: null };
      },
      subscribe: (channel, listener) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      },
    });
    await bridge.listProfiles(undefined);
    await bridge.loadDraft({ id: 'doc.x' });
    expect(invoked).toEqual([callChannel('listProfiles'), callChannel('loadDraft')]);
    const received: unknown[] = [];
    const unsubscribe = bridge.events.journalChanged((payload) => received.push(payload));
    listeners.get(eventChannel('journalChanged'))?.({ type: 'added' });
    expect(received).toEqual([{ type: 'added' }]);
    unsubscribe();
    expect(listeners.has(eventChannel('journalChanged'))).toBe(false);
  });

  it('exposes nothing but the calls and the event subscriptions', () => {
    const { bridge } = recordingBridge();
    const allowed = new Set<string>([...ipcCallNames, 'events']);
    expect(Object.keys(bridge).filter((key) => !allowed.has(key))).toEqual([]);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge.events)).toEqual(ipcEventNames);
  });

  it.each(ipcCallNames)(
    'refuses a malformed argument to %s with INVALID_ARGUMENT and a clear message',
    async (name) => {
      const { core } = await openTestCore();
      const reply = await core.dispatch(name, 42, { trustedSender: true });
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: '请求参数不正确' },
      });
    },
  );

  it('refuses draft ids that could leave the drafts folder', async () => {
    const { core } = await openTestCore();
    for (const id of ['../settings', 'a/b', '..\\x', '']) {
      const reply = await core.dispatch('saveDraft', { id, data: {} }, { trustedSender: true });
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
  });

  it('refuses every call from a foreign sender before its handler runs', async () => {
    const test = await openTestCore();
    const input = { name: '外来', environment: 'test', sid: 's', appkey: 'k', appsecret: 'a:b' };
    const reply = await test.core.dispatch('createProfile', input, { trustedSender: false });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const profiles = await test.value('listProfiles', undefined);
    expect(profiles.profiles.map((profile) => profile.name)).not.toContain('外来');
    for (const name of ipcCallNames) {
      expect(await test.core.dispatch(name, undefined, { trustedSender: false })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      });
    }
  });

  it('turns an unknown call name into an error, not a crash', async () => {
    const { core } = await openTestCore();
    expect(await core.dispatch('constructor', undefined, { trustedSender: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });
});

describe('the lint rule that keeps Electron at the edge', () => {
  const eslint = new ESLint();
  const electronImport = "import { app } from 'electron';\nexport const name = app.name;\n";

  it.each([
    'src/main/journal/journal.ts',
    'src/shared/spec.ts',
    'src/renderer/app/App.tsx',
    'src/main/wdt/client.ts',
  ])('forbids importing electron in %s', async (filePath) => {
    const [result] = await eslint.lintText(electronImport, { filePath });
    expect(result?.messages.map((message) => message.ruleId)).toContain('no-restricted-imports');
  });

  it.each([
    'src/main/index.ts',
    'src/main/window.ts',
    'src/main/ipc.ts',
    'src/preload/index.ts',
    'src/main/platform/x.ts',
  ])('allows it in the edge file %s', async (filePath) => {
    const [result] = await eslint.lintText(electronImport, { filePath });
    expect(result?.messages.filter((message) => message.ruleId === 'no-restricted-imports')).toEqual([]);
  });
});
