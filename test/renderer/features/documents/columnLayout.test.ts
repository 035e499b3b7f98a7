import { describe, expect, it } from 'vitest';
import { purchaseOrderSpec, outerOutSpec } from '../../../../src/shared/documents';
import { columnOrder, columnView } from '../../../../src/renderer/features/documents/columnLayout';

const labels = (indexes: readonly number[], fields: typeof purchaseOrderSpec.lines) =>
  indexes.map((index) => fields[index]?.label);

describe('columnOrder', () => {
  it('puts the price next to the quantity and the custom properties last, keeping the spec as it is', () => {
    const fields = purchaseOrderSpec.lines;
    const before = fields.map((field) => field.key);
    const order = labels(columnOrder(fields), fields);
    expect(order.slice(0, 4)).toEqual(['商家编码', '采购数量', '税前单价', '税后单价']);
    expect(order.slice(-4)).toEqual(['自定义属性1', '自定义属性2', '自定义属性3', '自定义属性4']);
    expect(fields.map((field) => field.key)).toEqual(before);
  });

  it('leaves documents already in order of use alone', () => {
    expect(columnOrder(outerOutSpec.lines)).toEqual(outerOutSpec.lines.map((_, index) => index));
  });
});

describe('columnView', () => {
  it('hides chosen columns but never the first (商家编码), and maps screen columns to spec indexes', () => {
    const fields = purchaseOrderSpec.lines;
    const view = columnView(fields, new Set(['spec_no', 'prop1', 'price']));
    expect(view.columns[0]?.key).toBe('spec_no');
    expect(view.columns.map((field) => field.key)).not.toContain('prop1');
    expect(view.columns.map((field) => field.key)).not.toContain('price');
    view.columns.forEach((field, col) => expect(fields[view.specIndex[col] ?? -1]).toBe(field));
  });
});
