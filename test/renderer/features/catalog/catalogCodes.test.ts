import { describe, expect, it } from 'vitest';
import type { CatalogKind, CatalogMatch } from '../../../../src/shared/catalog';
import { documentSpecs, outerOutSpec, purchaseOrderSpec } from '../../../../src/shared/documents';
import {
  catalogNotices,
  codesByKind,
  codesInDocument,
  codesOfValue,
  nameText,
  visibleCodes,
} from '../../../../src/renderer/features/catalog/catalogCodes';
import { barcodeReplacements } from '../../../../src/renderer/features/catalog/barcodeEntry';
import { listProblems } from '../../../../src/renderer/features/documents/problemIndex';

const field = (spec: typeof purchaseOrderSpec, key: string) => {
  const found = [...spec.header, ...spec.lines].find((candidate) => candidate.key === key);
  if (!found) throw new Error(key);
  return found;
};

/** A catalog of a few records, answering as main does (a barcode answers with its spec_no). */
const catalog: Record<string, CatalogMatch> = {
  'spec:DFAQT101': { found: true, kind: 'spec', value: 'DFAQT101', label: '保温杯 红色' },
  'spec:6901234567892': {
    found: true,
    kind: 'spec',
    value: 'DFAQT101',
    label: '保温杯 红色',
    barcode: '6901234567892',
  },
  'spec:dfaqt101': { found: true, kind: 'spec', value: 'DFAQT101', label: '保温杯 红色' },
  'spec:NOPE': { found: false },
  'warehouse:lz': { found: true, kind: 'warehouse', value: 'lz', label: '兰州仓' },
  'warehouse:gone': { found: false },
  'provider:LCJtest': { found: true, kind: 'provider', value: 'LCJtest', label: '李氏供应' },
  'purchaser:lj': { found: true, kind: 'purchaser', value: 'lj', label: '李军' },
  'purchaser:wang': { found: true, kind: 'purchaser', value: 'wang', label: '王五', note: '非采购员' },
};
const lookup = (kind: CatalogKind, code: string) => catalog[`${kind}:${code}`];

describe('which fields are catalog codes', () => {
  it('marks spec_no, the warehouses, the supplier and the purchaser in every document', () => {
    const marked = documentSpecs.flatMap((spec) =>
      [...spec.header, ...spec.positional, ...spec.lines]
        .filter((candidate) => candidate.catalog !== undefined)
        .map((candidate) => `${candidate.key}:${candidate.catalog}`),
    );
    expect(new Set(marked)).toEqual(
      new Set([
        'spec_no:spec',
        'warehouse_no:warehouse',
        'from_warehouse_no:warehouse',
        'to_warehouse_no:warehouse',
        'receive_warehouse_nos:warehouse',
        'expect_warehouse_no:warehouse',
        'provider_no:provider',
        'purchaser_name:purchaser',
      ]),
    );
    expect(marked.filter((entry) => entry === 'spec_no:spec')).toHaveLength(documentSpecs.length);
  });

  it('reads a warehouse list separated by commas, and other codes whole and trimmed', () => {
    expect(codesOfValue(field(purchaseOrderSpec, 'receive_warehouse_nos'), ' lz, pos，x ,')).toEqual([
      'lz',
      'pos',
      'x',
    ]);
    expect(codesOfValue(field(purchaseOrderSpec, 'spec_no'), '  A,B ')).toEqual(['A,B']);
    expect(codesOfValue(field(purchaseOrderSpec, 'spec_no'), '   ')).toEqual([]);
    expect(codesOfValue(field(purchaseOrderSpec, 'purchase_no'), 'P1')).toEqual([]);
  });

  it('lists each code once per field, header first, and stops at a limit', () => {
    const uses = codesInDocument(
      purchaseOrderSpec,
      {
        provider_no: 'LCJtest',
        receive_warehouse_nos: 'lz',
        expect_warehouse_no: 'lz',
        purchaser_name: 'lj',
      },
      [{ spec_no: 'A' }, { spec_no: 'B' }, { spec_no: 'A' }],
    );
    expect(uses.map((use) => `${use.field.key}=${use.code}`)).toEqual([
      'provider_no=LCJtest',
      'receive_warehouse_nos=lz',
      'expect_warehouse_no=lz',
      'purchaser_name=lj',
      'spec_no=A',
      'spec_no=B',
    ]);
    expect(codesByKind(uses).get('warehouse')).toEqual(['lz']);
    expect(codesInDocument(purchaseOrderSpec, {}, [{ spec_no: 'A' }, { spec_no: 'B' }], 1)).toHaveLength(1);
  });

  it('asks only for the rows on screen, however long the grid', () => {
    const lines = Array.from({ length: 200_000 }, (_, row) => ({ spec_no: `S${row}`, num: '1' }));
    const asked = visibleCodes(outerOutSpec.lines, lines, 1000, 1039);
    expect(asked.get('spec')).toHaveLength(40);
    expect(asked.get('spec')?.[0]).toBe('S1000');
  });
});

describe('notices before sending', () => {
  it('warns of a missing code on its row and of a purchaser without the role, never as an error', () => {
    const notices = catalogNotices(
      purchaseOrderSpec,
      {
        provider_no: 'LCJtest',
        receive_warehouse_nos: 'lz,gone',
        expect_warehouse_no: 'lz',
        purchaser_name: 'wang',
      },
      [{ spec_no: 'DFAQT101' }, { spec_no: 'NOPE' }, { spec_no: 'not-looked-up-yet' }],
      lookup,
    );
    expect(notices.map((notice) => [JSON.stringify(notice.path), notice.message])).toEqual([
      [
        '{"area":"header","field":"receive_warehouse_nos"}',
        'gone：目录中没有这个仓库编号：可能拼错，或目录未同步',
      ],
      ['{"area":"header","field":"purchaser_name"}', '该员工没有采购员工种'],
      ['{"area":"lines","row":1,"field":"spec_no"}', '目录中没有这个商家编码：可能拼错，或目录未同步'],
    ]);
    expect(notices.every((notice) => notice.severity === 'warning')).toBe(true);
  });

  it('stops at a bound, however many rows a stale catalog does not know', () => {
    const lines = Array.from({ length: 5000 }, () => ({ spec_no: 'NOPE' }));
    expect(catalogNotices(outerOutSpec, {}, lines, lookup, 100)).toHaveLength(100);
  });

  it('lists them as catalog notices after the checks', () => {
    const listed = listProblems(
      outerOutSpec,
      [],
      [],
      [],
      [
        {
          path: { area: 'lines', row: 1, field: 'spec_no' },
          message: '目录中没有这个商家编码：可能拼错，或目录未同步',
          severity: 'error',
        },
      ],
    );
    expect(listed).toEqual([
      expect.objectContaining({ location: '第2行 · 商家编码', severity: 'warning', source: 'catalog' }),
    ]);
  });
});

describe('names and barcodes', () => {
  it('shows the name, a note and the barcode a code was typed as', () => {
    expect(nameText(lookup('spec', 'DFAQT101'), '6901234567892')).toBe('保温杯 红色 · 条码 6901234567892');
    expect(nameText(lookup('purchaser', 'wang'))).toBe('王五 · 非采购员');
    expect(nameText({ found: false })).toBe('');
    expect(nameText(undefined)).toBe('');
  });

  it('turns a barcode into its spec_no, and leaves codes, case variants and unknown text as typed', () => {
    const typed = [
      { row: 0, text: '6901234567892' },
      { row: 1, text: 'DFAQT101' },
      { row: 2, text: 'dfaqt101' },
      { row: 3, text: 'NOPE' },
      { row: 4, text: ' 6901234567892 ' },
    ];
    expect(barcodeReplacements(typed, (code) => lookup('spec', code))).toEqual([
      { row: 0, barcode: '6901234567892', specNo: 'DFAQT101' },
      { row: 4, barcode: '6901234567892', specNo: 'DFAQT101' },
    ]);
  });
});
