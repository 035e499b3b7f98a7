/**
 * purchase.PurchaseOrder.createOrder: with purchase_no, the ERP's order of that number is ours; without
 * it, the supplier's orders for the warehouse touched since the send are matched by their lines. The query's
 * window is on the modification time (采购单修改时间), which a new order's creation sets.
 */
import type { EvidenceContext, Verdict } from './context';
import { recordOf, refusedVerdict, text } from './context';
import { lineTotals } from './lines';
import { matchByLines, verdictFromMatches, type MatchShape } from './match';

const QUERY = 'purchase.PurchaseOrder.queryWithDetail';
const shape: MatchShape = {
  title: '采购单',
  numberKey: 'purchase_no',
  linesKey: 'detail_list',
  quantityKey: 'num',
  timeKeys: ['created'],
};

export async function purchaseOrderEvidence(context: EvidenceContext): Promise<Verdict> {
  const params = recordOf(context.input.args[0]);
  const purchaseNo = text(params.purchase_no);
  const provider = text(params.provider_no);
  const warehouse = text(params.expect_warehouse_no);
  const window = context.modifiedWindow(QUERY);
  if (purchaseNo !== '') {
    const asked = await context.ask(QUERY, { purchase_no: purchaseNo }, window);
    if (!asked.ok) return refusedVerdict(asked.refusal, `采购单 ${purchaseNo} `);
    const record = asked.records.find((candidate) => text(candidate.purchase_no) === purchaseNo);
    const where = `按采购单号 ${purchaseNo} 查询发送之后修改过的采购单`;
    if (!record) return { state: 'not_created', evidence: `${where}，ERP 没有这张单据。` };
    if (context.timing(record, 'created') === 'before') {
      return {
        state: 'uncertain',
        evidence: `${where}，找到了它，但它建于本次发送之前，不是本次创建的；本次发送是否被 ERP 拒绝无法确定。`,
        candidates: [context.candidate(record, purchaseNo, `供应商 ${text(record.provider_no)}`, 'created')],
      };
    }
    return { state: 'created', documentNo: purchaseNo, evidence: `${where}，找到了它：单据已创建。` };
  }
  const asked = await context.ask(QUERY, { provider_no: provider, expect_warehouse_no: warehouse }, window);
  if (!asked.ok) return refusedVerdict(asked.refusal, '采购单');
  const same = asked.records.filter(
    (record) =>
      text(record.provider_no) === provider &&
      (record.warehouse_no === undefined || text(record.warehouse_no) === warehouse),
  );
  const matches = matchByLines(context, same, lineTotals(params.purchase_details), shape);
  return verdictFromMatches(
    context,
    matches,
    shape,
    `没有采购单号，按供应商 ${provider}、预计入库仓库 ${warehouse} 查询发送之后修改过的采购单，`,
    same.length,
  );
}
