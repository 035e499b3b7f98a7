/**
 * The 练习环境: the simulator running inside main on 127.0.0.1, started the first time a practice call
 * needs it, so a new user can try every document before entering real credentials. Its ERP settings
 * (允许添加相同的货品 and the like) are kept in the app's store, so staff who set them to match their
 * seller's ERP find them again after a restart.
 */
import {
  defaultPracticeErpSettings,
  practiceErpSettingKeys,
  type PracticeErpSettings,
} from '../shared/practiceErp';
import type { KeyValueStore } from './keyValueStore';
import { demoAccount, startSimulator, type Simulator } from './wdt/simulator';
import type { Credentials } from './vault/types';

const PRACTICE_ERP_SETTINGS_KEY = 'practiceErpSettings';

export interface PracticeEnvironment {
  credentials(): Promise<Credentials>;
  erpSettings(): PracticeErpSettings;
  /** Stores the change and applies it to the running simulator at once; returns all the settings. */
  setErpSettings(patch: Partial<PracticeErpSettings>): PracticeErpSettings;
  close(): Promise<void>;
}

interface PracticeOptions {
  /** Where the ERP settings persist; without one they last as long as the process. */
  readonly store?: KeyValueStore;
}

export function createPracticeEnvironment(options: PracticeOptions = {}): PracticeEnvironment {
  const { store } = options;
  let settings = readSettings(store?.get(PRACTICE_ERP_SETTINGS_KEY));
  let starting: Promise<Simulator> | undefined;
  let running: Simulator | undefined;
  return {
    async credentials() {
      starting ??= startSimulator({ erpSettings: settings }).then((simulator) => (running = simulator));
      const simulator = await starting;
      return { url: simulator.url, ...demoAccount };
    },
    erpSettings: () => settings,
    setErpSettings(patch) {
      const next = { ...settings, ...readPatch(patch) };
      store?.set(PRACTICE_ERP_SETTINGS_KEY, next);
      settings = next;
      running?.setErpSettings(next);
      return settings;
    },
    async close() {
      if (starting) await (await starting).close();
    },
  };
}

/** Stored settings, field by field: a missing or damaged field falls back to its default. */
function readSettings(stored: unknown): PracticeErpSettings {
  return { ...defaultPracticeErpSettings, ...readPatch(stored) };
}

function readPatch(value: unknown): Partial<PracticeErpSettings> {
  if (typeof value !== 'object' || value === null) return {};
  const patch: Partial<Record<keyof PracticeErpSettings, boolean>> = {};
  for (const key of practiceErpSettingKeys) {
    const field = (value as Record<string, unknown>)[key];
    if (typeof field === 'boolean') patch[key] = field;
  }
  return patch;
}
