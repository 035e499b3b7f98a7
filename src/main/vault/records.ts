/**
 * Profiles as stored under one key of the KeyValueStore. Reading is per record: a record that does not
 * parse is kept aside untouched (and written back as it was) instead of failing the whole load, so one bad
 * profile never stops the app and nothing the user had is silently destroyed.
 */
import { z } from 'zod';
import { environmentIds, environmentLabels, PRACTICE_PROFILE_ID } from '../../shared/profile';
import { parseBaseUrl } from '../environments';
import type { KeyValueStore } from '../keyValueStore';
import { storedProxySchema } from './proxy';

export const PROFILES_KEY = 'profiles';

const storedProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  environment: z.enum(environmentIds),
  /** Only for `custom`; the fixed environments take their URL from the code, practice from the simulator. */
  url: z.string().optional(),
  sid: z.string(),
  appkey: z.string(),
  operator: z.string().catch(''),
  /** The SecretEnvelope, checked only when opened: a corrupt one makes the profile need re-entry. */
  secret: z.unknown().optional(),
  /**
   * How calls leave this PC (issue #19). Absent in records stored before it existed: 跟随系统. A damaged
   * setting also falls back to 跟随系统 rather than hiding the whole profile.
   */
  proxy: storedProxySchema.optional().catch(undefined),
});

export type StoredProfile = z.output<typeof storedProfileSchema>;

export interface LoadedProfiles {
  readonly profiles: readonly StoredProfile[];
  /** Raw entries that did not parse, written back unchanged. */
  readonly unreadable: readonly unknown[];
}

function practiceRecord(): StoredProfile {
  return {
    id: PRACTICE_PROFILE_ID,
    name: environmentLabels.practice,
    environment: 'practice',
    sid: '',
    appkey: '',
    operator: '',
  };
}

function parseRecord(raw: unknown): StoredProfile | null {
  const parsed = storedProfileSchema.safeParse(raw);
  if (!parsed.success) return null;
  const record = parsed.data;
  // The practice profile is the built-in one only under its own id; anything else claiming it is corrupt.
  if ((record.environment === 'practice') !== (record.id === PRACTICE_PROFILE_ID)) return null;
  if (record.environment === 'custom' && !parseBaseUrl(record.url ?? '').ok) return null;
  return record;
}

/** Reads every profile it can; guarantees the practice profile is present (first start, or lost). */
export function loadProfiles(store: KeyValueStore): LoadedProfiles {
  const raw = store.get(PROFILES_KEY);
  const entries: readonly unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const profiles: StoredProfile[] = [];
  const unreadable: unknown[] = [];
  const seenIds = new Set<string>();
  for (const entry of entries) {
    const record = parseRecord(entry);
    if (record === null || seenIds.has(record.id)) {
      unreadable.push(entry);
      continue;
    }
    seenIds.add(record.id);
    profiles.push(record);
  }
  if (!seenIds.has(PRACTICE_PROFILE_ID)) profiles.unshift(practiceRecord());
  return { profiles, unreadable };
}

/** Throws when the store cannot persist; the caller turns that into STORE_FAILED. */
export function saveProfiles(store: KeyValueStore, loaded: LoadedProfiles): void {
  store.set(PROFILES_KEY, [...loaded.profiles, ...loaded.unreadable]);
}
