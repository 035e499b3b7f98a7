/**
 * Profiles and settings as main reports them. Every change goes to main and the store takes main's answer,
 * so the top bar and the settings screen never show a state main does not have.
 */
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ConnectionTestResult, ProfilesView } from '../../shared/ipc';
import type { AppSettings, ProfileInput, ProfilePatch, ProfileSummary } from '../../shared/profile';
import type { WdtBridge } from '../../shared/ipc';

type SettingsPatch = Parameters<WdtBridge['updateSettings']>[0];
import type { AppError, Result } from '../../shared/result';
import { bridge } from './bridge';

type ConnectionTestState =
  | { readonly phase: 'running' }
  | { readonly phase: 'done'; readonly result: ConnectionTestResult }
  | { readonly phase: 'failed'; readonly error: AppError };

interface ProfileState {
  readonly view: ProfilesView | null;
  readonly settings: AppSettings | null;
  readonly loadError: string | null;
  readonly tests: Readonly<Record<string, ConnectionTestState>>;
}

const useProfileStore = create<ProfileState>(() => ({
  view: null,
  settings: null,
  loadError: null,
  tests: {},
}));

export function useProfilesView(): ProfilesView | null {
  return useProfileStore((state) => state.view);
}

export function useAppSettings(): AppSettings | null {
  return useProfileStore((state) => state.settings);
}

export function useProfileLoadError(): string | null {
  return useProfileStore((state) => state.loadError);
}

export function useConnectionTest(id: string): ConnectionTestState | undefined {
  return useProfileStore((state) => state.tests[id]);
}

/** The profile documents are sent with and the operator recorded with them, for the top bar. */
export function useActiveIdentity(): { profile: ProfileSummary | undefined; operator: string } {
  return useProfileStore(
    useShallow((state) => {
      const profile = state.view?.profiles.find((candidate) => candidate.active);
      const operator = profile?.operator || state.settings?.operatorName || '';
      return { profile, operator };
    }),
  );
}

export async function loadProfilesAndSettings(): Promise<void> {
  const [profiles, settings] = await Promise.all([
    bridge().listProfiles(undefined),
    bridge().getSettings(undefined),
  ]);
  useProfileStore.setState({
    view: profiles.ok ? profiles.value : null,
    settings: settings.ok ? settings.value : null,
    loadError: !profiles.ok ? profiles.error.message : !settings.ok ? settings.error.message : null,
  });
}

async function refreshProfiles(): Promise<void> {
  const profiles = await bridge().listProfiles(undefined);
  if (profiles.ok) useProfileStore.setState({ view: profiles.value });
}

/** Each change returns main's result so the form can show a message beside the field at fault. */
export async function createProfile(input: ProfileInput): Promise<Result<ProfileSummary>> {
  const result = await bridge().createProfile(input);
  if (result.ok) await refreshProfiles();
  return result;
}

export async function updateProfile(id: string, patch: ProfilePatch): Promise<Result<ProfileSummary>> {
  const result = await bridge().updateProfile({ id, patch });
  if (result.ok) await refreshProfiles();
  return result;
}

export async function deleteProfile(id: string): Promise<Result<readonly ProfileSummary[]>> {
  const result = await bridge().deleteProfile({ id });
  if (result.ok) await refreshProfiles();
  return result;
}

export async function setActiveProfile(id: string): Promise<Result<ProfileSummary>> {
  const result = await bridge().setActiveProfile({ id });
  if (result.ok) await loadProfilesAndSettings();
  return result;
}

export async function updateSettings(patch: SettingsPatch): Promise<Result<AppSettings>> {
  const result = await bridge().updateSettings(patch);
  if (result.ok) {
    useProfileStore.setState({ settings: result.value });
    if (patch.activeProfileId !== undefined) await refreshProfiles();
  }
  return result;
}

export async function testConnection(id: string): Promise<void> {
  const running: ConnectionTestState = { phase: 'running' };
  useProfileStore.setState((state) => ({ tests: { ...state.tests, [id]: running } }));
  const result = await bridge().testConnection({ id });
  const done: ConnectionTestState = result.ok
    ? { phase: 'done', result: result.value }
    : { phase: 'failed', error: result.error };
  useProfileStore.setState((state) => ({ tests: { ...state.tests, [id]: done } }));
}
