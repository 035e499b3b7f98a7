/**
 * wms.outer.OuterOut.createOrder: "传入外部单号则使用外部单号作为系统内业务单号", so with order_no the ERP's
 * outer_out_no is ours and one query by it settles the question. Without it, the warehouse's stock-outs of
 * the same type created in the send's window are matched by their lines.
 */
import type { EvidenceContext, Verdict } from './context';
import { recordOf, refusedVerdict, text } from './context';
import { lineTotals } from './lines';
import { matchByLines, verdictFromMatches, type MatchShape } from './match';

const QUERY = 'wms.outer.OuterOut.queryWithDetail';
const shape: MatchShape = {
  title: '外仓调整出库单',
  numberKey: 'outer_out_no',
  linesKey: 'detail_list',
  quantityKey: 'num',
  timeKeys: ['created'],
};

export async function outerOutEvidence(context: EvidenceContext): Promise<Verdict> {
  const [header, lines] = context.input.args;
  const order = recordOf(header);
  const warehouse = text(order.warehouse_no);
  const orderNo = text(order.order_no);
  const window = context.createdWindow(QUERY);
  if (orderNo !== '') {
    const asked = await context.ask(QUERY, { outer_out_no: orderNo, warehouse_no: warehouse }, window);
    if (!asked.ok) return refusedVerdict(asked.refusal, `外仓调整出库单 ${orderNo} `);
    const found = asked.records.filter((record) => text(record.outer_out_no) === orderNo);
    const [record] = found;
    const where = `按外部单号 ${orderNo} 查询仓库 ${warehouse} 在发送前后建立的外仓调整出库单`;
    if (!record) return { state: 'not_created', evidence: `${where}，ERP 没有这张单据。` };
    if (context.timing(record, 'created') === 'before') {
      return {
        state: 'uncertain',
        evidence: `${where}，找到了它，但它建于本次发送之前，不是本次创建的；本次发送是否被 ERP 拒绝无法确定。`,
        candidates: [context.candidate(record, orderNo, `状态 ${text(record.status)}`, 'created')],
      };
    }
    return { state: 'created', documentNo: orderNo, evidence: `${where}，找到了它：单据已创建。` };
  }
  const type = order.src_order_type ?? 0;
  const asked = await context.ask(QUERY, { warehouse_no: warehouse, order_type: type }, window);
  if (!asked.ok) return refusedVerdict(asked.refusal, '外仓调整出库单');
  const same = asked.records.filter(
    (record) =>
      text(record.warehouse_no) === warehouse &&
      (record.src_order_type === undefined || text(record.src_order_type) === text(type)),
  );
  const matches = matchByLines(context, same, lineTotals(lines), shape);
  return verdictFromMatches(
    context,
    matches,
    shape,
    `没有外部单号，按仓库 ${warehouse}、出库类型 ${text(type)} 查询发送前后建立的外仓调整出库单，`,
    same.length,
  );
}
