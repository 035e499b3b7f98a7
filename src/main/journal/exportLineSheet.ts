/**
 * The export's second sheet, 明细: one row per line sent, with the submission it belongs to (单据, 时间,
 * 结果, ERP单号, 业务单号), so a supervisor can filter by 商家编码 or find an SN in Excel. Lines are read
 * back from the exact body each submission sent (shared/sentDocument.ts).
 */
import { describeBusinessKey } from '../../shared/businessKeyText';
import type { JournalEntryDetail } from '../../shared/journal';
import { outcomeLabelFor } from '../../shared/outcomeWords';
import { readSentDocument } from '../../shared/sentDocument';

/** The line fields every document shares, by key, under one heading whatever each page calls them. */
const sharedColumns: readonly { readonly key: string; readonly header: string; readonly width: number }[] = [
  { key: 'spec_no', header: '商家编码', width: 18 },
  { key: 'num', header: '数量', width: 8 },
  { key: 'batch_no', header: '批次', width: 14 },
  { key: 'sn_list', header: 'SN', width: 40 },
  { key: 'position_no', header: '货位', width: 12 },
  { key: 'expire_date', header: '有效期', width: 12 },
  { key: 'defect', header: '残次品', width: 8 },
  { key: 'remark', header: '备注', width: 20 },
];

export const lineSheetColumns: readonly { readonly header: string; readonly width: number }[] = [
  { header: '时间', width: 20 },
  { header: '单据', width: 18 },
  { header: '结果', width: 12 },
  { header: 'ERP单号', width: 22 },
  { header: '业务单号', width: 30 },
  { header: '行号', width: 6 },
  ...sharedColumns,
  { header: '其他字段', width: 40 },
];

/** The rows of one submission: one per line; none when its body is lost or unreadable. */
export function lineRows(entry: JournalEntryDetail, time: string): (string | number)[][] {
  if (entry.bodyLost === true) return [];
  const sent = readSentDocument(entry.method, entry.body);
  if (sent === null) return [];
  const indexOf = new Map(sent.columns.map((column, index) => [column.key, index]));
  const others = sent.columns.filter((column) => !sharedColumns.some((shared) => shared.key === column.key));
  const submission = [
    time,
    entry.documentTitle,
    outcomeLabelFor(entry.method, entry.outcome),
    entry.documentNo ??
      (entry.reconciled?.state === 'created' ? entry.reconciled.documentNo : undefined) ??
      '',
    describeBusinessKey(entry.method, entry.businessKey),
  ];
  return sent.lines.map((line, row) => {
    const at = (key: string): string => {
      const index = indexOf.get(key);
      return index === undefined ? '' : (line[index] ?? '');
    };
    const rest = others
      .map((column) => [column.label, at(column.key)] as const)
      .filter(([, value]) => value !== '')
      .map(([label, value]) => `${label}：${value}`)
      .join('；');
    return [...submission, row + 1, ...sharedColumns.map((column) => at(column.key)), rest];
  });
}
