import { describe, expect, it } from 'vitest';
import type { FieldSpec, FieldType, RawValue } from '../../src/shared/spec';
import { normalizeField } from '../../src/shared/validate';

function field(label: string, type: FieldType, required = false): FieldSpec {
  return { key: 'k', label, vendorType: 'x', type, required, help: '' };
}

type Case = readonly [
  description: string,
  raw: RawValue,
  expected: { value?: unknown; problem?: string; notice?: string },
];

function runCases(spec: FieldSpec, cases: readonly Case[]): void {
  it.each(cases)('%s', (_description, raw, expected) => {
    expect(normalizeField(spec, raw)).toEqual(expected);
  });
}

describe('blank values', () => {
  const blanks: readonly RawValue[] = ['', '   ', null, undefined, []];
  it.each(blanks)('%j is absent, and a problem only when required', (raw) => {
    expect(normalizeField(field('备注', { kind: 'string' }), raw)).toEqual({});
    expect(normalizeField(field('仓库编号', { kind: 'string' }, true), raw)).toEqual({
      problem: '仓库编号 不能为空',
    });
  });
});

describe('string', () => {
  runCases(field('备注', { kind: 'string', maxLength: 5 }), [
    ['trims surrounding spaces', '  ab c ', { value: 'ab c' }],
    ['keeps a number as its text', 1001, { value: '1001' }],
    ['counts Chinese characters one each', '一二三四五', { value: '一二三四五' }],
    ['counts an emoji as one character', '😀😀😀😀😀', { value: '😀😀😀😀😀' }],
    ['refuses six emoji', '😀😀😀😀😀😀', { problem: '备注 最多5个字符（现有6个）' }],
    ['refuses six Chinese characters', '一二三四五六', { problem: '备注 最多5个字符（现有6个）' }],
    ['refuses a boolean', true, { problem: '备注 必须是文字' }],
    ['refuses a list', ['a'], { problem: '备注 必须是文字' }],
  ]);
});

describe('datetime string', () => {
  runCases(field('预计到货时间', { kind: 'string', maxLength: 19, format: 'datetime' }), [
    ['accepts a real time', '2021-07-10 10:30:01', { value: '2021-07-10 10:30:01' }],
    ['accepts 29 February of a leap year', '2024-02-29 23:59:59', { value: '2024-02-29 23:59:59' }],
    [
      'refuses 29 February of a common year',
      '2023-02-29 10:00:00',
      { problem: '预计到货时间 不是真实的日期时间：2023-02-29 10:00:00' },
    ],
    [
      'refuses hour 24',
      '2021-07-10 24:00:00',
      { problem: '预计到货时间 不是真实的日期时间：2021-07-10 24:00:00' },
    ],
    [
      'refuses month 13',
      '2021-13-01 10:00:00',
      { problem: '预计到货时间 不是真实的日期时间：2021-13-01 10:00:00' },
    ],
    ['reads a date alone as midnight', '2021-07-10', { value: '2021-07-10 00:00:00' }],
    ['reads slashes, as Excel users type', '2021/7/10 10:30:01', { value: '2021-07-10 10:30:01' }],
    ['adds the seconds left out', '2024/5/20 9:05', { value: '2024-05-20 09:05:00' }],
    [
      'refuses a day-month order it cannot tell, naming the form',
      '5/6/2024',
      {
        problem:
          '预计到货时间 日期 "5/6/2024" 无法确定哪个是月、哪个是日，请写成 yyyy-MM-dd HH:mm:ss 格式（例如 2026-01-02）',
      },
    ],
    [
      'refuses what is no date at all',
      '下周一',
      { problem: '预计到货时间 格式必须是 yyyy-MM-dd HH:mm:ss（例如 2021-07-10 10:30:01）' },
    ],
  ]);
});

describe('date string, typed as people type dates', () => {
  runCases(field('有效期', { kind: 'string', maxLength: 50, format: 'date' }), [
    ['2024/5/20', '2024/5/20', { value: '2024-05-20' }],
    ['2024-5-20', '2024-5-20', { value: '2024-05-20' }],
    ['2024.5.20', '2024.5.20', { value: '2024-05-20' }],
    ['2024年5月20日', '2024年5月20日', { value: '2024-05-20' }],
    ['20240520', '20240520', { value: '2024-05-20' }],
    ['full-width digits', '２０２４/５/２０', { value: '2024-05-20' }],
    ['a day above 12 first', '25/12/2026', { value: '2026-12-25' }],
    ['refuses 2024/2/30', '2024/2/30', { problem: '有效期 不是真实的日期：2024-02-30' }],
    [
      'refuses 5/6/2024',
      '5/6/2024',
      {
        problem:
          '有效期 日期 "5/6/2024" 无法确定哪个是月、哪个是日，请写成 yyyy-MM-dd 格式（例如 2026-01-02）',
      },
    ],
  ]);
});

describe('int', () => {
  // A quantity: the pages say Int, not "greater than 0", so 0 or less is pointed out and sent.
  runCases(field('数量', { kind: 'int', maxDigits: 11, positive: 'expected' }), [
    ['accepts a number', 2, { value: 2 }],
    ['accepts a numeric string, as the vendor examples send', '2', { value: 2 }],
    ['accepts a padded numeric string', ' 12 ', { value: 12 }],
    ['accepts full-width digits, as a Chinese IME types them', '１２', { value: 12 }],
    ['accepts thousands separators', '1,200', { value: 1200 }],
    ['accepts full-width thousands separators', '１，２００', { value: 1200 }],
    ['refuses a comma that is no thousands separator', '1,20', { problem: '数量 必须是整数' }],
    ['refuses a fraction', 2.5, { problem: '数量 必须是整数' }],
    ['refuses a fractional string', '2.5', { problem: '数量 必须是整数' }],
    ['refuses Chinese numerals', '五', { problem: '数量 必须是整数' }],
    [
      'keeps zero with a notice',
      0,
      { value: 0, notice: '数量 为 0，通常应大于0；接口文档未说明是否允许，ERP 可能拒绝，请确认' },
    ],
    [
      'keeps a negative with a notice',
      '-3',
      { value: -3, notice: '数量 为 -3，通常应大于0；接口文档未说明是否允许，ERP 可能拒绝，请确认' },
    ],
    ['refuses a boolean', true, { problem: '数量 必须是整数' }],
    ['refuses 12 digits', '123456789012', { problem: '数量 最多11位数字' }],
    ['refuses beyond a 32-bit Int', 3000000000, { problem: '数量 超出整数范围（最大2147483647）' }],
  ]);
  describe('where the vendor requires more than 0', () => {
    runCases(field('件数', { kind: 'int', positive: 'required' }), [
      ['accepts 1', 1, { value: 1 }],
      ['refuses zero', 0, { problem: '件数 必须是大于0的整数' }],
    ]);
  });
});

describe('decimal(19,4)', () => {
  runCases(field('调拨数量', { kind: 'decimal', precision: 19, scale: 4, positive: 'expected' }), [
    ['accepts a numeric string', '10', { value: 10 }],
    ['accepts four decimals', '1.2345', { value: 1.2345 }],
    ['ignores trailing zeros', '1.50000', { value: 1.5 }],
    ['accepts 15 integer digits', '123456789012345', { value: 123456789012345 }],
    ['refuses five decimals', '1.23456', { problem: '调拨数量 最多4位小数' }],
    ['refuses a float that is not what it looks like', 0.1 + 0.2, { problem: '调拨数量 最多4位小数' }],
    ['refuses a tiny number', 1e-7, { problem: '调拨数量 最多4位小数' }],
    ['refuses 16 integer digits', '1234567890123456', { problem: '调拨数量 整数部分最多15位' }],
    ['refuses a huge number', 1e22, { problem: '调拨数量 整数部分最多15位' }],
    [
      'refuses what a double cannot carry exactly',
      '999999999999999.9999',
      { problem: '调拨数量 有效数字过多，无法精确发送' },
    ],
    [
      'keeps zero with a notice',
      '0',
      { value: 0, notice: '调拨数量 为 0，通常应大于0；接口文档未说明是否允许，ERP 可能拒绝，请确认' },
    ],
    [
      'keeps a negative with a notice',
      -1.5,
      { value: -1.5, notice: '调拨数量 为 -1.5，通常应大于0；接口文档未说明是否允许，ERP 可能拒绝，请确认' },
    ],
    ['refuses words', '十', { problem: '调拨数量 必须是数字' }],
    ['refuses a comma decimal', '1,5', { problem: '调拨数量 必须是数字' }],
    ['accepts thousands separators', '1,200.5', { value: 1200.5 }],
    ['accepts full-width digits and point', '１２．５', { value: 12.5 }],
    ['refuses a broken grouping', '12,00', { problem: '调拨数量 必须是数字' }],
  ]);

  describe('where the vendor requires more than 0 (折扣应大于0), with no upper bound', () => {
    runCases(field('折扣', { kind: 'decimal', precision: 19, scale: 4, positive: 'required' }), [
      ['accepts 1', 1, { value: 1 }],
      ['accepts 0.8', '0.8', { value: 0.8 }],
      ['accepts 1.01', '1.01', { value: 1.01 }],
      ['accepts 8', 8, { value: 8 }],
      ['refuses 0', 0, { problem: '折扣 必须大于0' }],
      ['refuses a negative', '-0.5', { problem: '折扣 必须大于0' }],
    ]);
  });
});

describe('boolean', () => {
  const yes: readonly RawValue[] = [true, 'true', 'TRUE', 1, '1', '是'];
  const no: readonly RawValue[] = [false, 'false', 0, '0', '否'];
  const spec = field('是否审核', { kind: 'boolean' }, true);
  it.each(yes)('%j means true', (raw) => expect(normalizeField(spec, raw)).toEqual({ value: true }));
  it.each(no)('%j means false', (raw) => expect(normalizeField(spec, raw)).toEqual({ value: false }));
  it.each<RawValue>(['Y', 'y', 'Yes', '√', 'TRUE', 'Ｙ'])(
    '%j, as spreadsheets write yes, means true',
    (raw) => expect(normalizeField(spec, raw)).toEqual({ value: true }),
  );
  it.each<RawValue>(['N', 'no', '×', 'FALSE'])('%j, as spreadsheets write no, means false', (raw) =>
    expect(normalizeField(spec, raw)).toEqual({ value: false }),
  );
  it.each<RawValue>(['maybe', 2, '对'])('%j is refused', (raw) =>
    expect(normalizeField(spec, raw)).toEqual({ problem: '是否审核 必须是 是/否（true/false）' }),
  );
});

describe('flag (0/1 Int)', () => {
  const spec = field('是否残次品', { kind: 'flag' });
  it.each<RawValue>([1, '1', '是', true, 'true'])('%j becomes 1', (raw) =>
    expect(normalizeField(spec, raw)).toEqual({ value: 1 }),
  );
  it.each<RawValue>([0, '0', '否', false, 'false'])('%j becomes 0', (raw) =>
    expect(normalizeField(spec, raw)).toEqual({ value: 0 }),
  );
  it.each<RawValue>([2, '2', 'x'])('%j is refused', (raw) =>
    expect(normalizeField(spec, raw)).toEqual({ problem: '是否残次品 必须是 0 或 1（否/是）' }),
  );
});

describe('enum', () => {
  const spec = field('源单类型', {
    kind: 'enum',
    options: [
      { value: 0, label: '调整出库' },
      { value: 2, label: '调拨出库' },
      { value: 14, label: '采购退货出库' },
    ],
  });
  runCases(spec, [
    ['accepts a listed number', 14, { value: 14 }],
    ['accepts a listed numeric string', '2', { value: 2 }],
    ['accepts the Chinese label', '调拨出库', { value: 2 }],
    ['accepts value with label as shown in lists', '14（采购退货出库）', { value: 14 }],
    [
      'refuses an unlisted value',
      3,
      { problem: '源单类型 必须是以下之一：0（调整出库）、2（调拨出库）、14（采购退货出库）' },
    ],
    [
      'refuses a boolean',
      true,
      { problem: '源单类型 必须是以下之一：0（调整出库）、2（调拨出库）、14（采购退货出库）' },
    ],
  ]);
});

describe('SN list', () => {
  describe('sent as one comma-joined String', () => {
    runCases(field('序列号列表', { kind: 'snList', wire: 'comma' }), [
      ['splits the wire text on commas', 'xxx1,xxx2,xxx3', { value: ['xxx1', 'xxx2', 'xxx3'] }],
      ['takes one SN per scanned line', 'A1\nA2\r\n\nA3\n', { value: ['A1', 'A2', 'A3'] }],
      ['accepts a full-width comma', 'A1，A2', { value: ['A1', 'A2'] }],
      ['keeps leading zeros', ['007', '008'], { value: ['007', '008'] }],
      ['refuses an empty piece between commas', 'A1,,A2', { problem: '序列号列表 第2个序列号为空' }],
      [
        'keeps a repeated SN with a notice',
        'A1,A2,A1',
        { value: ['A1', 'A2', 'A1'], notice: '序列号列表 中序列号 "A1" 出现了不止一次，请确认是否重复扫描' },
      ],
      [
        'refuses an SN that contains a comma',
        ['A,1'],
        { problem: '序列号列表 中的序列号 "A,1" 含有逗号，无法发送' },
      ],
    ]);
  });
  describe('sent as List<String>', () => {
    runCases(field('sn列表', { kind: 'snList', wire: 'array' }, true), [
      ['keeps the array', ['SNTEST0x001', 'SNTEST0x002'], { value: ['SNTEST0x001', 'SNTEST0x002'] }],
      ['allows a comma inside an SN', ['A,1'], { value: ['A,1'] }],
      ['refuses an empty SN', ['A1', ' '], { problem: 'sn列表 第2个序列号为空' }],
      [
        'keeps a repeated SN with a notice',
        ['A1', 'A1'],
        { value: ['A1', 'A1'], notice: 'sn列表 中序列号 "A1" 出现了不止一次，请确认是否重复扫描' },
      ],
      ['refuses an empty list as blank', [], { problem: 'sn列表 不能为空' }],
      ['refuses a number', 5, { problem: 'sn列表 必须是序列号列表' }],
    ]);
  });
});

describe('a date the page types as String (有效期)', () => {
  runCases(field('有效期', { kind: 'string', maxLength: 50, dateLike: true }), [
    ['sends 2024/5/20 as yyyy-MM-dd', '2024/5/20', { value: '2024-05-20' }],
    ['sends 20240520 as yyyy-MM-dd', '20240520', { value: '2024-05-20' }],
    ['keeps a time that was given', '2024/5/20 8:00', { value: '2024-05-20 08:00:00' }],
    [
      'refuses a day-month order it cannot tell',
      '5/6/2024',
      {
        problem:
          '有效期 日期 "5/6/2024" 无法确定哪个是月、哪个是日，请写成 yyyy-MM-dd 格式（例如 2026-01-02）',
      },
    ],
    [
      'sends other text as it is, with a notice',
      '长期',
      {
        value: '长期',
        notice: '有效期 "长期" 不像日期；ERP 通常要求 yyyy-MM-dd 格式（例如 2026-01-02），请确认',
      },
    ],
  ]);
});
