import { describe, expect, it } from 'vitest';
import type { JournalEntryDetail } from '../../../src/shared/journal';
import { lineRows, lineSheetColumns } from '../../../src/main/journal/exportLineSheet';

function entry(method: string, body: unknown[], extra: Partial<JournalEntryDetail> = {}): JournalEntryDetail {
  return {
    id: '20261201T010203000Z-abc',
    time: '2026-12-01T01:02:03.000Z',
    operator: '张三',
    profileName: '练习环境',
    environment: '练习',
    method,
    documentTitle: '标题',
    businessKey: 'order_no:WD-9',
    outcome: 'accepted',
    documentNo: 'CK0009',
    body: JSON.stringify(body),
    ...extra,
  };
}

function asRecords(rows: (string | number)[][]): Record<string, string | number>[] {
  const headers = lineSheetColumns.map((column) => column.header);
  return rows.map((row) => Object.fromEntries(headers.map((header, index) => [header, row[index] ?? ''])));
}

describe('the export’s line sheet', () => {
  it('gives one row per line with the submission, 商家编码, 数量, 批次 and SN', () => {
    const body = [
      { warehouse_no: 'WH', order_no: 'WD-9' },
      [
        { spec_no: '0012', num: 2, batch_no: 'B1' },
        { spec_no: 'A2', num: 1, is_enable_sn: 1, sn_list: 'S1,S2' },
      ],
      false,
    ];
    const rows = asRecords(lineRows(entry('wms.outer.OuterOut.createOrder', body), '2026-12-01 09:02:03'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      时间: '2026-12-01 09:02:03',
      单据: '标题',
      结果: '已创建',
      ERP单号: 'CK0009',
      业务单号: '外部单号 WD-9',
      行号: 1,
      商家编码: '0012',
      数量: '2',
      批次: 'B1',
      SN: '',
    });
    expect(rows[1]).toMatchObject({ 行号: 2, 商家编码: 'A2', SN: 'S1，S2', 其他字段: '是否开启序列号：是' });
  });

  it('gives nothing for a lost or unreadable body', () => {
    expect(lineRows(entry('wms.outer.OuterOut.createOrder', [], { bodyLost: true, body: '' }), 't')).toEqual(
      [],
    );
    expect(lineRows(entry('no.such.method', [{}]), 't')).toEqual([]);
  });
});
