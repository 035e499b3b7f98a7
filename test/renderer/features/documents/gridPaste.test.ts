import { describe, expect, it } from 'vitest';
import { purchaseOrderSpec, uploadSnSpec } from '../../../../src/shared/documents';
import { parseClipboardGrid } from '../../../../src/renderer/features/documents/clipboardGrid';
import { pasteIntoGrid } from '../../../../src/renderer/features/documents/gridPaste';

const fields = purchaseOrderSpec.lines;
const top = { row: 0, col: 0 };

describe('a paste that starts with its header row', () => {
  it('places columns by header (单价 → 税前单价) and keeps the header row out of the lines', () => {
    const block = parseClipboardGrid('商家编码\t数量\t单价\r\nA1\t12\t3.5\r\nB2\t1,200\t4\r\n');
    const outcome = pasteIntoGrid(fields, [{}], top, block);
    expect(outcome.lines).toEqual([
      { spec_no: 'A1', num: '12', price: '3.5' },
      { spec_no: 'B2', num: '1,200', price: '4' },
    ]);
    expect(outcome.suspicious).toBe(false);
    expect(outcome.message).toBe('已按表头粘贴 2 行（新增 1 行），表头行未作为明细');
  });

  it('fills whole rows from the active row whatever the active column, and warns of unknown headers', () => {
    const block = parseClipboardGrid('货品名称\t商家编码\t数量\n保温杯\tA1\t2\n');
    const outcome = pasteIntoGrid(
      fields,
      [{ spec_no: 'OLD', remark: '留着' }, {}],
      { row: 1, col: 5 },
      block,
    );
    expect(outcome.lines).toEqual([
      { spec_no: 'OLD', remark: '留着' },
      { spec_no: 'A1', num: '2' },
    ]);
    expect(outcome.suspicious).toBe(true);
    expect(outcome.message).toContain('未识别的表头（已忽略）：货品名称');
  });

  it('maps the SN document’s SN码 header to its SN list', () => {
    const block = parseClipboardGrid('商家编码\tSN码\n009\t0090x001\n');
    expect(pasteIntoGrid(uploadSnSpec.lines, [{}], top, block).lines).toEqual([
      { spec_no: '009', sn_list: '0090x001' },
    ]);
  });
});

describe('a paste without a header row', () => {
  it('goes by position from the active cell, as before', () => {
    const block = parseClipboardGrid('A1\t12\nB2\t3\n');
    const outcome = pasteIntoGrid(fields, [{}], top, block);
    expect(outcome.lines).toEqual([
      { spec_no: 'A1', num: '12' },
      { spec_no: 'B2', num: '3' },
    ]);
    expect(outcome.suspicious).toBe(false);
  });

  it('warns when a price lands in 采购单位 or text lands in 采购数量', () => {
    const outcome = pasteIntoGrid(fields, [{}], top, parseClipboardGrid('A1\t十二\t3.5\n'));
    expect(outcome.lines).toEqual([{ spec_no: 'A1', num: '十二', purchase_unit_name: '3.5' }]);
    expect(outcome.suspicious).toBe(true);
    expect(outcome.message).toContain('「采购数量」列有 1 个单元格不是数字');
    expect(outcome.message).toContain('「采购单位」列有 1 个单元格是数字，可能粘贴错了列');
  });

  it('does not take a data row in which one cell happens to be a field word for a header', () => {
    const block = parseClipboardGrid('备注\t5\t个\n');
    const outcome = pasteIntoGrid(fields, [{}], { row: 0, col: 3 }, block);
    expect(outcome.lines[0]?.remark).toBe('备注');
  });
});
