/** Shared setup for the vault tests: a temp folder, a JSON-file store, settings and a vault over them. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestEncryptor, type TestEncryptor } from '../../support/testEncryptor';
import { openJsonFileStore, type KeyValueStore } from '../../../src/main/keyValueStore';
import { activeProfilePointer, openSettings, type Settings } from '../../../src/main/settings';
import { openVault } from '../../../src/main/vault/vault';
import type { Credentials, Vault } from '../../../src/main/vault/types';
import type { ProfileInput } from '../../../src/shared/profile';

export const practiceDemo: Credentials = {
  url: 'http://127.0.0.1:40123/openapi',
  sid: 'demo',
  appkey: 'demo-key',
  appsecret: 'demo-secret:demo-salt',
};

/** Distinctive parts, so a leak anywhere is found by a plain substring search. */
export const SECRET_PART = 'S3cr3tPartZq81x';
export const SALT_PART = 'SaltPartKw77vv';

export function sampleInput(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    name: '仓库一号',
    environment: 'production',
    sid: 'wdterp30',
    appkey: 'czhc',
    appsecret: `${SECRET_PART}:${SALT_PART}`,
    operator: '张三',
    ...overrides,
  };
}

export interface Harness {
  readonly folder: string;
  readonly file: string;
  readonly encryptor: TestEncryptor;
  store: KeyValueStore;
  settings: Settings;
  vault: Vault;
  /** Opens everything afresh from the same file, as a restart would. */
  reload(): void;
  dispose(): void;
}

export function createHarness(encryptor: TestEncryptor = createTestEncryptor()): Harness {
  const folder = mkdtempSync(join(tmpdir(), 'wdt-vault-'));
  const file = join(folder, 'config.json');
  const open = () => {
    const store = openJsonFileStore(file);
    const settings = openSettings({ store });
    const vault = openVault({
      store,
      encryptor,
      activeProfile: activeProfilePointer(settings),
      practiceCredentials: () => Promise.resolve(practiceDemo),
    });
    return { store, settings, vault };
  };
  const harness: Harness = {
    folder,
    file,
    encryptor,
    ...open(),
    reload() {
      Object.assign(harness, open());
    },
    dispose() {
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return harness;
}
