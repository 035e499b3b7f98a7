/**
 * 导出 on the log screen: the filtered submissions as an .xlsx that opens in Excel or WPS, with every
 * code (document numbers, business keys) as text so nothing turns into 1.23E+12.
 */
import * as XLSX from '@e965/xlsx';
import { getSpec } from '../shared/documents';
import { journalOutcomeLabels, type JournalEntry, type JournalQuery } from '../shared/journal';
import type { ExportFile } from '../shared/ipc';
import type { Journal } from './journal';
import type { Redactor } from './redactOutgoing';

const pageSize = 1000;
/** Excel's own sheet limit is 1,048,576 rows; a log export past this is not something a person reads. */
export const maxExportRows = 200_000;

const columns: readonly {
  readonly header: string;
  readonly width: number;
  readonly value: (e: JournalEntry) => string | number;
}[] = [
  { header: '时间', width: 20, value: (e) => localTime(e.time) },
  { header: '单据类型', width: 18, value: (e) => getSpec(e.method)?.title ?? e.method },
  { header: '结果', width: 14, value: (e) => journalOutcomeLabels[e.outcome] },
  { header: 'ERP单号', width: 22, value: (e) => e.documentNo ?? '' },
  { header: '业务键', width: 40, value: (e) => e.businessKey },
  { header: '说明', width: 50, value: (e) => e.message ?? '' },
  { header: '操作员', width: 10, value: (e) => e.operator },
  { header: '账号配置', width: 14, value: (e) => e.profileName },
  { header: '环境', width: 10, value: (e) => e.environment },
  { header: '耗时(毫秒)', width: 10, value: (e) => e.durationMs ?? '' },
  { header: '接口', width: 36, value: (e) => e.method },
  { header: '记录编号', width: 30, value: (e) => e.id },
];

/** `redact` runs on each entry before it becomes cells: the workbook leaves main as bytes, unreadable to IPC redaction. */
export async function exportJournal(
  journal: Journal,
  filters: JournalQuery,
  now: Date,
  redact: Redactor,
): Promise<ExportFile> {
  const rows: (string | number)[][] = [columns.map((column) => column.header)];
  for (let offset = 0; offset < maxExportRows; offset += pageSize) {
    const page = await journal.query({ ...filters, offset, limit: pageSize });
    for (const entry of page.entries) {
      const safe = redact(entry);
      rows.push(columns.map((column) => column.value(safe)));
    }
    if (offset + pageSize >= page.total) break;
  }
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!cols'] = columns.map((column) => ({ wch: column.width }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '提交记录');
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
