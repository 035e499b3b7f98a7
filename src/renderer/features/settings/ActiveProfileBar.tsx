/**
 * The top bar: which profile and environment documents go to, and who is recorded as the operator. Always
 * visible; production is a red bar nobody can miss. Switching profiles happens right here.
 */
import { useEffect } from 'react';
import { environmentLabels } from '../../../shared/profile';
import {
  loadProfilesAndSettings,
  setActiveProfile,
  useActiveIdentity,
  useProfilesView,
} from '../../stores/profileStore';
import { showNotice } from '../../stores/noticeStore';
import { EnvBadge } from '../../ui/EnvBadge';
import { requestSettingsFocus } from './settingsFocus';

export function ActiveProfileBar({ onOpenSettings }: { readonly onOpenSettings: () => void }) {
  const view = useProfilesView();
  const { profile, operator } = useActiveIdentity();

  useEffect(() => {
    void loadProfilesAndSettings();
  }, []);

  const environment = profile?.environment;
  return (
    <header className={`top-bar${environment ? ` top-bar-${environment}` : ''}`} aria-label="当前配置">
      <span className="app-name">WDT Desk</span>
      {profile && environment ? (
        <>
          <EnvBadge environment={environment} large />
          {/* The practice profile is named after its environment: say it once. */}
          {profile.name !== environmentLabels[environment] && (
            <span className="top-profile">{profile.name}</span>
          )}
          {environment === 'production' && (
            <strong className="top-warning">正式环境：提交的单据会真实进入 ERP</strong>
          )}
        </>
      ) : (
        <span className="top-profile">正在读取配置…</span>
      )}
      <span className="top-spacer" />
      {view && view.profiles.length > 1 && (
        <label className="top-switch">
          切换配置
          <select
            aria-label="切换配置"
            value={profile?.id ?? ''}
            onChange={async (event) => {
              const result = await setActiveProfile(event.target.value);
              if (!result.ok) showNotice('error', result.error.message);
            }}
          >
            {view.profiles.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}（{environmentLabels[candidate.environment]}）
              </option>
            ))}
          </select>
        </label>
      )}
      <button
        type="button"
        className="top-operator"
        onClick={() => {
          requestSettingsFocus('pref-operator');
          onOpenSettings();
        }}
        title="在设置中修改操作人"
      >
        操作人：{operator || '未设置'}
      </button>
    </header>
  );
}
