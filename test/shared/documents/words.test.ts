import { describe, expect, it } from 'vitest';
import { documentSpecs } from '../../../src/shared/documents';
import { headerKey } from '../../../src/shared/import/cleanText';
import { fieldNames, lineColumns, snColumns } from '../../../src/shared/import/columns';

describe.each(documentSpecs.map((spec) => [spec.title, spec] as const))('the words of %s', (_title, spec) => {
  const namesOf = (key: string) => {
    const field = spec.lines.find((candidate) => candidate.key === key);
    return field === undefined ? undefined : fieldNames(field).map(headerKey);
  };

  it('call spec_no 商家编码, whatever the page labels it', () => {
    expect(namesOf('spec_no')).toContain('商家编码');
  });

  it('call the quantity 数量 besides the page’s own word', () => {
    const quantity = spec.lineIdentity.quantity;
    if (quantity === undefined) return;
    expect(fieldNames(quantity)).toEqual(expect.arrayContaining(['数量', quantity.label]));
  });

  it('name each column of the lines once: no word leads to two fields', () => {
    const owner = new Map<string, string>();
    for (const column of lineColumns(spec)) {
      for (const name of column.names) {
        const key = headerKey(name);
        expect(owner.get(key) ?? column.field.key, `「${name}」`).toBe(column.field.key);
        owner.set(key, column.field.key);
      }
    }
  });

  it('accept 批次/批次号, 有效期/有效期至, 残次品/是否残次品 and 序列号/SN/SN码 where the page has them', () => {
    const expected: Record<string, string[]> = {
      batch_no: ['批次', '批次号'],
      expire_date: ['有效期', '有效期至'],
      defect: ['残次品', '是否残次品'],
      sn_list: ['序列号', 'sn', 'sn码'],
    };
    for (const [key, words] of Object.entries(expected)) {
      const names = namesOf(key);
      if (names !== undefined) expect(names).toEqual(expect.arrayContaining(words));
    }
  });
});

it('an SN import finds its column by the same words as the grid import', () => {
  for (const spec of documentSpecs) {
    const columns = snColumns(spec);
    if (columns === undefined) continue;
    const sn = columns.find((column) => column.required);
    expect(sn?.names.map(headerKey)).toEqual(expect.arrayContaining(['序列号', 'sn', 'sn码', '串号']));
  }
});
