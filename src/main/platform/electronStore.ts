/**
 * Settings and profiles in the user's app-data folder, in the file electron-store used (wdt-desk.json), read
 * and written by the same checked store as everywhere else (keyValueStore.ts). electron-store's writer
 * did not check short writes, and with `clearInvalidConfig: false` a file it had cut short on a full disk
 * stopped the app before any window opened; this store sets such a file aside and recovers what it can.
 */
import { app } from 'electron';
import { join } from 'node:path';
import { openJsonFileStore, type JsonFileStore } from '../keyValueStore';

/** electron-store's default file: `<name>.json` in userData. */
export const SETTINGS_FILE_NAME = 'wdt-desk.json';

export function createElectronStore(): JsonFileStore {
  return openJsonFileStore(join(app.getPath('userData'), SETTINGS_FILE_NAME));
}
