/**
 * Settings and profiles in the user's app-data folder, read and written by the checked store used
 * everywhere else (keyValueStore.ts): a write cut short on a full disk is caught, and a damaged file is set
 * aside with what can be recovered, so it never stops the app before a window opens. The file keeps
 * electron-store's name and place, so settings written by electron-store are found.
 */
import { app } from 'electron';
import { join } from 'node:path';
import { openJsonFileStore, type JsonFileStore } from '../keyValueStore';

/** The file electron-store writes for `name: 'wdt-desk'`: `<name>.json` in userData. */
const SETTINGS_FILE_NAME = 'wdt-desk.json';

export function createElectronStore(): JsonFileStore {
  return openJsonFileStore(join(app.getPath('userData'), SETTINGS_FILE_NAME));
}
