/**
 * The proxy part of the profile form: 跟随系统 (the default), 不使用代理 or 手动 (host:port, optionally a
 * PAC address), and a login for a proxy that asks for one. The password box is never prefilled: the
 * renderer only learns whether one is stored.
 */
import {
  proxyModeLabels,
  proxyModes,
  type ProxyInput,
  type ProxyMode,
  type ProxySummary,
} from '../../../shared/profile';
import { Field } from '../../ui/Field';
import './proxy.css';

const modeHints: Readonly<Record<ProxyMode, string>> = {
  system: '与浏览器相同：使用 Windows 的代理设置（包括自动配置脚本）',
  direct: '不经过任何代理，直接连接 ERP',
  manual: '填写代理服务器，或代理自动配置（PAC）脚本地址',
};

interface ProxyFieldsState {
  readonly mode: ProxyMode;
  readonly server: string;
  readonly pacUrl: string;
  readonly username: string;
  readonly password: string;
  readonly clearLogin: boolean;
}

export function initialProxyState(summary: ProxySummary | undefined): ProxyFieldsState {
  return {
    mode: summary?.mode ?? 'system',
    server: summary?.server ?? '',
    pacUrl: summary?.pacUrl ?? '',
    username: summary?.username ?? '',
    password: '',
    clearLogin: false,
  };
}

/** What the form sends: only the parts that apply to the chosen mode. */
export function proxyInputOf(state: ProxyFieldsState): ProxyInput {
  const manual = state.mode === 'manual' ? { server: state.server.trim(), pacUrl: state.pacUrl.trim() } : {};
  if (state.mode === 'direct') return { mode: 'direct' };
  if (state.clearLogin) return { mode: state.mode, ...manual, clearLogin: true };
  return {
    mode: state.mode,
    ...manual,
    username: state.username.trim(),
    ...(state.password !== '' ? { password: state.password } : {}),
  };
}

interface ProxyFieldsProps {
  readonly stored: ProxySummary | undefined;
  readonly canStoreSecrets: boolean;
  readonly fieldError: (field: string) => string | undefined;
  readonly state: ProxyFieldsState;
  readonly onChange: (state: ProxyFieldsState) => void;
}

export function ProxyFields({ stored, canStoreSecrets, fieldError, state, onChange }: ProxyFieldsProps) {
  const set = (patch: Partial<ProxyFieldsState>): void => onChange({ ...state, ...patch });
  const loginStored = (stored?.username ?? '') !== '' && stored?.passwordState !== 'missing';
  return (
    <fieldset className="proxy-fields">
      <legend className="section-title">代理</legend>
      <div role="radiogroup" aria-label="代理方式" id="profile-proxyMode" className="proxy-modes">
        {proxyModes.map((mode) => (
          <label key={mode} className="checkbox">
            <input
              type="radio"
              name="profile-proxy-mode"
              value={mode}
              checked={state.mode === mode}
              onChange={() => set({ mode })}
            />
            {proxyModeLabels[mode]}
            <span className="muted small">{modeHints[mode]}</span>
          </label>
        ))}
      </div>
      {fieldError('proxyMode') && (
        <div className="field-message" role="alert">
          {fieldError('proxyMode')}
        </div>
      )}
      <div className="form-grid">
        {state.mode === 'manual' && (
          <>
            <Field
              id="profile-proxyServer"
              label="代理服务器"
              error={fieldError('proxyServer')}
              hint="主机:端口，例如 proxy.example.com:8080；填写 PAC 地址时可不填"
            >
              <input
                id="profile-proxyServer"
                value={state.server}
                onChange={(e) => set({ server: e.target.value })}
                spellCheck={false}
              />
            </Field>
            <Field
              id="profile-proxyPacUrl"
              label="PAC 脚本地址（可选）"
              error={fieldError('proxyPacUrl')}
              hint="填写后由脚本决定使用哪个代理，例如 http://proxy.example.com/proxy.pac"
            >
              <input
                id="profile-proxyPacUrl"
                value={state.pacUrl}
                onChange={(e) => set({ pacUrl: e.target.value })}
                spellCheck={false}
              />
            </Field>
          </>
        )}
        {state.mode !== 'direct' && (
          <>
            <Field
              id="profile-proxyUsername"
              label="代理用户名"
              error={fieldError('proxyUsername')}
              hint="仅当代理服务器要求登录时填写"
            >
              <input
                id="profile-proxyUsername"
                value={state.username}
                onChange={(e) => set({ username: e.target.value })}
                disabled={state.clearLogin}
                autoComplete="off"
                spellCheck={false}
              />
            </Field>
            <Field
              id="profile-proxyPassword"
              label="代理密码"
              error={fieldError('proxyPassword')}
              hint={
                stored?.passwordState === 'needsReentry'
                  ? '保存的代理密码无法解密，请重新输入'
                  : loginStored
                    ? '留空则保留已保存的密码；密码加密保存，不会再显示'
                    : '只需填写一次，加密保存，不会再显示'
              }
            >
              <input
                id="profile-proxyPassword"
                type="password"
                value={state.password}
                onChange={(e) => set({ password: e.target.value })}
                disabled={!canStoreSecrets || state.clearLogin}
                autoComplete="new-password"
              />
            </Field>
            {loginStored && (
              <div className="field">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={state.clearLogin}
                    onChange={(e) => set({ clearLogin: e.target.checked })}
                  />
                  清除已保存的代理用户名和密码
                </label>
              </div>
            )}
          </>
        )}
      </div>
    </fieldset>
  );
}
