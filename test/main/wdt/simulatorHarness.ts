/** Starts the simulator and clients pointed at it, closing everything after each test. */
import { afterEach } from 'vitest';
import { createWdtClient, type WdtClient, type WdtClientOptions } from '../../../src/main/wdt/client';
import {
  demoAccount,
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../../src/main/wdt/simulator';

const running: Simulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

export async function simulator(options?: SimulatorOptions): Promise<Simulator> {
  const sim = await startSimulator(options);
  running.push(sim);
  return sim;
}

/** A client with the real fetch and clock, and the small timeout the suite relies on to stay fast. */
export function clientFor(sim: Simulator, overrides: Partial<WdtClientOptions> = {}): WdtClient {
  return createWdtClient({
    baseUrl: sim.url,
    credentials: demoAccount,
    fetch,
    now: Date.now,
    timeoutMs: 300,
    notSentRetryDelayMs: 0,
    ...overrides,
  });
}
