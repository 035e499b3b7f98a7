/**
 * How a call to the ERP leaves this PC: directly, or through which proxy and who chose it. 测试连接 says it,
 * so an IT administrator can see at once whether the app took the path the browser takes.
 */

/** Who decided on the proxy. */
export type RouteSource =
  /** Windows' (or the OS's) proxy settings, including a PAC script configured there. */
  | 'system'
  /** The proxy typed into the profile. */
  | 'manual'
  /** The PAC script address typed into the profile. */
  | 'pac'
  /** HTTPS_PROXY / HTTP_PROXY (the CLI and the Chromium host). */
  | 'environment'
  /** The profile says 不使用代理. */
  | 'profile-direct';

export type ErpRoute =
  | { readonly kind: 'direct'; readonly source: RouteSource }
  | { readonly kind: 'proxy'; readonly proxy: string; readonly source: RouteSource }
  /** The path could not be determined (the proxy settings could not be read). */
  | { readonly kind: 'unknown' };

const sourceLabels: Readonly<Record<RouteSource, string>> = {
  system: '系统代理设置',
  manual: '配置中手动填写的代理',
  pac: '配置中的 PAC 脚本',
  environment: '环境变量 HTTPS_PROXY / HTTP_PROXY',
  'profile-direct': '配置选择了“不使用代理”',
};

/** One Chinese phrase, e.g. "经代理服务器 proxy.example.com:8080（系统代理设置）". */
export function describeRoute(route: ErpRoute): string {
  switch (route.kind) {
    case 'direct':
      return route.source === 'profile-direct'
        ? '直接连接（配置选择了“不使用代理”）'
        : `直接连接（${sourceLabels[route.source]}未指定代理）`;
    case 'proxy':
      return `经代理服务器 ${route.proxy}（${sourceLabels[route.source]}）`;
    case 'unknown':
      return '连接方式未知（未能读取代理设置）';
  }
}

/**
 * The first entry of a PAC-style answer, as Chromium's session.resolveProxy gives it: "DIRECT",
 * "PROXY host:port; DIRECT", "HTTPS host:port", "SOCKS5 host:port". Chromium tries the entries in order,
 * so the first one is the path a call takes while that proxy works.
 */
export function routeFromPacResult(result: string, source: RouteSource): ErpRoute {
  const first = result.split(';')[0]?.trim() ?? '';
  if (first === '' || /^DIRECT$/i.test(first)) return { kind: 'direct', source };
  const match = /^(PROXY|HTTPS|SOCKS|SOCKS4|SOCKS5|QUIC)\s+(\S+)$/i.exec(first);
  if (!match) return { kind: 'unknown' };
  const scheme = (match[1] ?? '').toUpperCase();
  const proxy = match[2] ?? '';
  return { kind: 'proxy', proxy: scheme === 'PROXY' ? proxy : `${scheme.toLowerCase()}://${proxy}`, source };
}
