/**
 * Plain-Chinese explanations of what went wrong and what the user should do: for every answer the ERP gives
 * (from the vendor's message table in erpMessages/), and for the two transport outcomes (not sent / outcome
 * unknown).
 */
import { findVendorMessage, generalMeaning, provesNothingCreated } from './erpMessages';

export const MAY_HAVE_BEEN_CREATED =
  '单据可能已经创建，也可能没有。程序不会自动重发；请先到 ERP 中查找这张单据，确认不存在后再提交。';
const NOT_CREATED = '这次提交没有创建单据。';

/** What an ERP answer with a non-zero status means for the document, and what to tell the user. */
interface ErpAnswerReading {
  /** 'refused': the status proves nothing was created. 'unknown': it proves nothing either way. */
  readonly verdict: 'refused' | 'unknown';
  /** Only a rate limit: the same request may be sent again unchanged later. */
  readonly resendable: boolean;
  /** False when the vendor never documented this message; it is then quoted word for word. */
  readonly documented: boolean;
  readonly explanation: string;
}

export function explainErpAnswer(status: number, message: string): ErpAnswerReading {
  const verdict = provesNothingCreated(status) ? 'refused' : 'unknown';
  const row = findVendorMessage(status, message);
  const meaning = row ? row.remedy.replaceAll('{message}', message) : undocumented(status, message);
  const consequence =
    verdict === 'refused' ? NOT_CREATED : `这个答复不能证明单据没有创建。${MAY_HAVE_BEEN_CREATED}`;
  return {
    verdict,
    resendable: verdict === 'refused' && row?.rateLimit === true,
    documented: row !== undefined,
    explanation: `${meaning}${consequence}`,
  };
}

/** A message the vendor never documented is quoted word for word, with what its status means in general. */
function undocumented(status: number, message: string): string {
  const general = `状态 ${status} 的一般含义：${generalMeaning(status)}`;
  if (message.trim() === '') return `ERP 没有给出说明。${general}`;
  return `ERP 的原话是“${message}”，旺店通的错误码说明中没有这条。${general}`;
}

/** Where a request that never left this machine stopped. */
export type NotSentPhase = 'dns' | 'connect' | 'connect-timeout' | 'tls';

/** Why a request never left this machine; always safe to send again. */
export function explainNotSent(phase: NotSentPhase, errorCode: string | undefined): string {
  const safe = '请求没有发出，单据没有创建，可以放心重试。';
  switch (phase) {
    case 'dns':
      return `找不到服务器（域名解析失败）：请检查网络连接和接口地址。${safe}`;
    case 'connect-timeout':
      return `连接服务器超时：网络可能不稳定，或者被防火墙拦截。${safe}`;
    case 'tls':
      if (errorCode === 'ERR_SSL_WRONG_VERSION_NUMBER') {
        return `服务器在这个地址上不使用 HTTPS：接口地址也许应以 http:// 开头。${safe}`;
      }
      if (errorCode !== undefined && isCertificateError(errorCode)) {
        return `服务器的 HTTPS 证书无法验证（${errorCode}）：请检查接口地址和电脑的日期时间。${safe}`;
      }
      return `建立安全连接（HTTPS）时失败${errorCode ? `（${errorCode}）` : ''}：请检查接口地址、网络和代理设置。${safe}`;
    case 'connect':
      switch (errorCode) {
        case 'ECONNREFUSED':
          return `服务器拒绝连接：接口地址或端口可能不对，或者服务没有运行。${safe}`;
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
        case 'ENETDOWN':
        case 'EHOSTDOWN':
          return `网络不通，连不上服务器：请检查网线、Wi-Fi 或代理设置。${safe}`;
        case 'ETIMEDOUT':
          return `连接服务器超时：网络可能不稳定，或者被防火墙拦截。${safe}`;
        default:
          return `无法连接服务器${errorCode ? `（${errorCode}）` : ''}：请检查网络连接和接口地址。${safe}`;
      }
  }
}

/** OpenSSL's certificate-verification results and Node's host-name check. */
function isCertificateError(errorCode: string): boolean {
  return (
    errorCode.includes('CERT') ||
    errorCode === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    errorCode === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' ||
    errorCode === 'UNABLE_TO_GET_ISSUER_CERT'
  );
}

export type UnknownCause =
  | { readonly kind: 'timeout'; readonly timeoutMs: number }
  | { readonly kind: 'connection-lost' }
  | { readonly kind: 'http-error'; readonly httpStatus: number }
  | { readonly kind: 'not-json' }
  | { readonly kind: 'not-envelope' }
  | { readonly kind: 'unexpected-data' }
  | { readonly kind: 'too-large' };

/** Why the outcome of a sent request is not known. */
export function explainUnknown(cause: UnknownCause): string {
  switch (cause.kind) {
    case 'timeout':
      return `等待 ERP 响应超时（${formatSeconds(cause.timeoutMs)} 秒），而请求已经发出。${MAY_HAVE_BEEN_CREATED}`;
    case 'connection-lost':
      return `连接建立后中断，没有收到 ERP 的答复；请求可能已经到达 ERP。${MAY_HAVE_BEEN_CREATED}`;
    case 'http-error':
      return `服务器返回了 HTTP ${cause.httpStatus} 错误，而不是 ERP 的答复。${MAY_HAVE_BEEN_CREATED}`;
    case 'not-json':
      return `收到的不是 ERP 的数据（可能是代理、网关或登录页面），请检查接口地址和网络。${MAY_HAVE_BEEN_CREATED}`;
    case 'not-envelope':
      return `ERP 返回的数据格式无法识别。${MAY_HAVE_BEEN_CREATED}`;
    case 'unexpected-data':
      return `ERP 表示成功，但返回内容与接口文档不符，无法确定单据编号。${MAY_HAVE_BEEN_CREATED}`;
    case 'too-large':
      return `回答超过 10 MB，已停止读取，无法看到 ERP 的答复。${MAY_HAVE_BEEN_CREATED}`;
  }
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
}
