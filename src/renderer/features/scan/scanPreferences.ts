/**
 * The scanner and sound settings the user chose (AppSettings, read once from main when a scan view opens)
 * as the scan modules take them. Read fresh on every open, so a change in 设置 applies to the next scan view.
 */
import type { AppSettings, SoundSettings } from '../../../shared/profile';
import { defaultSettings } from '../../../shared/profile';
import { bridge } from '../../stores/bridge';
import type { ScanSettings } from './scanSettings';
import { resolveScanSettings } from './scanSettings';

export interface ScanPreferences {
  readonly scan: ScanSettings;
  readonly sound: SoundSettings;
}

export function preferencesFrom(settings: Pick<AppSettings, 'scanner' | 'sound'>): ScanPreferences {
  const scanner = settings.scanner;
  return {
    scan: resolveScanSettings({
      suffixKeys: [...scanner.suffixKeys],
      maxInterKeyMs: scanner.maxInterKeyMs,
      minLength: scanner.minLength,
      bounceMs: scanner.bounceWindowMs,
    }),
    sound: settings.sound,
  };
}

export const defaultPreferences: ScanPreferences = preferencesFrom(defaultSettings);

/** The saved settings, or the defaults when main cannot answer (scanning must still work). */
export async function loadScanPreferences(): Promise<ScanPreferences> {
  try {
    const result = await bridge().getSettings(undefined);
    return result.ok ? preferencesFrom(result.value) : defaultPreferences;
  } catch {
    return defaultPreferences;
  }
}
