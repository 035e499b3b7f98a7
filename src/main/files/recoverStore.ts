/**
 * What is recovered from a damaged settings file (the file that holds the settings, the profiles and
 * their encrypted secrets): every key still whole, every profile still whole, and a profile cut short
 * without the secret it may have lost, marked so the vault asks for the appsecret again.
 */
import { salvageJson } from './salvageJson';

const PROFILES_KEY = 'profiles';

/** Not an envelope: the vault's openSecret fails on it, so the profile reads as 'needsReentry'. */
const LOST_SECRET = Object.freeze({ lost: '凭证在损坏的设置文件中丢失，请重新输入凭证' });

export interface RecoveredEntries {
  readonly entries: Record<string, unknown>;
  /** Top-level keys recovered (whole or in part). */
  readonly keys: readonly string[];
  /** The user's profiles recovered (the practice one aside), of which `profilesNeedingSecret` lost their secret. */
  readonly profiles: number;
  readonly profilesNeedingSecret: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recoverEntries(text: string): RecoveredEntries {
  const { value, partial } = salvageJson(text);
  const entries: Record<string, unknown> = isRecord(value) ? { ...value } : {};
  let profilesNeedingSecret = 0;
  const rawProfiles = entries[PROFILES_KEY];
  let profiles = 0;
  if (Array.isArray(rawProfiles)) {
    entries[PROFILES_KEY] = rawProfiles.flatMap((record: unknown) => {
      if (!isRecord(record)) return [];
      // The built-in practice profile is always there; only the user's own are counted.
      if (record['environment'] !== 'practice') profiles++;
      const secret = record['secret'];
      const secretWhole = isRecord(secret) && !partial.has(secret);
      // A whole record without a secret had none; a record cut short may have lost its secret.
      if (!partial.has(record) || secretWhole || record['environment'] === 'practice') return [record];
      profilesNeedingSecret++;
      return [{ ...record, secret: LOST_SECRET }];
    });
  } else if (rawProfiles !== undefined) {
    Reflect.deleteProperty(entries, PROFILES_KEY);
  }
  return { entries, keys: Object.keys(entries), profiles, profilesNeedingSecret };
}
