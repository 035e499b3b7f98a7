/**
 * Every message in the vendor's error table is recognised and explained from the one table in the code.
 * The vendor page itself is read here, so a message added to it (or dropped from the code) fails the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findVendorMessage, generalMeaning, vendorMessages } from '../../../src/main/wdt/erpMessages';
import { explainErpAnswer } from '../../../src/main/wdt/explain';

interface VendorRow {
  readonly status: number;
  readonly message: string;
}

/**
 * The rows of the vendor's table: `| 状态 | 异常描述 | 解决办法 |`, markdown escapes removed. The page is kept
 * verbatim in the repository (a copy of ../shared/wdt-api/error-codes.md), so the test runs on any clone.
 */
function vendorTable(): VendorRow[] {
  const page = readFileSync(join(__dirname, '../../fixtures/vendor/error-codes.md'), 'utf8');
  const rows: VendorRow[] = [];
  for (const line of page.split('\n')) {
    const match = /^\|\s*(\d+)\s*\|(.*)\|$/.exec(line.trim());
    if (!match) continue;
    const cells = (match[2] ?? '').split(' | ');
    rows.push({ status: Number(match[1]), message: (cells[0] ?? '').trim().replace(/\\(.)/g, '$1') });
  }
  return rows;
}

const table = vendorTable();

describe("the vendor's error table", () => {
  it('is read from the page (the parser sees every row, first and last)', () => {
    expect(table.length).toBeGreaterThanOrEqual(80);
    expect(table[0]).toEqual({ status: 1, message: '参数错误' });
    expect(table.at(-1)).toEqual({ status: 100, message: '传入店铺编号全部错误' });
  });

  it.each(table.map((row) => [row.status, row.message] as const))(
    'status %i “%s” is recognised as its own row',
    (status, message) => {
      const row = findVendorMessage(status, message);
      expect(row).toMatchObject({ status, vendorText: message, source: 'error-codes' });
      const reading = explainErpAnswer(status, message);
      expect(reading.documented).toBe(true);
      expect(reading.explanation).not.toContain('{message}');
      expect(reading.explanation).not.toContain(generalMeaning(status));
    },
  );

  it('holds no row claiming to be from the error table that the page does not list', () => {
    const onPage = new Set(table.map((row) => `${row.status} ${row.message}`));
    const claimed = vendorMessages.filter((row) => row.source === 'error-codes');
    expect(claimed.filter((row) => !onPage.has(`${row.status} ${row.vendorText}`))).toEqual([]);
    expect(claimed).toHaveLength(table.length);
  });
});

describe('messages that carry values, and punctuation the ERP varies', () => {
  it.each([
    [100, '货品 DFAQT101 重复!', '货品 xxx 重复!'],
    [100, '批次 B-2024-01 不存在或已停用', '批次 xxx 不存在或已停用'],
    [100, '员工李四 不存在或已删除!', '员工xxxxx 不存在或已删除!'],
    [
      100,
      '商家编码(spec_no):DFAQT101,调拨量不能大于可出库存量',
      '商家编码(spec_no):xxx,调拨量不能大于可出库存量',
    ],
    [100, 'remarkmust not be null', '字段名must not be null'],
    [100, 'end_time 不能为空', 'xxx不能为空'],
    [100, '超过每分钟最大调用频率限制,请稍后重试', '超过每分钟最大调用频率限制，请稍后重试'],
    [100, '货品列表中有相同商家编码的货品!', '货品列表中有相同商家编码的货品！'],
    [
      100,
      'Data truncation: Data too long for column remark at row 1',
      'Data truncation: Data too long for column xxx',
    ],
    [1, 'For input string: "abc"', 'For input string: "1665947116495"'],
    [2, 'warehous_no', 'shop_no'],
  ])('status %i “%s” is the vendor row “%s”', (status, message, vendorText) => {
    expect(findVendorMessage(status, message)?.vendorText).toBe(vendorText);
  });

  it('puts the ERP’s own words where the remedy needs them (status 2 names the field)', () => {
    expect(explainErpAnswer(2, 'warehous_no').explanation).toContain('“warehous_no”');
  });

  it.each([
    [100, '供应商不存在'],
    [100, '无该仓库权限'],
    [100, '源仓库不存在'],
    [100, '仓库编号为 wdtapi3-test11 的仓库不存在!'],
    [100, '出库单号不可以为空'],
    [100, '外部单号重复!'],
  ])('the method pages’ example %i “%s” is recognised too', (status, message) => {
    expect(explainErpAnswer(status, message).documented).toBe(true);
  });
});

describe('messages that depend on how the seller set up the ERP', () => {
  it.each([
    ['货品列表中有相同商家编码的货品！', '允许添加相同的货品（货位、批次、有效期不同）'],
    ['货品列表中有相同商家编码、货位、批次、有效期的货品', '合并'],
    ['非销售出、入库单批次、有效期必传', '仓库设置'],
    ['数量不合法', '小数'],
    ['所选采购员没有采购员的职务,不能进行采购操作!', '采购员工种'],
    ['请选择采购员！', '采购员'],
    ['无仓库访问权限', '员工权限'],
    ['存在不是该供应商提供的货品', '添加货品时校验供应商'],
    ['不属于当前供应商的货品', '采购权限管理'],
  ])('“%s” explains the setting (%s) and what to do', (message, setting) => {
    const reading = explainErpAnswer(100, message);
    expect(reading).toMatchObject({ verdict: 'refused', resendable: false, documented: true });
    expect(reading.explanation).toContain(setting);
  });
});

describe('rate limits', () => {
  it.each(['超过每分钟最大调用频率限制，请稍后重试', '超过每分钟最大并发次数限制，请稍后重试'])(
    '“%s” is refused, resendable, with the vendor’s advice to wait 5–10 minutes',
    (message) => {
      const reading = explainErpAnswer(100, message);
      expect(reading).toMatchObject({ verdict: 'refused', resendable: true });
      expect(reading.explanation).toContain('5–10 分钟');
    },
  );

  it('is resendable only with status 100; the same words with status 99 prove nothing', () => {
    expect(explainErpAnswer(99, '超过每分钟最大调用频率限制')).toMatchObject({
      verdict: 'unknown',
      resendable: false,
    });
  });
});

describe('a message the vendor never documented', () => {
  it('is shown word for word, with the general meaning of its status', () => {
    const message = '货位 A-01-02 已冻结，不能出库';
    const reading = explainErpAnswer(100, message);
    expect(reading.documented).toBe(false);
    expect(reading.explanation).toContain(`“${message}”`);
    expect(reading.explanation).toContain(generalMeaning(100));
    expect(reading.explanation).toContain('没有创建');
  });

  it('with a status that proves nothing, says the document may exist', () => {
    const reading = explainErpAnswer(99, 'java.lang.NullPointerException');
    expect(reading).toMatchObject({ verdict: 'unknown', documented: false });
    expect(reading.explanation).toContain('“java.lang.NullPointerException”');
    expect(reading.explanation).toContain('不能证明单据没有创建');
  });

  it('with a status the vendor never listed, names the status', () => {
    const reading = explainErpAnswer(42, '');
    expect(reading.verdict).toBe('unknown');
    expect(reading.explanation).toContain('状态 42');
  });
});
