/**
 * wms.stockout.PurchaseReturn.createOrder ships goods against an existing purchase return (return_no), and
 * one return can have several stock-outs. All of them are asked for (by src_order_no, which needs no
 * window); ours is the one created after the send whose lines are ours. An earlier stock-out of the same
 * return, even with the same lines, is someone else's and is named as such.
 */
import type { EvidenceContext, Verdict } from './context';
import { recordOf, refusedVerdict, text } from './context';
import { lineTotals } from './lines';
import { matchByLines, verdictFromMatches, type MatchShape } from './match';

const QUERY = 'wms.stockout.PurchaseReturn.queryWithDetail';
const shape: MatchShape = {
  title: '采购退货出库单',
  numberKey: 'order_no',
  linesKey: 'details_list',
  quantityKey: 'goods_count',
  timeKeys: ['create_time'],
};

export async function purchaseReturnEvidence(context: EvidenceContext): Promise<Verdict> {
  const [header, lines] = context.input.args;
  const order = recordOf(header);
  const returnNo = text(order.return_no);
  const warehouse = text(order.warehouse_no);
  const asked = await context.ask(QUERY, { src_order_no: returnNo, warehouse_no: warehouse });
  if (!asked.ok) return refusedVerdict(asked.refusal, `采购退货单 ${returnNo} 的出库单`);
  const same = asked.records.filter((record) => text(record.src_order_no) === returnNo);
  const matches = matchByLines(context, same, lineTotals(lines), shape);
  return verdictFromMatches(
    context,
    matches,
    shape,
    `按采购退货单号 ${returnNo} 查询它的全部出库单，`,
    same.length,
  );
}
