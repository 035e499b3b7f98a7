/**
 * The scanner and sound settings the user chose (AppSettings, read once from main when a scan view opens)
 * as the scan modules take them. Read fresh on every open, so a change in 设置 applies to the next scan view.
 */
import type { AppSettings, SoundSettings } from '../../../../shared/profile';
import { defaultSettings, PRACTICE_PROFILE_ID } from '../../../../shared/profile';
import type { SnShape } from '../../../../shared/snShape';
import { bridge } from '../../../stores/bridge';
import type { ScanSettings } from '../model/scanTunables';
import { resolveScanSettings } from '../model/scanTunables';

export interface ScanPreferences {
  readonly scan: ScanSettings;
  readonly sound: SoundSettings;
  /** The active profile's SN shape, if it has one. */
  readonly snShape: SnShape | null;
}

export function preferencesFrom(
  settings: Pick<AppSettings, 'scanner' | 'sound' | 'snShapes' | 'activeProfileId'>,
): ScanPreferences {
  const scanner = settings.scanner;
  return {
    snShape: settings.snShapes[settings.activeProfileId ?? PRACTICE_PROFILE_ID] ?? null,
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
