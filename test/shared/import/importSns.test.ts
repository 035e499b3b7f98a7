import { describe, expect, it } from 'vitest';
import { outerOutSpec, purchaseOrderSpec, uploadSnSpec } from '../../../src/shared/documents';
import { wireSnGroups } from '../../../src/shared/import';
import { importFixture } from './helpers';

describe('SN lists', () => {
  it('groups SNs by product, keeps codes as text and rejects repeated SNs and rows without a product', async () => {
    const { result } = await importFixture(uploadSnSpec, 'sns.xlsx', 'sns');
    expect(result.snGroups.map(({ specNo, sns }) => ({ specNo, sns }))).toEqual([
      { specNo: 'SKU-A', sns: ['SN0001', '000123', '6901234567890'] },
      { specNo: 'SKU-B', sns: ['SN0005'] },
    ]);
    expect(result.problems).toEqual([
      { row: 5, column: 'SN', message: '序列号 "SN0001" 与第2行重复' },
      { row: 8, column: '商家编码', message: '商家编码 不能为空' },
    ]);
    expect(wireSnGroups(uploadSnSpec, result.snGroups)).toEqual([
      { spec_no: 'SKU-A', sn_list: ['SN0001', '000123', '6901234567890'] },
      { spec_no: 'SKU-B', sn_list: ['SN0005'] },
    ]);
  });

  it('checks counts against the document lines when they are given', async () => {
    const { result } = await importFixture(outerOutSpec, 'sns.xlsx', 'sns', [
      { specNo: 'SKU-A', quantity: 2 },
      { specNo: 'SKU-C', quantity: 1 },
    ]);
    expect(result.problems).toEqual([
      { row: 2, column: 'SN', message: '商家编码 "SKU-A" 有3个序列号，与明细数量（2）不一致' },
      { row: 5, column: '商家编码', message: '商家编码 "SKU-B" 不在当前单据的明细中' },
      { row: 5, column: 'SN', message: '序列号 "SN0001" 与第2行重复' },
      { row: 8, column: '商家编码', message: '商家编码 不能为空' },
    ]);
    // OuterOut sends its SN list as one comma-joined string.
    expect(wireSnGroups(outerOutSpec, result.snGroups)[0]).toEqual({
      spec_no: 'SKU-A',
      sn_list: 'SN0001,000123,6901234567890',
    });
  });

  it('takes a single SN column for a document with one line', async () => {
    const { result } = await importFixture(uploadSnSpec, 'sn-only.csv', 'sns', [
      { specNo: 'X', quantity: 3 },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.snGroups).toEqual([{ specNo: null, sns: ['SN-1', 'SN-2', 'SN-3'], sheetRows: [2, 3, 4] }]);
  });

  it('asks for the product column when the document has several lines', async () => {
    const { result } = await importFixture(uploadSnSpec, 'sn-only.csv', 'sns', [
      { specNo: 'X', quantity: 3 },
      { specNo: 'Y', quantity: 1 },
    ]);
    expect(result.snGroups).toEqual([]);
    expect(result.problems[0]?.message).toContain('文件只有序列号列，但单据有2行明细');
  });

  it('refuses SN import for a document without SNs', async () => {
    const { result } = await importFixture(purchaseOrderSpec, 'sns.xlsx', 'sns');
    expect(result.problems).toEqual([
      { row: null, column: null, message: '「采购单新建」没有序列号字段，不能导入序列号' },
    ]);
  });
});
