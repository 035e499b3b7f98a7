/**
 * The likely causes of a call that did not get through, each with what to do, in Chinese. The transport
 * classification (wdt/transport.ts) and 测试连接 (connectionTest.ts) both word failures from here, so the
 * log and the settings screen never disagree.
 */
export type FailureCause =
  | 'name-not-resolved'
  | 'proxy-refused'
  | 'proxy-login-required'
  | 'proxy-login-rejected'
  | 'proxy-config'
  | 'certificate'
  | 'tls'
  | 'connection-refused'
  | 'connect-timeout'
  | 'address';

interface CauseText {
  /** What happened, short: ends the 测试连接 summary. */
  readonly what: string;
  /** What to do about it. */
  readonly remedy: string;
}

export const causeTexts: Readonly<Record<FailureCause, CauseText>> = {
  'name-not-resolved': {
    what: '找不到服务器（域名无法解析）',
    remedy:
      '请检查接口地址是否写对、这台电脑能否上网；公司网络只能经代理上网时，请在配置中选择“跟随系统”或手动填写代理。',
  },
  'proxy-refused': {
    what: '代理服务器拒绝连接或无法连接',
    remedy:
      '请检查代理地址和端口（Windows 的代理设置，或配置中手动填写的代理），并请网络管理员确认代理服务器正在运行、允许这台电脑使用。',
  },
  'proxy-login-required': {
    what: '代理服务器需要登录',
    remedy: '请在配置的“代理”部分填写代理用户名和密码；只需填写一次，密码会像 appsecret 一样加密保存。',
  },
  'proxy-login-rejected': {
    what: '代理服务器拒绝了保存的代理用户名或密码',
    remedy: '请在配置的“代理”部分重新填写代理用户名和密码（密码可能已过期或被修改）。',
  },
  'proxy-config': {
    what: '代理设置无法使用（PAC 脚本无法下载或执行）',
    remedy: '请检查 PAC 脚本地址，或请网络管理员检查代理自动配置。',
  },
  certificate: {
    what: '服务器证书不受信任',
    remedy:
      '请检查接口地址和电脑的日期时间；如果公司网关使用自己的证书，请网络管理员把它安装到 Windows 的“受信任的根证书颁发机构”中。',
  },
  tls: {
    what: '建立安全连接（HTTPS）失败',
    remedy: '请检查接口地址（http:// 或 https://）、网络和代理设置。',
  },
  'connection-refused': {
    what: '服务器拒绝连接',
    remedy: '接口地址或端口可能不对，或者服务没有运行；请检查接口地址。',
  },
  'connect-timeout': {
    what: '连接服务器超时',
    remedy: '网络可能不稳定，或者被防火墙拦截；公司网络只能经代理上网时，请检查代理设置。',
  },
  address: {
    what: '接口地址无法使用',
    remedy: '请检查配置中的接口地址。',
  },
};

const NOT_SENT_TAIL = '请求没有发出，单据没有创建，可以放心重试。';

/** The explanation journaled with a not-sent outcome of this cause. */
export function explainCause(cause: FailureCause, code: string | undefined): string {
  const text = causeTexts[cause];
  return `${text.what}${code ? `（${code}）` : ''}：${text.remedy}${NOT_SENT_TAIL}`;
}
