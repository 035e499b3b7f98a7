/**
 * The verdict when no number identifies our document: among the documents the query found, ours is one
 * created after the send (less the clock margin) whose lines are what we sent. Exactly one is proof enough;
 * none is proof it was not created; more than one, or a lookalike whose time the ERP did not give, leaves
 * the answer to people, with the candidates shown.
 */
import type { QueryRecord } from '../wdt/queryTypes';
import type { EvidenceContext, Verdict } from './context';
import { text } from './context';
import type { LineTotals } from './lines';
import { describeLines, lineTotals, sameLines } from './lines';

export interface MatchShape {
  /** The document's Chinese name, e.g. 外仓调整出库单. */
  readonly title: string;
  /** Where the ERP's number, the lines and the creation time are in a record. */
  readonly numberKey: string;
  readonly linesKey: string;
  readonly quantityKey: string;
  readonly timeKeys: readonly string[];
}

interface Matches {
  /** Created after the send, same lines. */
  readonly mine: readonly QueryRecord[];
  /** Same lines, but created before the send: not by it. */
  readonly earlier: readonly QueryRecord[];
  /** Same lines, creation time not given: cannot be ruled in or out. */
  readonly undated: readonly QueryRecord[];
}

export function matchByLines(
  context: EvidenceContext,
  records: readonly QueryRecord[],
  ours: LineTotals,
  shape: MatchShape,
): Matches {
  const mine: QueryRecord[] = [];
  const earlier: QueryRecord[] = [];
  const undated: QueryRecord[] = [];
  for (const record of records) {
    if (!sameLines(ours, lineTotals(record[shape.linesKey], shape.quantityKey))) continue;
    const timing = context.timing(record, ...shape.timeKeys);
    (timing === 'after' ? mine : timing === 'before' ? earlier : undated).push(record);
  }
  return { mine, earlier, undated };
}

/** `asked`: what was searched, for the evidence sentence, e.g. "在仓库 A 的外仓调整出库单中". */
export function verdictFromMatches(
  context: EvidenceContext,
  matches: Matches,
  shape: MatchShape,
  asked: string,
  found: number,
): Verdict {
  const { mine, earlier, undated } = matches;
  const earlierNote =
    earlier.length > 0
      ? `另有 ${earlier.length} 张明细相同的单据（${earlier.map((r) => text(r[shape.numberKey])).join('、')}）建于本次发送之前，不是本次创建的。`
      : '';
  const [only] = mine;
  if (mine.length === 1 && undated.length === 0 && only) {
    const documentNo = text(only[shape.numberKey]);
    return {
      state: 'created',
      documentNo,
      evidence: `${asked}找到 ${found} 张，其中 ${documentNo} 建于发送之后且明细与发送内容一致。${earlierNote}`,
    };
  }
  if (mine.length === 0 && undated.length === 0) {
    return {
      state: 'not_created',
      evidence: `${asked}找到 ${found} 张，没有一张建于发送之后且明细与发送内容一致。${earlierNote}`,
    };
  }
  const candidates = [...mine, ...undated].map((record) =>
    context.candidate(
      record,
      text(record[shape.numberKey]),
      `${describeLines(lineTotals(record[shape.linesKey], shape.quantityKey))}，备注：${text(record.remark) || '无'}`,
      ...shape.timeKeys,
    ),
  );
  return {
    state: 'uncertain',
    evidence: `${asked}有 ${candidates.length} 张明细与发送内容一致的${shape.title}${
      undated.length > 0 ? '（ERP 未给出其中部分单据的创建时间）' : ''
    }，无法确定哪一张是本次创建的。${earlierNote}`,
    candidates,
  };
}
