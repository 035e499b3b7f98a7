/**
 * wms.stockout.Base.uploadSN attaches SNs to an existing stock-out order, so the question is which of our
 * SNs that order now holds. wms.GoodsSN.queryWithDetail by order_no lists the SNs bound to the order in any
 * state (an order must still be 编辑中 to take SNs, so they are not shipped yet); if the account may not
 * call it, wms.stockout.Base.searchSN (stock-out number and window) is asked instead. That one lists only
 * shipped SNs ("查询已出库的SN信息"), so there "none" proves nothing and the answer stays uncertain.
 */
import type { QueryRecord } from '../wdt/queryTypes';
import type { EvidenceContext, Verdict } from './context';
import { recordOf, refusedVerdict, text } from './context';

const BY_ORDER = 'wms.GoodsSN.queryWithDetail';
const SHIPPED = 'wms.stockout.Base.searchSN';
/** Named in the evidence: more would make the sentence unreadable; finding.sns has them all. */
const LISTED = 10;

export async function uploadSnEvidence(context: EvidenceContext): Promise<Verdict> {
  const [header, lines] = context.input.args;
  const stockoutNo = text(recordOf(header).stockout_no);
  const ours = ourSns(lines);
  const byOrder = await context.ask(BY_ORDER, { order_no: stockoutNo, order_type: 0 });
  if (byOrder.ok) return verdict(stockoutNo, ours, held(byOrder.records, stockoutNo), true);
  const shipped = await context.ask(SHIPPED, { stockout_no: stockoutNo }, context.createdWindow(SHIPPED));
  if (!shipped.ok) return refusedVerdict(byOrder.refusal, `出库单 ${stockoutNo} 的 SN `);
  const answer = verdict(stockoutNo, ours, held(shipped.records, stockoutNo), false);
  return answer.state === 'created' ? answer : { ...answer, missingPermission: byOrder.refusal };
}

function ourSns(lines: unknown): string[] {
  const sns = new Set<string>();
  for (const line of Array.isArray(lines) ? lines : []) {
    const list = recordOf(line).sn_list;
    const items = Array.isArray(list) ? list : typeof list === 'string' ? list.split(',') : [];
    for (const item of items) if (text(item) !== '') sns.add(text(item));
  }
  return [...sns];
}

function held(records: readonly QueryRecord[], stockoutNo: string): Set<string> {
  const found = new Set<string>();
  for (const record of records) {
    const order = text(record.stockout_no) || text(record.order_no);
    if (order === '' || order === stockoutNo) found.add(text(record.sn));
  }
  return found;
}

function listed(sns: readonly string[]): string {
  return sns.length <= LISTED ? sns.join('、') : `${sns.slice(0, LISTED).join('、')} 等 ${sns.length} 个`;
}

/** `complete`: the query lists every SN bound to the order, so an absent SN is provably not there. */
function verdict(
  stockoutNo: string,
  ours: readonly string[],
  found: Set<string>,
  complete: boolean,
): Verdict {
  const present = ours.filter((sn) => found.has(sn));
  const missing = ours.filter((sn) => !found.has(sn));
  const sns = { present, missing };
  const asked = complete
    ? `查询出库单 ${stockoutNo} 绑定的 SN`
    : `没有 SN 码查询权限，改为查询出库单 ${stockoutNo} 已出库的 SN`;
  if (missing.length === 0 && present.length > 0)
    return {
      state: 'created',
      documentNo: stockoutNo,
      evidence: `${asked}：本次发送的 ${present.length} 个 SN 都在。`,
      sns,
    };
  if (present.length === 0 && complete)
    return { state: 'not_created', evidence: `${asked}：本次发送的 ${ours.length} 个 SN 都不在。`, sns };
  if (present.length === 0)
    return {
      state: 'uncertain',
      evidence: `${asked}：一个也没有找到；但这个查询只列出已出库的 SN，未出库的出库单上的 SN 查不到，无法确定。`,
      sns,
    };
  return {
    state: 'uncertain',
    evidence: `${asked}：${ours.length} 个 SN 中 ${present.length} 个在，${missing.length} 个不在（${listed(missing)}）。请在 ERP 中核对这张出库单，只补推不在的 SN。`,
    sns,
  };
}
