/** 设置: credential profiles (secrets go to main and never come back), operator, sounds and the scanner. */
import { useEffect, useState } from 'react';
import {
  PRACTICE_PROFILE_ID,
  protectionLabels,
  type AppSettings,
  type ProfileSummary,
} from '../../../shared/profile';
import {
  loadProfilesAndSettings,
  useAppSettings,
  useProfileLoadError,
  useProfilesView,
} from '../../stores/profileStore';
import { Button } from '../../ui/Button';
import { PreferencesForm } from './PreferencesForm';
import { ProfileForm } from './ProfileForm';
import { ProfileList } from './ProfileList';
import { SnShapeForm } from './SnShapeForm';
import { CatalogPanel } from '../catalog/CatalogPanel';

type Editing = { readonly kind: 'new' } | { readonly kind: 'edit'; readonly profile: ProfileSummary } | null;

export function SettingsScreen() {
  const view = useProfilesView();
  const settings = useAppSettings();
  const loadError = useProfileLoadError();
  const [editing, setEditing] = useState<Editing>(null);

  useEffect(() => {
    void loadProfilesAndSettings();
  }, []);

  return (
    <div className="settings-screen">
      <h1>设置</h1>
      {loadError && (
        <p className="result result-error" role="alert">
          读取设置失败：{loadError}
        </p>
      )}
      <section className="panel" aria-labelledby="profiles-title">
        <div className="panel-head">
          <h2 id="profiles-title" className="section-title">
            凭证配置
          </h2>
          <Button kind="primary" onClick={() => setEditing({ kind: 'new' })} disabled={editing !== null}>
            新增配置
          </Button>
        </div>
        {view && (
          <>
            <p className="muted">
              凭证保护方式：<strong>{protectionLabels[view.protection.backend]}</strong>
              {!view.protection.canStoreSecrets && '（无法安全保存密钥，不能新增或修改密钥）'}
            </p>
            {view.protection.warning && (
              <p className="result result-warning" role="alert">
                {view.protection.warning}
              </p>
            )}
            <ProfileList
              profiles={view.profiles}
              onEdit={(profile) => setEditing({ kind: 'edit', profile })}
            />
          </>
        )}
        {editing && view && (
          <ProfileForm
            key={editing.kind === 'edit' ? editing.profile.id : 'new'}
            profile={editing.kind === 'edit' ? editing.profile : undefined}
            canStoreSecrets={view.protection.canStoreSecrets}
            onDone={() => setEditing(null)}
          />
        )}
      </section>
      {settings && <PreferencesForm settings={settings} />}
      {settings && view && <ActiveSnShape settings={settings} profiles={view.profiles} />}
      <CatalogPanel />
    </div>
  );
}

function ActiveSnShape({
  settings,
  profiles,
}: {
  readonly settings: AppSettings;
  readonly profiles: readonly ProfileSummary[];
}) {
  const profileId = settings.activeProfileId ?? PRACTICE_PROFILE_ID;
  const profile = profiles.find((candidate) => candidate.id === profileId);
  if (profile === undefined) return null;
  const shape = settings.snShapes[profileId] ?? null;
  return (
    <SnShapeForm
      // A new shape from main (a reload, another window) starts the form afresh instead of being hidden
      // behind what the form read when it first appeared.
      key={`${profileId}:${JSON.stringify(shape)}`}
      profileId={profileId}
      profileName={profile.name}
      shape={shape}
    />
  );
}
