/**
 * What a network test starts on 127.0.0.1 (simulators, proxies) or opens (networks, folders, cores), closed
 * after each test, the latest first, so a proxy or a core never outlives what it talks to.
 */
import { afterEach } from 'vitest';
import { startSimulator, type Simulator } from '../../src/main/wdt/simulator';
import { startTestProxy, type TestProxy, type TestProxyOptions } from './testProxy';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Runs `cleanup` after the test, before whatever was started earlier is closed. */
export function onCleanup(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup);
}

export async function simulator(): Promise<Simulator> {
  const sim = await startSimulator();
  onCleanup(() => sim.close());
  return sim;
}

export async function proxy(options?: TestProxyOptions): Promise<TestProxy> {
  const started = await startTestProxy(options);
  onCleanup(() => started.close());
  return started;
}

/** The simulator under a name only the test proxy resolves (as behind a company proxy). */
export const erpUrl = (sim: Simulator): string => `http://erp.example.test:${sim.port}/openapi`;
