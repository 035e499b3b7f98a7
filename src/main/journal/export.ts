/**
 * 导出 on the log screen: the filtered submissions as an .xlsx that opens in Excel or WPS, with every
 * code (document numbers, business keys) as text so nothing turns into 1.23E+12. Sheet 1 has one row per
 * submission; sheet 2 (明细, exportLineSheet.ts) one row per line sent.
 */
import * as XLSX from '@e965/xlsx';
import { getSpec } from '../../shared/documents';
import type { JournalEntry, JournalQuery } from '../../shared/journal';
import { outcomeLabelFor } from '../../shared/outcomeWords';
import type { ExportFile } from '../../shared/ipc';
import type { Journal } from './journal';
import type { Redactor } from '../redactOutgoing';
import { describeBusinessKey } from '../../shared/businessKeyText';
import { lineRows, lineSheetColumns } from './exportLineSheet';

const pageSize = 1000;
/** Excel's own sheet limit is 1,048,576 rows; a log export past this is not something a person reads. */
const maxExportRows = 200_000;
/**
 * Lines are read from each submission's body on disk; past this many lines the 明细 sheet stops (with a
 * note as its last row), so a year's export still finishes in seconds.
 */
const maxLineRows = 200_000;

const columns: readonly {
  readonly header: string;
  readonly width: number;
  readonly value: (e: JournalEntry) => string | number;
}[] = [
  { header: '时间', width: 20, value: (e) => localTime(e.time) },
  { header: '单据类型', width: 18, value: (e) => getSpec(e.method)?.title ?? e.method },
  { header: '结果', width: 14, value: (e) => outcomeLabelFor(e.method, e.outcome) },
  { header: 'ERP单号', width: 22, value: (e) => e.documentNo ?? '' },
  { header: '业务单号', width: 30, value: (e) => describeBusinessKey(e.method, e.businessKey) },
  { header: '说明', width: 50, value: (e) => e.message ?? '' },
  { header: '操作员', width: 10, value: (e) => e.operator },
  { header: '账号配置', width: 14, value: (e) => e.profileName },
  { header: '环境', width: 10, value: (e) => e.environment },
  { header: '耗时(毫秒)', width: 10, value: (e) => e.durationMs ?? '' },
  { header: '接口', width: 36, value: (e) => e.method },
  { header: '记录编号', width: 30, value: (e) => e.id },
  { header: '业务键', width: 40, value: (e) => e.businessKey },
];

/** `redact` runs on each entry before it becomes cells: the workbook leaves main as bytes, unreadable to IPC redaction. */
export async function exportJournal(
  journal: Journal,
  filters: JournalQuery,
  now: Date,
  redact: Redactor,
): Promise<ExportFile> {
  const rows: (string | number)[][] = [columns.map((column) => column.header)];
  const lines: (string | number)[][] = [lineSheetColumns.map((column) => column.header)];
  let linesCut = false;
  for (let offset = 0; offset < maxExportRows; offset += pageSize) {
    const page = await journal.query({ ...filters, offset, limit: pageSize });
    for (const entry of page.entries) {
      const safe = redact(entry);
      rows.push(columns.map((column) => column.value(safe)));
      if (lines.length > maxLineRows) {
        linesCut = true;
        continue;
      }
      const detail = await journal.getDetail(entry.id);
      if (detail !== undefined) lines.push(...redact(lineRows(detail, localTime(entry.time))));
    }
    if (offset + pageSize >= page.total) break;
  }
  if (linesCut) lines.push([`明细超过 ${maxLineRows} 行，其余未导出；请缩小日期范围后再导出。`]);
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!cols'] = columns.map((column) => ({ wch: column.width }));
  const lineSheet = XLSX.utils.aoa_to_sheet(lines);
  lineSheet['!cols'] = lineSheetColumns.map((column) => ({ wch: column.width }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '提交记录');
  XLSX.utils.book_append_sheet(book, lineSheet, '明细');
  const bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return { fileName: `提交记录-${compactTime(now)}.xlsx`, bytes: new Uint8Array(bytes) };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The warehouse PC's local time, as people read it. */
function localTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function compactTime(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}
