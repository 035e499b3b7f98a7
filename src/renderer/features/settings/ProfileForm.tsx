/**
 * Add or edit a credential profile. The appsecret box is never prefilled (the renderer never has the
 * secret); leaving it empty while editing keeps the stored one.
 */
import { useState, type FormEvent } from 'react';
import {
  environmentLabels,
  fixedEnvironmentUrls,
  splitAppsecret,
  type ProfileSummary,
} from '../../../shared/profile';
import { createProfile, updateProfile } from '../../stores/profileStore';
import { showNotice } from '../../stores/noticeStore';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Select } from '../../ui/Select';
import { PracticeErpSettings } from './PracticeErpSettings';
import { initialProxyState, ProxyFields, proxyInputOf } from './ProxyFields';
import { useFocusOnMount } from './settingsFocus';

type EditableEnvironment = 'test' | 'production' | 'custom';

interface ProfileFormProps {
  /** Absent for a new profile. */
  readonly profile: ProfileSummary | undefined;
  readonly canStoreSecrets: boolean;
  readonly onDone: () => void;
}

export function ProfileForm({ profile, canStoreSecrets, onDone }: ProfileFormProps) {
  const builtIn = profile?.builtIn ?? false;
  const [name, setName] = useState(profile?.name ?? '');
  const [environment, setEnvironment] = useState<EditableEnvironment>(
    profile && profile.environment !== 'practice' ? profile.environment : 'test',
  );
  const [url, setUrl] = useState(profile?.environment === 'custom' ? (profile.url ?? '') : '');
  const [sid, setSid] = useState(profile?.sid ?? '');
  const [appkey, setAppkey] = useState(profile?.appkey ?? '');
  const [appsecret, setAppsecret] = useState('');
  const [operator, setOperator] = useState(profile?.operator ?? '');
  const [proxy, setProxy] = useState(() => initialProxyState(profile?.proxy));
  /** main's refusal, and the form field it names (the vault's checks say which one is wrong). */
  const [error, setError] = useState<{ readonly message: string; readonly field?: string } | null>(null);
  const fieldError = (field: string): string | undefined =>
    error?.field === field ? error.message : undefined;
  const [saving, setSaving] = useState(false);
  // Typing right after 新增配置 must land in 配置名称, not wherever the focus was (the 操作人 setting).
  useFocusOnMount('profile-name');

  // Split at the first colon, as the signer does: the salt may itself contain colons.
  const secretParts = splitAppsecret(appsecret.trim());
  const secretProblem =
    appsecret !== '' && (secretParts === undefined || secretParts.secret === '' || secretParts.salt === '')
      ? '密钥格式应为 secret:salt（英文冒号前后都不能为空）'
      : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || secretProblem) return;
    setSaving(true);
    setError(null);
    const common = { name: name.trim(), operator: operator.trim() };
    const result = builtIn
      ? await updateProfile(profile?.id ?? '', common)
      : profile
        ? await updateProfile(profile.id, {
            ...common,
            environment,
            ...(environment === 'custom' ? { url: url.trim() } : {}),
            sid: sid.trim(),
            appkey: appkey.trim(),
            ...(appsecret !== '' ? { appsecret } : {}),
            proxy: proxyInputOf(proxy),
          })
        : await createProfile({
            ...common,
            environment,
            ...(environment === 'custom' ? { url: url.trim() } : {}),
            sid: sid.trim(),
            appkey: appkey.trim(),
            appsecret,
            proxy: proxyInputOf(proxy),
          });
    setSaving(false);
    if (!result.ok) {
      const field = result.error.field;
      setError({ message: result.error.message, ...(field === undefined ? {} : { field }) });
      if (field !== undefined) document.getElementById(`profile-${field}`)?.focus();
      return;
    }
    setAppsecret('');
    setProxy((current) => ({ ...current, password: '' }));
    showNotice('success', profile ? '配置已保存' : '配置已新增');
    onDone();
  };

  const needsSecret = !builtIn && (profile === undefined || profile.secretState !== 'set');
  return (
    <form
      className="panel profile-form"
      aria-label={profile ? `编辑配置 ${profile.name}` : '新增配置'}
      onSubmit={(e) => void onSubmit(e)}
    >
      <h3 className="section-title">{profile ? `编辑"${profile.name}"` : '新增配置'}</h3>
      <div className="form-grid">
        <Field id="profile-name" error={fieldError('name')} label="配置名称" required>
          <input
            id="profile-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            data-autofocus
          />
        </Field>
        <Field
          id="profile-operator"
          error={fieldError('operator')}
          label="操作人"
          hint="记录在每次提交中；不填则用设置中的操作人"
        >
          <input id="profile-operator" value={operator} onChange={(e) => setOperator(e.target.value)} />
        </Field>
        {!builtIn && (
          <>
            <Field id="profile-environment" error={fieldError('environment')} label="环境" required>
              <Select
                id="profile-environment"
                value={environment}
                onChange={(value) => setEnvironment(value as EditableEnvironment)}
                options={(['test', 'production', 'custom'] as const).map((id) => ({
                  value: id,
                  label: environmentLabels[id],
                }))}
              />
            </Field>
            {environment === 'custom' ? (
              <Field
                id="profile-url"
                error={fieldError('url')}
                label="接口地址"
                required
                hint="例如 http://wdt.wangdian.cn/openapi"
              >
                <input id="profile-url" value={url} onChange={(e) => setUrl(e.target.value)} required />
              </Field>
            ) : (
              <div className="field">
                <div className="field-label-row">接口地址</div>
                <div className="mono small">{fixedEnvironmentUrls[environment]}</div>
              </div>
            )}
            <Field id="profile-sid" error={fieldError('sid')} label="卖家账号 sid" required>
              <input
                id="profile-sid"
                value={sid}
                onChange={(e) => setSid(e.target.value)}
                required
                spellCheck={false}
              />
            </Field>
            <Field id="profile-appkey" error={fieldError('appkey')} label="appkey" required>
              <input
                id="profile-appkey"
                value={appkey}
                onChange={(e) => setAppkey(e.target.value)}
                required
                spellCheck={false}
              />
            </Field>
            <Field
              id="profile-appsecret"
              label="appsecret"
              required={needsSecret}
              error={secretProblem ?? fieldError('appsecret')}
              hint={profile ? '留空则保留已保存的密钥' : '格式 secret:salt，保存后不会再显示'}
            >
              <input
                id="profile-appsecret"
                type="password"
                value={appsecret}
                onChange={(e) => setAppsecret(e.target.value)}
                required={needsSecret}
                autoComplete="new-password"
                disabled={!canStoreSecrets}
              />
            </Field>
          </>
        )}
      </div>
      {!builtIn && (
        <ProxyFields
          stored={profile?.proxy}
          canStoreSecrets={canStoreSecrets}
          fieldError={fieldError}
          state={proxy}
          onChange={setProxy}
        />
      )}
      {builtIn && <PracticeErpSettings />}
      {environment === 'production' && !builtIn && (
        <p className="result result-error">正式环境：提交的单据会真实进入 ERP。</p>
      )}
      {error && error.field === undefined && (
        <p className="result result-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="form-actions">
        <Button
          kind="primary"
          type="submit"
          disabled={saving || (!builtIn && !canStoreSecrets && appsecret !== '')}
        >
          {saving ? '正在保存…' : '保存配置'}
        </Button>
        <Button onClick={onDone}>取消</Button>
      </div>
    </form>
  );
}
