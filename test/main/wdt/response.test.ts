import { describe, expect, it } from 'vitest';
import { classifyHttpResponse, parseEnvelope } from '../../../src/main/wdt/response';
import { explainErpAnswer } from '../../../src/main/wdt/explain';

const json = (value: unknown): string => JSON.stringify(value);

describe('envelope validation', () => {
  it('accepts the documented envelope and keeps message, code and data', () => {
    const parsed = parseEnvelope(json({ status: 100, message: '无该仓库权限', code: 'right.required' }));
    expect(parsed).toEqual({
      ok: true,
      response: { status: 100, message: '无该仓库权限', code: 'right.required' },
    });
  });

  it.each([
    ['a string status', json({ status: '0', data: {} })],
    ['a fractional status', json({ status: 0.5 })],
    ['no status', json({ data: { status: 0, message: 'X' } })],
    ['an array', json([0])],
    ['an object message', json({ status: 1, message: { text: 'x' } })],
  ])('treats %s as an unknown outcome, never a success or refusal', (_label, body) => {
    const outcome = classifyHttpResponse(200, body, 'statusMessage');
    expect(outcome.kind).toBe('unknown');
  });
});

describe('classification', () => {
  it('reads the new document number for statusMessage methods', () => {
    const outcome = classifyHttpResponse(
      200,
      json({ status: 0, data: { status: 0, message: 'WCCK0001' } }),
      'statusMessage',
    );
    expect(outcome).toMatchObject({ kind: 'accepted', documentNo: 'WCCK0001' });
  });

  it('reads data.status 20 as created with failed approval, with the reason', () => {
    const outcome = classifyHttpResponse(
      200,
      json({ status: 0, data: { status: 20, message: '库存不足' } }),
      'statusMessage',
    );
    expect(outcome).toMatchObject({ kind: 'approval-failed', reason: '库存不足' });
  });

  it('does not guess when a success carries an undocumented inner status', () => {
    const outcome = classifyHttpResponse(
      200,
      json({ status: 0, data: { status: 3, message: '?' } }),
      'statusMessage',
    );
    expect(outcome.kind).toBe('unknown');
  });

  it('reads transfer_no for the transfer method and nothing for ack or unknown methods', () => {
    expect(
      classifyHttpResponse(200, json({ status: 0, data: { transfer_no: 'TF38580' } }), 'transferNo'),
    ).toMatchObject({
      kind: 'accepted',
      documentNo: 'TF38580',
    });
    const ack = classifyHttpResponse(200, json({ status: 0, data: { message: 'OK' } }), 'ack');
    expect(ack.kind).toBe('accepted');
    expect(ack).not.toHaveProperty('documentNo');
    const generic = classifyHttpResponse(
      200,
      json({ status: 0, data: { status: 0, message: 'X1' } }),
      'generic',
    );
    expect(generic.kind).toBe('accepted');
    expect(generic).not.toHaveProperty('documentNo');
  });

  it('treats a 5xx or an HTML page as unknown, with the HTTP status and an excerpt', () => {
    const html = classifyHttpResponse(200, '<html><body>请登录</body></html>', 'statusMessage');
    expect(html).toMatchObject({ kind: 'unknown', httpStatus: 200 });
    expect(html.kind === 'unknown' && html.bodyExcerpt).toContain('请登录');
    // Even a refusal-looking body behind a 5xx is not trusted as "nothing created".
    const gateway = classifyHttpResponse(502, json({ status: 1, message: 'x' }), 'statusMessage');
    expect(gateway).toMatchObject({ kind: 'unknown', httpStatus: 502 });
  });

  it('marks only rate limits as resendable', () => {
    const refusal = (status: number, message: string) => {
      const outcome = classifyHttpResponse(200, json({ status, message }), 'statusMessage');
      if (outcome.kind !== 'refused') throw new Error(`expected refused, got ${outcome.kind}`);
      return outcome;
    };
    expect(refusal(100, '超过每分钟最大调用频率限制，请稍后重试').resendable).toBe(true);
    expect(refusal(100, '超过每分钟最大并发次数限制').resendable).toBe(true);
    expect(refusal(100, '外部单号重复!').resendable).toBe(false);
    expect(refusal(1, '验证失败').resendable).toBe(false);
  });
});

describe('what each status proves about a create', () => {
  it.each([
    [1, '验证失败'],
    [2, 'warehous_no'],
    [3, '需要动态口令'],
    [6, 'ip限制'],
    [7, '时间戳错误'],
    [8, '版本错误'],
    [100, '货品列表中有相同商家编码的货品！'],
  ])('status %i (%s) proves nothing was created: refused', (status, message) => {
    const outcome = classifyHttpResponse(200, json({ status, message }), 'statusMessage');
    expect(outcome).toMatchObject({ kind: 'refused', status, message });
    expect(outcome.kind === 'refused' && outcome.explanation).toContain('没有创建单据');
  });

  it.each([
    [4, '数据库错误'],
    [5, '数据库错误'],
    [99, '其他错误'],
    [101, 'unexpected'],
    [-1, ''],
  ])('status %i (%s) proves nothing either way: unknown, with the answer kept', (status, message) => {
    const body = json({ status, message });
    for (const shape of ['statusMessage', 'transferNo', 'ack', 'generic'] as const) {
      const outcome = classifyHttpResponse(200, body, shape);
      expect(outcome).toMatchObject({ kind: 'unknown', httpStatus: 200, response: { status, message } });
      expect(outcome.kind === 'unknown' && outcome.explanation).toContain('不会自动重发');
      expect(outcome.kind === 'unknown' && outcome.explanation).not.toContain('没有创建单据');
    }
  });
});

describe('explanations', () => {
  it.each([
    [1, 'sid is not exists', 'sid'],
    [1, 'app auth fail', 'appkey'],
    [1, '验证失败', 'appsecret'],
    [1, '参数个数错误', '参数个数'],
    [2, 'warehouse_nox', 'warehouse_nox'],
    [3, '需要动态口令', '动态口令'],
    [4, '数据库错误', '数据库'],
    [5, '数据库错误', '数据库'],
    [6, 'ip限制', 'IP 白名单'],
    [7, '时间戳错误', '时间'],
    [8, '版本错误', '版本'],
    [99, '其他错误', '其他错误'],
    [100, '无该仓库权限', '仓库的权限'],
    [100, '外部单号重复!', '已经有这张单据'],
    [100, '超过每分钟最大调用频率限制，请稍后重试', '5–10 分钟'],
    [100, '供应商不存在', '供应商'],
  ])('status %i %s explains with %s', (status, message, keyword) => {
    expect(explainErpAnswer(status, message).explanation).toContain(keyword);
  });
});
