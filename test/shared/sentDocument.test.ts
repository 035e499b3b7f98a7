import { describe, expect, it } from 'vitest';
import { readSentDocument } from '../../src/shared/sentDocument';

describe('readSentDocument', () => {
  it('reads an outer stock-out as labelled header fields and a table of the columns used', () => {
    const body = JSON.stringify([
      { warehouse_no: 'WH-SH01', order_no: 'WD-1', remark: '日志' },
      [
        { spec_no: 'DFAQT101', num: 2 },
        { spec_no: 'DFAQT102', num: 1, is_enable_sn: 1, sn_list: 'S1,S2' },
      ],
      true,
    ]);
    const sent = readSentDocument('wms.outer.OuterOut.createOrder', body);
    expect(sent?.header).toEqual(
      expect.arrayContaining([
        { key: 'warehouse_no', label: '仓库编号', value: 'WH-SH01' },
        { key: 'order_no', label: '外部单号', value: 'WD-1' },
      ]),
    );
    // The positional 是否审核 flag is a header field to a person, and reads 是.
    expect(sent?.header.find((field) => field.key === 'is_check')?.value).toBe('是');
    const columns = sent?.columns.map((column) => column.label) ?? [];
    expect(columns[0]).toBe('商家编码');
    expect(columns).toContain('序列号列表');
    const snColumn = columns.indexOf('序列号列表');
    expect(sent?.lines[1]?.[snColumn]).toBe('S1，S2');
    expect(sent?.lines[0]?.[snColumn]).toBe('');
  });

  it('names an enum value instead of its number', () => {
    const body = JSON.stringify([{ stockout_no: 'CK1', order_type: 2 }, [{ spec_no: 'A', sn_list: ['X'] }]]);
    const sent = readSentDocument('wms.stockout.Base.uploadSN', body);
    expect(sent?.header.find((field) => field.key === 'order_type')?.value).toBe('调拨出库');
  });

  it('gives nothing for a body that is not the method’s argument array', () => {
    expect(readSentDocument('wms.outer.OuterOut.createOrder', '{"a":1}')).toBeNull();
    expect(readSentDocument('no.such.method', '[]')).toBeNull();
  });
});
