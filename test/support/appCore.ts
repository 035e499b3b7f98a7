/**
 * The real app core in a temporary data folder, with the test Encryptor and a JSON file store, talking to
 * simulators on 127.0.0.1. Every reply passes through `call`, which records it so leak tests can scan them.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { IpcCallName, IpcCalls, IpcEventName } from '../../src/shared/ipc';
import type { CallInput, CallOutput } from '../../src/shared/ipcTypes';
import type { Result } from '../../src/shared/result';
import { openAppCore, type AppCore } from '../../src/main/appCore';
import { createTestEncryptor } from './testEncryptor';
import { openJsonFileStore } from '../../src/main/keyValueStore';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/main/wdt/simulator';

export interface TestCore {
  readonly core: AppCore;
  readonly dataFolder: string;
  readonly replies: unknown[];
  readonly events: { name: IpcEventName; payload: unknown }[];
  call<N extends IpcCallName>(
    name: N,
    input: CallInput<IpcCalls[N]>,
  ): Promise<Result<CallOutput<IpcCalls[N]>>>;
  /** The value of a call that must succeed. */
  value<N extends IpcCallName>(name: N, input: CallInput<IpcCalls[N]>): Promise<CallOutput<IpcCalls[N]>>;
  /** Every file the app wrote, as text. */
  filesWritten(): Promise<{ path: string; text: string }[]>;
  reopen(): Promise<TestCore>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export async function simulator(options?: SimulatorOptions): Promise<Simulator> {
  const sim = await startSimulator(options);
  cleanups.push(() => sim.close());
  return sim;
}

export async function openTestCore(
  options: { timeoutMs?: number; dataFolder?: string; autoReconcileDelayMs?: number } = {},
): Promise<TestCore> {
  const dataFolder = options.dataFolder ?? (await mkdtemp(join(tmpdir(), 'wdt-core-')));
  if (!options.dataFolder) cleanups.push(() => rm(dataFolder, { recursive: true, force: true }));
  const core = await openAppCore({
    dataFolder,
    encryptor: createTestEncryptor(),
    store: openJsonFileStore(join(dataFolder, 'settings.json')),
    fetch,
    timeoutMs: options.timeoutMs ?? 500,
    version: '0.0.0-test',
    logError: () => undefined,
    ...(options.autoReconcileDelayMs !== undefined && { autoReconcileDelayMs: options.autoReconcileDelayMs }),
  });
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await core.close();
  };
  cleanups.push(close);
  const replies: unknown[] = [];
  const events: { name: IpcEventName; payload: unknown }[] = [];
  core.onEvent((name, payload) => events.push({ name, payload }));
  const call = async <N extends IpcCallName>(name: N, input: CallInput<IpcCalls[N]>) => {
    const reply = await core.dispatch(name, input, { trustedSender: true });
    replies.push(reply);
    return reply as Result<CallOutput<IpcCalls[N]>>;
  };
  const testCore: TestCore = {
    core,
    dataFolder,
    replies,
    events,
    call,
    async value(name, input) {
      const reply = await call(name, input);
      if (!reply.ok) throw new Error(`${name} failed: ${reply.error.code} ${reply.error.message}`);
      return reply.value;
    },
    async filesWritten() {
      const found: { path: string; text: string }[] = [];
      const walk = async (folder: string): Promise<void> => {
        for (const entry of await readdir(folder, { withFileTypes: true })) {
          const path = join(folder, entry.name);
          if (entry.isDirectory()) await walk(path);
          else found.push({ path, text: (await readFile(path, 'latin1')) + (await readFile(path, 'utf8')) });
        }
      };
      await walk(dataFolder);
      return found;
    },
    async reopen() {
      await close();
      return openTestCore({ ...options, dataFolder });
    },
  };
  return testCore;
}
