/**
 * Plain-Chinese explanations of what went wrong and what the user should do, for every status the vendor's
 * error-code page lists (see PROTOCOL.md) and for the two transport outcomes (not sent / outcome unknown).
 */

const RATE_LIMIT_MARKERS = ['超过每分钟最大调用频率限制', '超过每分钟最大并发次数限制'] as const;

/** Status 100 rate-limit refusals: the ERP turned the request away before processing it. */
export function isRateLimitRefusal(status: number, message: string): boolean {
  return status === 100 && RATE_LIMIT_MARKERS.some((marker) => message.includes(marker));
}

const NOT_CREATED_FIX_FIRST = '单据没有创建；请按上面的提示修改后再提交。';

export function explainRefusal(status: number, message: string, code?: string): string {
  switch (status) {
    case 1:
      return explainAuthFailure(message);
    case 2:
      return `ERP 不接受参数“${message}”（字段名不对或放错了位置）。这通常是程序与接口版本不一致，请联系开发者。单据没有创建。`;
    case 3:
      return '该账号开启了动态口令，接口调用无法输入口令。请在旺店通 ERP 中为接口账号关闭动态口令后再试。单据没有创建。';
    case 4:
    case 5:
      return 'ERP 服务器数据库出错。单据可能没有创建，但也不能排除部分已处理，所以不会自动重发：请先在 ERP 中查找这张单据，确认不存在后再提交。';
    case 6:
      return 'IP 限制：本机所在网络的公网 IP 不在该卖家的 IP 白名单中。请在旺店通开放平台的应用设置中把本机公网 IP 加入白名单后再试。单据没有创建。';
    case 7:
      return '时间戳错误：本机时间与 ERP 服务器相差超过 2 分钟。程序已按服务器时间校正并自动重试过一次；若仍失败，请把电脑的日期、时间和时区设为自动同步后再试。单据没有创建。';
    case 8:
      return '版本错误：ERP 不接受请求中的接口版本号（v）。这是程序问题，请联系开发者。单据没有创建。';
    case 99:
      return `ERP 返回“其他错误”：${message}。请稍后再试；如果反复出现，请把这条信息提供给旺店通客服。单据没有创建。`;
    case 100:
      return explainBusinessRefusal(message, code);
    default:
      return `ERP 拒绝了请求（状态 ${status}）：${message}。${NOT_CREATED_FIX_FIRST}`;
  }
}

function explainAuthFailure(message: string): string {
  if (message.includes('sid is not exists')) {
    return '卖家账号（sid）不存在：请检查 sid 是否填写正确，以及接口地址是否是该账号所在的环境（正式环境和测试环境的账号不通用）。单据没有创建。';
  }
  if (message.includes('app auth fail')) {
    return 'appkey 或 appsecret 不正确（或应用未被授权给这个卖家）：请核对接口设置中的 appkey 与 appsecret，注意不要多复制空格。单据没有创建。';
  }
  if (message.includes('参数个数错误')) {
    return '参数个数与接口不符：所选单据类型可能与接口不一致。这是程序问题，请联系开发者。单据没有创建。';
  }
  if (/method/i.test(message)) {
    return `接口名称不存在或该应用无权调用（${message}）：请确认接口地址是旺店通旗舰版，并在开放平台为应用开通该接口。单据没有创建。`;
  }
  return `身份验证失败（${message}）：通常是 appsecret 填写有误（应完整复制“secret:salt”），或 appkey、sid 与之不匹配，也可能是本机时间格式异常。请核对接口设置后再试。单据没有创建。`;
}

function explainBusinessRefusal(message: string, code?: string): string {
  if (isRateLimitRefusal(100, message)) {
    return '调用太频繁，超过了 ERP 每分钟的调用次数限制。单据没有创建；稍等一分钟后可以原样重新提交，批量提交时请一张一张地发。';
  }
  if (message.includes('外部单号重复')) {
    return '这个外部单号已经用过：ERP 中很可能已经有这张单据（也许之前已经提交成功）。请先在 ERP 中按单号查找；确需再建一张时，请换一个新的单号。';
  }
  if (code === 'right.required' || message.includes('权限')) {
    return `没有权限（${message}）：该接口账号无权操作这个仓库或功能。请在 ERP 中为接口账号授予相应的仓库权限后再提交。单据没有创建。`;
  }
  if (message.includes('供应商不存在')) {
    return `供应商不存在（${message}）：请检查供应商编号是否与 ERP 中的完全一致。${NOT_CREATED_FIX_FIRST}`;
  }
  if (message.includes('仓库') && message.includes('不存在')) {
    return `仓库不存在（${message}）：请检查仓库编号是否与 ERP 中的完全一致。${NOT_CREATED_FIX_FIRST}`;
  }
  return `ERP 拒绝了这张单据：${message}。${NOT_CREATED_FIX_FIRST}`;
}

const MAY_HAVE_BEEN_CREATED =
  '单据可能已经创建，也可能没有。程序不会自动重发；请先到 ERP 中查找这张单据，确认不存在后再提交。';

/** Why a request never left this machine; always safe to send again. */
export function explainNotSent(errorCode: string | undefined): string {
  const safe = '请求没有发出，单据没有创建，可以放心重试。';
  switch (errorCode) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NODATA':
    case 'EAI_NONAME':
      return `找不到服务器（域名解析失败）：请检查网络连接和接口地址。${safe}`;
    case 'ECONNREFUSED':
      return `服务器拒绝连接：接口地址或端口可能不对，或者服务没有运行。${safe}`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
    case 'EHOSTDOWN':
      return `网络不通，连不上服务器：请检查网线、Wi-Fi 或代理设置。${safe}`;
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `连接服务器超时：网络可能不稳定或被防火墙拦截。${safe}`;
    default:
      if (errorCode && isTlsErrorCode(errorCode)) {
        return `无法建立安全连接（HTTPS 证书问题，${errorCode}）：请检查接口地址和电脑时间。${safe}`;
      }
      return `无法连接服务器${errorCode ? `（${errorCode}）` : ''}：请检查网络连接和接口地址。${safe}`;
  }
}

export function isTlsErrorCode(errorCode: string): boolean {
  return (
    errorCode.startsWith('ERR_TLS_') ||
    errorCode.startsWith('ERR_SSL_') ||
    errorCode.includes('CERT') ||
    errorCode === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    errorCode === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'
  );
}

export type UnknownCause =
  | { readonly kind: 'timeout'; readonly timeoutMs: number }
  | { readonly kind: 'connection-lost' }
  | { readonly kind: 'http-error'; readonly httpStatus: number }
  | { readonly kind: 'not-json' }
  | { readonly kind: 'not-envelope' }
  | { readonly kind: 'unexpected-data' };

/** Why the outcome of a sent request is not known. */
export function explainUnknown(cause: UnknownCause): string {
  switch (cause.kind) {
    case 'timeout':
      return `等待 ERP 响应超时（${formatSeconds(cause.timeoutMs)} 秒），而请求已经发出。${MAY_HAVE_BEEN_CREATED}`;
    case 'connection-lost':
      return `请求发出后连接中断，没有收到 ERP 的答复。${MAY_HAVE_BEEN_CREATED}`;
    case 'http-error':
      return `服务器返回了 HTTP ${cause.httpStatus} 错误，而不是 ERP 的答复。${MAY_HAVE_BEEN_CREATED}`;
    case 'not-json':
      return `收到的不是 ERP 的数据（可能是代理、网关或登录页面），请检查接口地址和网络。${MAY_HAVE_BEEN_CREATED}`;
    case 'not-envelope':
      return `ERP 返回的数据格式无法识别。${MAY_HAVE_BEEN_CREATED}`;
    case 'unexpected-data':
      return `ERP 表示成功，但返回内容与接口文档不符，无法确定单据编号。${MAY_HAVE_BEEN_CREATED}`;
  }
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
}
