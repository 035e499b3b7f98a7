/**
 * Autocomplete and lookup: the ranking (exact code, exact barcode, code prefix, barcode prefix, name),
 * one suggestion per value, notes, letter case, barcodes shared by several products, and the purchaser
 * rules (suggest only 采购员; a lookup finds anyone by nickname and says when the role is missing).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogInProcess, type OpenedCatalogDb } from '../../../src/main/catalog/inProcess';
import { employee, provider, spec, suite, warehouse } from './storeFixtures';

let db: OpenedCatalogDb;
beforeEach(async () => {
  db = await openCatalogInProcess();
  await db.apply({
    products: [
      spec('6901', '数据线', '1米', ['6901000000001']),
      spec('AB-100', '纯棉短袖T恤', '白色 XL', ['6901234567890', '6901234567891']),
      spec('AB-101', '纯棉短袖T恤', '黑色 XL', ['6901234567892']),
      spec('ab-100', '小写编码的另一个货品', '', []),
      suite('TZ-01', '短袖两件套', ['6901234567890']),
      spec('C-9', 'iPhone 手机壳', '透明', ['AB-100X']),
    ],
    warehouses: [
      warehouse('WH01', '上海主仓'),
      warehouse('WH02', '上海退货仓', true),
      warehouse('SH', '深圳仓'),
    ],
    providers: [provider('P001', '义乌日用品厂'), provider('P002', '宁波服装厂', true)],
    employees: [
      employee('E1', 'zhangsan', '张三', true),
      employee('E2', 'lisi', '李四', false),
      employee('E3', 'zhangwei', '张伟', true, true),
    ],
  });
});
afterEach(async () => {
  await db.close();
});

const values = async (kind: Parameters<OpenedCatalogDb['suggest']>[0], text: string, limit = 50) =>
  (await db.suggest(kind, text, limit)).map((s) => s.value);

describe('suggest for spec_no', () => {
  it('ranks the exact code, then the exact barcode, then code prefixes, then barcode prefixes, then names', async () => {
    // "AB-100": exact (ERP spelling first, then other case), then code prefixes, then the barcode "AB-100X".
    expect(await values('spec', 'AB-100')).toEqual(['AB-100', 'ab-100', 'C-9']);
    const byBarcode = await db.suggest('spec', 'ab-100x', 10);
    expect(byBarcode).toEqual([
      { kind: 'spec', value: 'C-9', label: 'iPhone 手机壳 透明', barcode: 'AB-100X' },
    ]);
    // "6901": the code 6901 exactly first, then products whose barcodes start with it.
    const prefix = await db.suggest('spec', '6901', 10);
    expect(prefix[0]).toEqual({ kind: 'spec', value: '6901', label: '数据线 1米' });
    expect(prefix.slice(1).map((s) => [s.value, s.barcode])).toEqual([
      ['AB-100', '6901234567890'],
      ['TZ-01', '6901234567890'],
      ['AB-101', '6901234567892'],
    ]);
  });

  it('lists every product of a shared barcode, specs before suites, each once', async () => {
    const found = await db.suggest('spec', '6901234567890', 10);
    expect(found).toEqual([
      { kind: 'spec', value: 'AB-100', label: '纯棉短袖T恤 白色 XL', barcode: '6901234567890' },
      { kind: 'spec', value: 'TZ-01', label: '短袖两件套', barcode: '6901234567890', note: '组合装' },
    ]);
  });

  it('finds names by any part, one or more Chinese characters or ASCII in any case', async () => {
    expect(await values('spec', '短袖')).toEqual(['AB-100', 'AB-101', 'TZ-01']);
    expect(await values('spec', '袖')).toEqual(['AB-100', 'AB-101', 'TZ-01']);
    expect(await values('spec', '黑色 X')).toEqual(['AB-101']);
    expect(await values('spec', 'IPHONE')).toEqual(['C-9']);
    expect(await values('spec', '不存在的货')).toEqual([]);
  });

  it('stops at the limit and ignores blank text', async () => {
    expect(await values('spec', '短袖', 2)).toEqual(['AB-100', 'AB-101']);
    expect(await values('spec', '   ')).toEqual([]);
    expect(await values('spec', '短袖', 0)).toEqual([]);
  });
});

describe('suggest for warehouses, suppliers and purchasers', () => {
  it('finds warehouses by code and name, notes disabled ones and ranks them after enabled prefixes', async () => {
    expect(await values('warehouse', 'wh')).toEqual(['WH01', 'WH02']);
    expect(await db.suggest('warehouse', '退货', 5)).toEqual([
      { kind: 'warehouse', value: 'WH02', label: '上海退货仓', note: '已停用' },
    ]);
    // The exact code "SH" first, then names containing "sh" (none), whatever its name.
    expect(await values('warehouse', 'sh')).toEqual(['SH']);
    expect(await values('warehouse', '上海')).toEqual(['WH01', 'WH02']);
  });

  it('finds suppliers by code and name', async () => {
    expect(await values('provider', 'p00')).toEqual(['P001', 'P002']);
    expect(await db.suggest('provider', '服装', 5)).toEqual([
      { kind: 'provider', value: 'P002', label: '宁波服装厂', note: '已停用' },
    ]);
  });

  it('suggests only employees with the 采购员 role, by nickname or name, valued by nickname', async () => {
    expect(await values('purchaser', 'zhang')).toEqual(['zhangsan', 'zhangwei']);
    expect(await values('purchaser', 'ZHANGSAN')).toEqual(['zhangsan']);
    expect(await db.suggest('purchaser', '张伟', 5)).toEqual([
      { kind: 'purchaser', value: 'zhangwei', label: '张伟', note: '已停用' },
    ]);
    expect(await values('purchaser', '李')).toEqual([]);
    expect(await values('purchaser', 'lisi')).toEqual([]);
  });
});

describe('lookup', () => {
  it('finds a spec by code (exact spelling first, else another letter case), else by barcode', async () => {
    expect(
      await db.lookup('spec', ['ab-100', 'Ab-100', ' 6901234567891 ', '6901234567890', 'nothing', '']),
    ).toEqual([
      { found: true, kind: 'spec', value: 'ab-100', label: '小写编码的另一个货品' },
      { found: true, kind: 'spec', value: 'AB-100', label: '纯棉短袖T恤 白色 XL' },
      { found: true, kind: 'spec', value: 'AB-100', label: '纯棉短袖T恤 白色 XL', barcode: '6901234567891' },
      // A barcode of a spec and a suite means the spec.
      { found: true, kind: 'spec', value: 'AB-100', label: '纯棉短袖T恤 白色 XL', barcode: '6901234567890' },
      { found: false },
      { found: false },
    ]);
    expect(await db.lookup('spec', ['tz-01'])).toEqual([
      { found: true, kind: 'spec', value: 'TZ-01', label: '短袖两件套', note: '组合装' },
    ]);
  });

  it('prefers the product whose main barcode it is when a barcode belongs to several specs', async () => {
    await db.apply({ products: [spec('X1', '甲', '', ['111', '999']), spec('X2', '乙', '', ['999'])] });
    expect(await db.lookup('spec', ['999'])).toEqual([
      { found: true, kind: 'spec', value: 'X2', label: '乙', barcode: '999' },
    ]);
  });

  it('finds any employee by nickname and says when the 采购员 role is missing', async () => {
    expect(await db.lookup('purchaser', ['lisi', 'ZhangSan', 'zhangwei', 'wangwu'])).toEqual([
      { found: true, kind: 'purchaser', value: 'lisi', label: '李四', note: '非采购员' },
      { found: true, kind: 'purchaser', value: 'zhangsan', label: '张三' },
      { found: true, kind: 'purchaser', value: 'zhangwei', label: '张伟', note: '已停用' },
      { found: false },
    ]);
  });

  it('finds warehouses and suppliers by code in any letter case', async () => {
    expect(await db.lookup('warehouse', ['wh02', 'WH09'])).toEqual([
      { found: true, kind: 'warehouse', value: 'WH02', label: '上海退货仓', note: '已停用' },
      { found: false },
    ]);
    expect(await db.lookup('provider', ['p001'])).toEqual([
      { found: true, kind: 'provider', value: 'P001', label: '义乌日用品厂' },
    ]);
  });
});
