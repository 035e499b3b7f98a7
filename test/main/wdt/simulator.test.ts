import { describe, expect, it } from 'vitest';
import { outerOutSpec } from '../../../src/shared/documents';
import { signParams, splitAppSecret, wdtTimestamp, type WdtCredentials } from '../../../src/main/wdt/signer';
import { demoAccount, type Simulator } from '../../../src/main/wdt/simulator';
import { simulator } from './simulatorHarness';

interface RawCall {
  readonly bodyText: string;
  /** The text signed as `body`; defaults to bodyText. */
  readonly signedBody?: string;
  readonly method?: string;
  readonly credentials?: WdtCredentials;
  readonly v?: string;
  readonly timestamp?: number;
  readonly omit?: string;
}

/** A hand-built request, so the test controls exactly which bytes are signed and which are sent. */
async function rawCall(
  sim: Simulator,
  call: RawCall,
): Promise<{ httpStatus: number; date: string | null; body: unknown }> {
  const credentials = call.credentials ?? demoAccount;
  const { secret, salt } = splitAppSecret(credentials.appsecret);
  const params: Record<string, string> = {
    sid: credentials.sid,
    key: credentials.appkey,
    salt,
    method: call.method ?? outerOutSpec.method,
    v: call.v ?? '1.0',
    timestamp: String(call.timestamp ?? wdtTimestamp(Date.now() / 1000)),
  };
  const sign = signParams({ ...params, body: call.signedBody ?? call.bodyText }, secret);
  const query = new URLSearchParams({ ...params, sign });
  if (call.omit) query.delete(call.omit);
  const response = await fetch(`${sim.url}?${query.toString()}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: Buffer.from(call.bodyText, 'utf8'),
  });
  return { httpStatus: response.status, date: response.headers.get('date'), body: await response.json() };
}

const chineseBody =
  '[{"warehouse_no":"pos","order_no":"RAW-1","remark":"破损"},[{"spec_no":"A1","num":1}],false]';
const escapedBody =
  '[{"warehouse_no":"pos","order_no":"RAW-1","remark":"\\u7834\\u635f"},[{"spec_no":"A1","num":1}],false]';

describe('simulator signature check', () => {
  it('verifies the sign over the raw bytes received', async () => {
    const sim = await simulator();
    // Same JSON value, different bytes: signing one form and sending the other must fail, as on the ERP.
    const mismatched = await rawCall(sim, { bodyText: escapedBody, signedBody: chineseBody });
    expect(mismatched.body).toEqual({ status: 1, message: '验证失败' });
    expect(sim.created).toHaveLength(0);

    const escaped = await rawCall(sim, { bodyText: escapedBody });
    expect(escaped.body).toMatchObject({ status: 0, data: { status: 0 } });
    expect(sim.created[0]?.document.header['remark']).toBe('破损');
  });

  it('refuses unknown sellers, wrong keys and bad versions like the ERP', async () => {
    const sim = await simulator();
    expect(
      (await rawCall(sim, { bodyText: chineseBody, credentials: { ...demoAccount, sid: 'other' } })).body,
    ).toEqual({
      status: 1,
      message: 'sid is not exists',
    });
    expect(
      (await rawCall(sim, { bodyText: chineseBody, credentials: { ...demoAccount, appkey: 'x' } })).body,
    ).toEqual({
      status: 1,
      message: 'app auth fail',
    });
    expect((await rawCall(sim, { bodyText: chineseBody, v: '2.0' })).body).toEqual({
      status: 8,
      message: '版本错误',
    });
    expect((await rawCall(sim, { bodyText: chineseBody, omit: 'timestamp' })).body).toMatchObject({
      status: 1,
    });
    expect((await rawCall(sim, { bodyText: chineseBody, method: 'no.such.method' })).body).toMatchObject({
      status: 1,
    });
    expect((await rawCall(sim, { bodyText: '{"not":"an array"}' })).body).toMatchObject({ status: 1 });
    expect(sim.created).toHaveLength(0);
  });

  it('keeps a ±120 s window on its own, skewed clock and tells it in the Date header', async () => {
    const sim = await simulator({ clockSkewMs: -3_600_000 });
    const now = Date.now() / 1000;
    const refused = await rawCall(sim, { bodyText: chineseBody, timestamp: wdtTimestamp(now) });
    expect(refused.body).toEqual({ status: 7, message: '时间戳错误' });
    const serverTime = Date.parse(refused.date ?? '');
    expect(Math.abs(serverTime - (Date.now() - 3_600_000))).toBeLessThan(3000);
    const inWindow = await rawCall(sim, { bodyText: chineseBody, timestamp: wdtTimestamp(now - 3600 + 100) });
    expect(inWindow.body).toMatchObject({ status: 0 });
    sim.setClockSkew(0);
    expect((await rawCall(sim, { bodyText: chineseBody.replace('RAW-1', 'RAW-2') })).body).toMatchObject({
      status: 0,
    });
  });

  it('answers only POST on /openapi', async () => {
    const sim = await simulator();
    expect((await fetch(sim.url)).status).toBe(405);
    expect((await fetch(sim.url.replace('/openapi', '/other'), { method: 'POST', body: '[]' })).status).toBe(
      404,
    );
  });

  it('answers by the seller’s ERP settings, given at start and changed at run time', async () => {
    const twoBatches =
      '[{"warehouse_no":"pos"},[{"spec_no":"A1","num":1,"batch_no":"B1"},{"spec_no":"A1","num":1,"batch_no":"B2"}],false]';
    const sim = await simulator({ erpSettings: { allowSameGoods: false, batchAndExpiryRequired: true } });
    expect(sim.erpSettings).toEqual({
      allowSameGoods: false,
      batchAndExpiryRequired: true,
      decimalQuantities: true,
    });
    expect((await rawCall(sim, { bodyText: twoBatches })).body).toEqual({
      status: 100,
      message: '非销售出、入库单批次、有效期必传',
    });
    sim.setErpSettings({ batchAndExpiryRequired: false });
    expect((await rawCall(sim, { bodyText: twoBatches })).body).toEqual({
      status: 100,
      message: '货品列表中有相同商家编码的货品！',
    });
    sim.setErpSettings({ allowSameGoods: true });
    expect((await rawCall(sim, { bodyText: twoBatches })).body).toMatchObject({
      status: 0,
      data: { status: 0 },
    });
    expect(sim.created).toHaveLength(1);
  });

  it('rejects an invalid fault instead of misbehaving silently', async () => {
    const sim = await simulator();
    expect(() => sim.injectFault({ kind: 'delay', ms: -1 })).toThrow(RangeError);
    expect(() => sim.injectFault({ kind: 'http500', times: 0 })).toThrow(RangeError);
  });
});
