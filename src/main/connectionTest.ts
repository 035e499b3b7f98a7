/**
 * 测试连接: proves the address, sid, appkey, appsecret, IP whitelist and clock without creating anything.
 *
 * None of the five methods is a read-only query, so the probe is an SN upload with an empty stock-out
 * number. The ERP checks signature, account, IP and timestamp first (status 1, 3, 6, 7, 8 when wrong) and
 * only then the business content, which it refuses (the vendor page's own example: status 100
 * 出库单号不可以为空). So a business refusal means everything before it was right, and nothing was created.
 *
 * It also says how the ERP was reached (directly, or through which proxy and who chose it), and when the
 * call could not be sent, the likely cause with its remedy (net/causeOf.ts): the proxy refused, the proxy
 * needs a login, the certificate is not trusted, the name does not resolve.
 */
import type { ConnectionTestResult } from '../shared/ipc';
import type { WdtClient } from './wdt/client';
import { causeOfNotSent } from './net/causeOf';
import { causeTexts } from './net/failureCauses';
import { describeRoute, type ErpRoute } from './net/route';

const probeMethod = 'wms.stockout.Base.uploadSN';
const probeArgs: readonly unknown[] = [{ stockout_no: '', order_type: 2 }, []];

/** Refusals the ERP makes only after the caller passed authentication. */
const businessRefusalStatuses = new Set([2, 100]);

/**
 * `route`: how calls of this profile leave this PC (ErpNetwork.routeFor); without it the wording says
 * nothing about the path.
 */
export async function testConnection(client: WdtClient, route?: ErpRoute): Promise<ConnectionTestResult> {
  const result = await client.call(probeMethod, probeArgs);
  const outcome = result.outcome;
  const base = { outcome: outcome.kind, durationMs: result.durationMs };
  const path = route === undefined ? '' : `连接方式：${describeRoute(route)}。`;
  switch (outcome.kind) {
    case 'refused':
      if (businessRefusalStatuses.has(outcome.status)) {
        return {
          ...base,
          ok: true,
          summary: '连接正常：接口地址、sid、appkey、appsecret、IP 白名单和本机时间都正确。',
          detail: `${path}测试请求故意缺少出库单号，ERP 通过身份验证后按预期拒绝了它（“${outcome.message}”），没有创建任何单据。`,
        };
      }
      return {
        ...base,
        ok: false,
        summary: `连接失败：${outcome.message}`,
        detail: `${path}${outcome.explanation}`,
      };
    case 'accepted':
    case 'approval-failed':
      return {
        ...base,
        ok: true,
        summary: '连接正常：ERP 接受了签名请求。',
        detail: `${path}ERP 对测试请求返回了成功，这不常见；请在 ERP 中确认没有产生多余的 SN 记录。`,
      };
    case 'not-sent': {
      const cause = causeOfNotSent(outcome.reason, route?.kind === 'proxy');
      if (cause === undefined) {
        return {
          ...base,
          ok: false,
          summary: '无法连接到接口地址。',
          detail: `${path}${outcome.explanation}`,
        };
      }
      const text = causeTexts[cause];
      return {
        ...base,
        ok: false,
        summary: `无法连接到接口地址：${text.what}。`,
        detail: `${path}${text.remedy}（${outcome.reason}）测试请求没有发出。`,
      };
    }
    case 'unknown':
      return {
        ...base,
        ok: false,
        summary: outcome.response
          ? `ERP 返回错误（状态 ${outcome.response.status}）：${outcome.response.message ?? '无说明'}`
          : '接口没有给出有效的回答。',
        // Not outcome.explanation: that speaks of a document that may exist, and this probe creates none.
        detail: `${path}测试连接不会创建任何单据。连接没有得到可判断的回答（${outcome.reason}），请检查接口地址、网络或代理后再试；仍然如此时，请把这条信息提供给负责对接的技术人员。`,
      };
  }
}
