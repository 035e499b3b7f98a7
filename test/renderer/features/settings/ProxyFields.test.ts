/**
 * The proxy part of the profile form, rendered to markup: Chinese labels, native controls a keyboard
 * reaches (one radio group, every box with its label), the stored setting shown, the password never.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../../../src/shared/profile';
import { ProfileForm } from '../../../../src/renderer/features/settings/ProfileForm';
import { initialProxyState, proxyInputOf } from '../../../../src/renderer/features/settings/ProxyFields';

const stored: ProfileSummary = {
  id: 'p1',
  name: '仓库一号',
  environment: 'production',
  url: 'http://wdt.wangdian.cn/openapi',
  sid: 'wdterp30',
  appkey: 'czhc',
  operator: '',
  secretState: 'set',
  protection: 'dpapi',
  active: true,
  builtIn: false,
  proxy: {
    mode: 'manual',
    server: 'proxy.corp:8080',
    pacUrl: '',
    username: 'CORP\\wh01',
    passwordState: 'set',
  },
};

const render = (profile: ProfileSummary | undefined): string =>
  renderToString(createElement(ProfileForm, { profile, canStoreSecrets: true, onDone: () => undefined }));

function radio(html: string, label: string): string {
  const match = new RegExp(`<input type="radio"([^>]*)/>${label}`).exec(html);
  if (match === null) throw new Error(`no radio labelled ${label}`);
  return match[1] ?? '';
}

describe('the proxy fields of the profile form', () => {
  it('offers 跟随系统 (chosen), 不使用代理 and 手动 for a new profile, in one keyboard radio group', () => {
    const html = render(undefined);
    expect(html).toContain('<legend class="section-title">代理</legend>');
    expect(radio(html, '跟随系统')).toContain('checked');
    expect(radio(html, '不使用代理')).not.toContain('checked');
    expect(radio(html, '手动')).not.toContain('checked');
    for (const label of ['跟随系统', '不使用代理', '手动']) {
      expect(radio(html, label)).toContain('name="profile-proxy-mode"');
    }
    // 跟随系统 may still meet a proxy that asks for a login; the server box is only for 手动.
    expect(html).toContain('for="profile-proxyUsername"');
    expect(html).not.toContain('id="profile-proxyServer"');
  });

  it('shows a stored manual proxy and login without the password, every box labelled', () => {
    const html = render(stored);
    expect(radio(html, '手动')).toContain('checked');
    expect(html).toMatch(/id="profile-proxyServer"[^>]*value="proxy.corp:8080"/);
    expect(html).toMatch(/id="profile-proxyUsername"[^>]*value="CORP\\wh01"/);
    expect(html).toMatch(/<input id="profile-proxyPassword" type="password"[^>]*value=""\/>/);
    expect(html).toContain('留空则保留已保存的密码');
    expect(html).toContain('清除已保存的代理用户名和密码');
    for (const id of [
      'profile-proxyServer',
      'profile-proxyPacUrl',
      'profile-proxyUsername',
      'profile-proxyPassword',
    ]) {
      expect(html).toContain(`for="${id}"`);
    }
  });

  it('hides the proxy for the built-in practice profile', () => {
    const html = render({ ...stored, id: 'practice', environment: 'practice', builtIn: true, url: null });
    expect(html).not.toContain('profile-proxy-mode');
  });
});

describe('what the form sends', () => {
  const base = initialProxyState(stored.proxy);
  it('sends only what applies to the chosen mode, and no empty password', () => {
    expect(proxyInputOf({ ...base, mode: 'direct' })).toEqual({ mode: 'direct' });
    expect(proxyInputOf(base)).toEqual({
      mode: 'manual',
      server: 'proxy.corp:8080',
      pacUrl: '',
      username: 'CORP\\wh01',
    });
    expect(proxyInputOf({ ...base, mode: 'system', password: 'x1' })).toEqual({
      mode: 'system',
      username: 'CORP\\wh01',
      password: 'x1',
    });
    expect(proxyInputOf({ ...base, clearLogin: true })).toEqual({
      mode: 'manual',
      server: 'proxy.corp:8080',
      pacUrl: '',
      clearLogin: true,
    });
    expect(initialProxyState(undefined).mode).toBe('system');
  });
});
