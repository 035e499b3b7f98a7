/** The credential profiles: environment, whether a secret is set, how it is protected, and actions. */
import { useState } from 'react';
import { protectionLabels, secretStateLabels, type ProfileSummary } from '../../../shared/profile';
import { deleteProfile, setActiveProfile } from '../../stores/profileStore';
import { showNotice } from '../../stores/noticeStore';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { EnvBadge } from '../../ui/EnvBadge';
import { ConnectionTest } from './ConnectionTest';

interface ProfileListProps {
  readonly profiles: readonly ProfileSummary[];
  readonly onEdit: (profile: ProfileSummary) => void;
}

export function ProfileList({ profiles, onEdit }: ProfileListProps) {
  const [deleting, setDeleting] = useState<ProfileSummary | null>(null);

  const activate = async (profile: ProfileSummary) => {
    const result = await setActiveProfile(profile.id);
    if (result.ok) showNotice('success', `已切换到"${profile.name}"`);
    else showNotice('error', result.error.message);
  };

  return (
    <>
      <table className="table profile-table" aria-label="凭证配置列表">
        <thead>
          <tr>
            <th>名称</th>
            <th>环境</th>
            <th>地址</th>
            <th>卖家账号 sid</th>
            <th>appkey</th>
            <th>密钥</th>
            <th>操作人</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((profile) => (
            <tr key={profile.id} className={profile.active ? 'row-active' : undefined}>
              <td>
                {profile.name}
                {profile.active && <span className="tag tag-active">当前使用</span>}
              </td>
              <td>
                <EnvBadge environment={profile.environment} />
              </td>
              <td className="mono small">{profile.url ?? '内置模拟 ERP'}</td>
              <td className="mono">{profile.sid || '—'}</td>
              <td className="mono">{profile.appkey || '—'}</td>
              <td>
                {profile.builtIn ? (
                  '内置'
                ) : (
                  <span className={`secret-${profile.secretState}`}>
                    {secretStateLabels[profile.secretState]}
                  </span>
                )}
                {profile.protection && (
                  <div className="muted small">{protectionLabels[profile.protection]}</div>
                )}
              </td>
              <td>{profile.operator || '—'}</td>
              <td>
                <div className="actions">
                  {!profile.active && <Button onClick={() => void activate(profile)}>设为当前</Button>}
                  <Button onClick={() => onEdit(profile)}>编辑</Button>
                  {!profile.builtIn && (
                    <Button kind="danger" onClick={() => setDeleting(profile)}>
                      删除
                    </Button>
                  )}
                  <ConnectionTest profile={profile} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {deleting && (
        <Dialog
          title="删除凭证配置"
          onClose={() => setDeleting(null)}
          actions={
            <>
              <Button onClick={() => setDeleting(null)} data-autofocus>
                取消
              </Button>
              <Button
                kind="danger"
                onClick={async () => {
                  const result = await deleteProfile(deleting.id);
                  setDeleting(null);
                  showNotice(
                    result.ok ? 'info' : 'error',
                    result.ok ? `已删除"${deleting.name}"` : result.error.message,
                  );
                }}
              >
                删除
              </Button>
            </>
          }
        >
          <p>删除"{deleting.name}"及其保存的密钥？提交记录不受影响。</p>
        </Dialog>
      )}
    </>
  );
}
