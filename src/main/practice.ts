/**
 * The 练习环境: the simulator running inside main on 127.0.0.1, started the first time a practice call
 * needs it, so a new user can try every document before entering real credentials.
 */
import { demoAccount, startSimulator, type Simulator } from './wdt/simulator';
import type { Credentials } from './vault';

export interface PracticeEnvironment {
  credentials(): Promise<Credentials>;
  close(): Promise<void>;
}

export function createPracticeEnvironment(): PracticeEnvironment {
  let starting: Promise<Simulator> | undefined;
  return {
    async credentials() {
      starting ??= startSimulator();
      const simulator = await starting;
      return { url: simulator.url, ...demoAccount };
    },
    async close() {
      if (starting) await (await starting).close();
    },
  };
}
