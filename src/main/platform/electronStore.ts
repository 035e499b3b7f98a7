/** Settings and profiles in electron-store (a JSON file in the user's app-data folder). */
import Store from 'electron-store';
import type { KeyValueStore } from '../keyValueStore';

export function createElectronStore(): KeyValueStore {
  const store = new Store<Record<string, unknown>>({ name: 'wdt-desk', clearInvalidConfig: false });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}
