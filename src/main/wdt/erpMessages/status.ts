/**
 * What each envelope status proves about a create, from the vendor's error table and PROTOCOL.md. Only the
 * statuses the ERP gives before acting (1, 2, 3, 6, 7, 8) or for a stated business reason (100) prove that
 * nothing was created. A server error (4, 5), "other error" (99) or a status the vendor never listed proves
 * nothing either way: the outcome is unknown, exactly as after a timeout.
 */

const REFUSING_STATUSES: ReadonlySet<number> = new Set([1, 2, 3, 6, 7, 8, 100]);

export function provesNothingCreated(status: number): boolean {
  return REFUSING_STATUSES.has(status);
}

const GENERAL_MEANINGS: Readonly<Record<number, string>> = {
  1: 'ERP 认为请求的参数或身份验证有误，在处理单据之前就拒绝了它。请核对接口设置（sid、appkey、appsecret、接口地址）；如果都正确，请把这条记录提供给开发者。',
  2: 'ERP 不认识请求中的某个参数名。这是程序与接口不一致的问题，请把这条记录提供给开发者。',
  3: '该卖家账号需要动态口令。请管理员在旺店通中取消动态口令后再试。',
  4: 'ERP 服务器内部出错（状态 4 是数据库错误）。旺店通的建议是联系负责对接的技术人员。',
  5: 'ERP 服务器内部出错（状态 5 是数据库错误）。旺店通的建议是联系负责对接的技术人员。',
  6: '本机的公网 IP 不在该卖家的 IP 白名单里。请管理员在开放平台中检查 IP 白名单。',
  7: '本机时间与 ERP 服务器相差太多。请把电脑的日期、时间和时区设为自动同步后再试。',
  8: 'ERP 不接受请求中的接口版本号。请把这条记录提供给开发者。',
  99: 'ERP 处理时出了错（状态 99 是“其他错误”）。旺店通的建议是联系负责对接的技术人员。',
  100: 'ERP 按业务规则拒绝了这张单据，原因就是上面 ERP 的原话。请按原话核对单据内容；仍不清楚时，请把这条记录提供给负责对接的技术人员。',
};

/** The meaning of a status in general, for a message the vendor's table does not list. */
export function generalMeaning(status: number): string {
  return (
    GENERAL_MEANINGS[status] ??
    `ERP 返回了旺店通错误码说明中没有的状态 ${status}。请把这条记录提供给负责对接的技术人员。`
  );
}
