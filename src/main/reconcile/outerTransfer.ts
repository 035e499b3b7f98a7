/**
 * wms.outer.OuterTransfer.createByApi has no external number and the ERP no outer-transfer query: the
 * transfer orders between the two warehouses touched since the send (wms.stocktransfer.Manage
 * .queryWithDetail) are searched for the 核对 reference our remark carried (shared/transferReference.ts).
 * The reference proves a transfer ours, and its absence proves none is, unless a transfer with our lines
 * exists without it: then, as when no reference was sent, a lookalike can be told apart only by people.
 * Never 未创建 while a transfer matching what we sent exists.
 */
import type { QueryRecord } from '../wdt/queryTypes';
import type { EvidenceContext, Verdict } from './context';
import { recordOf, refusedVerdict, text } from './context';
import { describeLines, lineTotals, sameLines } from './lines';

const QUERY = 'wms.stocktransfer.Manage.queryWithDetail';
const TIME_KEYS = ['created', 'created_date'] as const;

export async function outerTransferEvidence(context: EvidenceContext): Promise<Verdict> {
  const [header, lines] = context.input.args;
  const params = recordOf(header);
  const from = text(params.from_warehouse_no);
  const to = text(params.to_warehouse_no);
  const { reference } = context.input;
  const asked = await context.ask(
    QUERY,
    { from_warehouse_no: from, to_warehouse_no: to },
    context.modifiedWindow(QUERY),
  );
  if (!asked.ok) return refusedVerdict(asked.refusal, '外仓调拨');
  const between = asked.records.filter(
    (record) => text(record.from_warehouse_no) === from && text(record.to_warehouse_no) === to,
  );
  const where = `查询 ${from} → ${to} 在发送之后修改过的调拨单，找到 ${between.length} 张`;
  const ours = lineTotals(lines);
  const candidate = (record: QueryRecord) =>
    context.candidate(
      record,
      text(record.transfer_no),
      `${describeLines(lineTotals(record.details_list))}，备注：${text(record.remark) || '无'}`,
      ...TIME_KEYS,
    );

  if (reference !== undefined) {
    const marked = between.filter((record) => text(record.remark).includes(reference));
    const [only] = marked;
    if (marked.length === 1 && only) {
      const documentNo = text(only.transfer_no);
      const linesNote = sameLines(ours, lineTotals(only.details_list))
        ? '明细与发送内容一致'
        : '但明细与发送内容不同，请在 ERP 中查看';
      return {
        state: 'created',
        documentNo,
        evidence: `${where}，其中 ${documentNo} 的备注带有本次的核对参考号 ${reference}，${linesNote}。`,
      };
    }
    if (marked.length > 1)
      return {
        state: 'uncertain',
        evidence: `${where}，其中 ${marked.length} 张的备注都带有核对参考号 ${reference}，无法确定哪一张是本次创建的。`,
        candidates: marked.map(candidate),
      };
  }
  const lookalikes = between.filter(
    (record) =>
      sameLines(ours, lineTotals(record.details_list)) && context.timing(record, ...TIME_KEYS) !== 'before',
  );
  const noReference =
    reference === undefined
      ? '本次发送的备注没有核对参考号（设置中已关闭，或是旧版本发送的）'
      : `没有一张的备注带有本次的核对参考号 ${reference}`;
  if (lookalikes.length === 0)
    return {
      state: 'not_created',
      evidence: `${where}，${noReference}，也没有一张建于发送之后且明细与发送内容一致。`,
    };
  return {
    state: 'uncertain',
    evidence: `${where}，${noReference}；有 ${lookalikes.length} 张明细与发送内容一致，无法证明是不是本次创建的，请在 ERP 中查看。`,
    candidates: lookalikes.map(candidate),
  };
}
