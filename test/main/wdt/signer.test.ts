import { describe, expect, it } from 'vitest';
import {
  prepareRequest,
  signParams,
  splitAppSecret,
  wdtTimestamp,
  WdtConfigError,
} from '../../../src/main/wdt/signer';

const vendor = {
  sid: 'wdterp30',
  appkey: 'czhc',
  appsecret: '693f9fed686bfe13441385da98b436b6:dd488d0802b1e431e4c72cd355847853',
};

describe('signer', () => {
  it('reproduces the vendor example signature', () => {
    const { secret, salt } = splitAppSecret(vendor.appsecret);
    const sign = signParams(
      {
        sid: 'wdterp30',
        key: 'czhc',
        salt,
        method: 'wms.stockout.Sales.weighingExt',
        v: '1.0',
        timestamp: '232623153',
        body: '["xc109393939393939","",1.2,0,false]',
      },
      secret,
    );
    expect(sign).toBe('20f557aaf9190797c581bbceeb6d5a5c');
  });

  it('prepares the vendor example request: same sign, body sent as signed, secret never in the URL', () => {
    const prepared = prepareRequest({
      baseUrl: 'http://47.92.239.46/openapi',
      credentials: vendor,
      method: 'wms.stockout.Sales.weighingExt',
      args: ['xc109393939393939', '', 1.2, 0, false],
      timestamp: 232623153,
    });
    expect(prepared.sign).toBe('20f557aaf9190797c581bbceeb6d5a5c');
    expect(prepared.bodyText).toBe('["xc109393939393939","",1.2,0,false]');
    expect(new TextDecoder().decode(prepared.bodyBytes)).toBe(prepared.bodyText);
    const url = new URL(prepared.url);
    expect(url.pathname).toBe('/openapi');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      key: 'czhc',
      method: 'wms.stockout.Sales.weighingExt',
      salt: 'dd488d0802b1e431e4c72cd355847853',
      sid: 'wdterp30',
      timestamp: '232623153',
      v: '1.0',
      sign: '20f557aaf9190797c581bbceeb6d5a5c',
    });
    expect(prepared.url).not.toContain('693f9fed686bfe13441385da98b436b6');
  });

  it('signs Chinese text as UTF-8 bytes, unescaped', () => {
    const prepared = prepareRequest({
      baseUrl: 'http://127.0.0.1/openapi',
      credentials: vendor,
      method: 'm',
      args: [{ remark: '退货 / 破损' }],
      timestamp: 1,
    });
    expect(prepared.bodyText).toBe('[{"remark":"退货 / 破损"}]');
    expect(prepared.bodyBytes.length).toBe(Buffer.byteLength(prepared.bodyText, 'utf8'));
  });

  it('splits the appsecret at the first colon only', () => {
    expect(splitAppSecret('abc:def:ghi')).toEqual({ secret: 'abc', salt: 'def:ghi' });
    expect(() => splitAppSecret('no-colon')).toThrow(WdtConfigError);
    expect(() => splitAppSecret(':salt')).toThrow(WdtConfigError);
    expect(() => splitAppSecret('secret:')).toThrow(WdtConfigError);
  });

  it('sends everything after the first colon as the salt, and signs with what precedes it', () => {
    const prepared = prepareRequest({
      baseUrl: 'http://127.0.0.1/openapi',
      credentials: { sid: 's', appkey: 'k', appsecret: 'sec:salt:with:colons' },
      method: 'm',
      args: [],
      timestamp: 1,
    });
    const query = new URL(prepared.url).searchParams;
    expect(query.get('salt')).toBe('salt:with:colons');
    const { sign: _sign, ...signed } = Object.fromEntries(query);
    expect(prepared.sign).toBe(signParams({ ...signed, body: '[]' }, 'sec'));
    expect(prepared.url).not.toContain('sec%3A');
  });

  it('never puts the secret in a configuration error message', () => {
    try {
      splitAppSecret('topsecretvalue');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain('topsecretvalue');
    }
  });

  it('counts timestamps from 2012-01-01 00:00 UTC+8 in whole seconds', () => {
    expect(wdtTimestamp(1325347200)).toBe(0);
    expect(wdtTimestamp(1325347200 + 232623153.9)).toBe(232623153);
  });

  it('rejects a base URL that is not http(s)', () => {
    const input = { credentials: vendor, method: 'm', args: [], timestamp: 0 };
    expect(() => prepareRequest({ ...input, baseUrl: 'not a url' })).toThrow(WdtConfigError);
    expect(() => prepareRequest({ ...input, baseUrl: 'ftp://example.invalid/openapi' })).toThrow(
      WdtConfigError,
    );
  });
});
