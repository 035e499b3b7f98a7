import { describe, expect, it } from 'vitest';
import { documentSpecs, outerOutSpec, purchaseOrderSpec } from '../../../src/shared/documents';
import { createClockOffsetStore } from '../../../src/main/wdt/clock';
import type { FetchLike } from '../../../src/main/wdt/fetchLike';
import { demoAccount } from '../../../src/main/wdt/simulator';
import { clientFor, simulator } from './simulatorHarness';

const outerOutArgs = (orderNo: string, warehouseNo = 'pos'): unknown[] => [
  { warehouse_no: warehouseNo, order_no: orderNo, remark: '破损退回 / 急件' },
  [{ spec_no: 'DFAQT101', num: 2 }],
  false,
];

describe('client against the simulator', () => {
  it.each(documentSpecs.map((spec) => [spec.method, spec] as const))(
    '%s: the vendor example is accepted',
    async (_method, spec) => {
      const sim = await simulator();
      const result = await clientFor(sim).call(spec.method, spec.example.args);
      expect(result.outcome.kind).toBe('accepted');
      expect(result.attempts).toBe(1);
      expect(result.bodyText).toBe(JSON.stringify(spec.example.args));
      if (spec.response === 'ack') {
        expect(result.outcome).not.toHaveProperty('documentNo');
      } else {
        const documentNo = result.outcome.kind === 'accepted' ? result.outcome.documentNo : undefined;
        expect(documentNo).toMatch(/^[A-Z]+\d+$/);
        expect(sim.created.map((doc) => doc.documentNo)).toEqual([documentNo]);
      }
    },
  );

  it('sends exactly the bytes it signed, Chinese text included', async () => {
    const sim = await simulator();
    const sent: Uint8Array[] = [];
    const recordingFetch: FetchLike = (url, init) => {
      sent.push(init.body);
      return fetch(url, init);
    };
    const result = await clientFor(sim, { fetch: recordingFetch }).call(
      outerOutSpec.method,
      outerOutArgs('WO-中文-1'),
    );
    expect(result.outcome.kind).toBe('accepted');
    expect(new TextDecoder().decode(sent[0])).toBe(result.bodyText);
    expect(result.bodyText).toContain('破损退回 / 急件');
    expect(sim.requests[0]?.bodyText).toBe(result.bodyText);
    expect(sim.created[0]?.document.header['remark']).toBe('破损退回 / 急件');
  });

  it.each([600, -600])(
    'corrects a server clock %i s away with one retry, then needs none',
    async (skewSeconds) => {
      const sim = await simulator({ clockSkewMs: skewSeconds * 1000 });
      const client = clientFor(sim);
      const first = await client.call(outerOutSpec.method, outerOutArgs('SKEW-1'));
      expect(first.outcome.kind).toBe('accepted');
      expect(first.attempts).toBe(2);
      expect(first.retries).toEqual(['clock']);
      expect(Math.abs(client.clockOffset.get() - skewSeconds * 1000)).toBeLessThan(3000);
      const second = await client.call(outerOutSpec.method, outerOutArgs('SKEW-2'));
      expect(second.attempts).toBe(1);
      expect(sim.created).toHaveLength(2);
    },
  );

  it('keeps a learned offset in the injected store, so a new client starts right', async () => {
    const sim = await simulator({ clockSkewMs: 300_000 });
    const store = createClockOffsetStore();
    await clientFor(sim, { clockOffset: store }).call(outerOutSpec.method, outerOutArgs('STORE-1'));
    const again = await clientFor(sim, { clockOffset: store }).call(
      outerOutSpec.method,
      outerOutArgs('STORE-2'),
    );
    expect(again.attempts).toBe(1);
  });

  it('retries a timestamp rejection only once when the clock cannot be learned', async () => {
    const sim = await simulator({ clockSkewMs: 600_000 });
    const withoutDate: FetchLike = async (url, init) => {
      const response = await fetch(url, init);
      return { status: response.status, headers: { get: () => null }, text: () => response.text() };
    };
    const result = await clientFor(sim, { fetch: withoutDate }).call(
      outerOutSpec.method,
      outerOutArgs('T-1'),
    );
    expect(result.outcome).toMatchObject({ kind: 'refused', status: 7, resendable: false });
    expect(result.attempts).toBe(2);
    expect(sim.requests).toHaveLength(2);
    expect(sim.created).toHaveLength(0);
  });
});

describe('faults', () => {
  it('a delay beyond the timeout is unknown and not retried', async () => {
    const sim = await simulator();
    sim.injectFault({ kind: 'delay', ms: 1500, times: 1 });
    const result = await clientFor(sim).call(outerOutSpec.method, outerOutArgs('D-1'));
    expect(result.outcome.kind).toBe('unknown');
    expect(result.outcome.kind === 'unknown' && result.outcome.explanation).toContain('不会自动重发');
    expect(result.attempts).toBe(1);
    expect(sim.requests).toHaveLength(1);
  });

  it('HTTP 500 is unknown', async () => {
    const sim = await simulator();
    sim.injectFault({ kind: 'http500', times: 1 });
    const result = await clientFor(sim).call(outerOutSpec.method, outerOutArgs('E-1'));
    expect(result.outcome).toMatchObject({ kind: 'unknown', httpStatus: 500 });
    expect(sim.requests).toHaveLength(1);
  });

  it('an HTML page is unknown, with an excerpt of it', async () => {
    const sim = await simulator();
    sim.injectFault({ kind: 'html', times: 1 });
    const result = await clientFor(sim).call(outerOutSpec.method, outerOutArgs('H-1'));
    expect(result.outcome).toMatchObject({ kind: 'unknown', httpStatus: 200 });
    expect(result.outcome.kind === 'unknown' && result.outcome.bodyExcerpt).toContain('<html>');
    expect(sim.requests).toHaveLength(1);
  });

  it('a reset after the ERP acted is unknown, and the document does exist', async () => {
    const sim = await simulator();
    sim.injectFault({ kind: 'reset', times: 1 });
    const result = await clientFor(sim).call(outerOutSpec.method, outerOutArgs('R-1'));
    expect(result.outcome.kind).toBe('unknown');
    expect(sim.requests).toHaveLength(1);
    expect(sim.created).toHaveLength(1);
  });

  it('a rate limit is refused and resendable; the fault ends after its count', async () => {
    const sim = await simulator();
    sim.injectFault({ kind: 'rateLimit', times: 1 });
    const client = clientFor(sim);
    const limited = await client.call(outerOutSpec.method, outerOutArgs('L-1'));
    expect(limited.outcome).toMatchObject({ kind: 'refused', status: 100, resendable: true });
    expect(sim.created).toHaveLength(0);
    const resent = await client.call(outerOutSpec.method, outerOutArgs('L-1'));
    expect(resent.outcome.kind).toBe('accepted');
  });

  it('a fault without a count lasts until cleared', async () => {
    const sim = await simulator();
    sim.injectFault({ kind: 'http500' });
    const client = clientFor(sim);
    expect((await client.call(outerOutSpec.method, outerOutArgs('C-1'))).outcome.kind).toBe('unknown');
    expect((await client.call(outerOutSpec.method, outerOutArgs('C-1'))).outcome.kind).toBe('unknown');
    sim.clearFaults();
    expect((await client.call(outerOutSpec.method, outerOutArgs('C-1'))).outcome.kind).toBe('accepted');
  });

  it('a closed port is not-sent, retried once automatically', async () => {
    const sim = await simulator();
    await sim.close();
    const result = await clientFor(sim).call(outerOutSpec.method, outerOutArgs('N-1'));
    expect(result.outcome).toMatchObject({ kind: 'not-sent', reason: 'ECONNREFUSED' });
    expect(result.outcome.kind === 'not-sent' && result.outcome.explanation).toContain('可以放心重试');
    expect(result.attempts).toBe(2);
    expect(result.retries).toEqual(['not-sent']);
  });
});

describe('refusals', () => {
  it('a wrong secret is refused with status 1, not resendable, explained in Chinese', async () => {
    const sim = await simulator();
    const salt = demoAccount.appsecret.slice(demoAccount.appsecret.indexOf(':') + 1);
    const credentials = { ...demoAccount, appsecret: `wrongsecret:${salt}` };
    const result = await clientFor(sim, { credentials }).call(outerOutSpec.method, outerOutArgs('A-1'));
    expect(result.outcome).toMatchObject({
      kind: 'refused',
      status: 1,
      message: '验证失败',
      resendable: false,
    });
    expect(result.outcome.kind === 'refused' && result.outcome.explanation).toContain('appsecret');
    expect(result.bodyText).not.toContain('wrongsecret');
  });

  it('an unknown sid points at the sid or the environment', async () => {
    const sim = await simulator();
    const result = await clientFor(sim, { credentials: { ...demoAccount, sid: 'nosuchseller' } }).call(
      outerOutSpec.method,
      outerOutArgs('A-2'),
    );
    expect(result.outcome).toMatchObject({ kind: 'refused', status: 1, message: 'sid is not exists' });
    expect(result.outcome.kind === 'refused' && result.outcome.explanation).toContain('环境');
  });

  it('a reused external number is refused as 外部单号重复!', async () => {
    const sim = await simulator();
    const client = clientFor(sim);
    expect((await client.call(outerOutSpec.method, outerOutArgs('DUP-1'))).outcome.kind).toBe('accepted');
    const again = await client.call(outerOutSpec.method, outerOutArgs('DUP-1'));
    expect(again.outcome).toMatchObject({
      kind: 'refused',
      status: 100,
      message: '外部单号重复!',
      resendable: false,
    });
    expect(sim.created).toHaveLength(1);
  });

  it('a reused purchase_no is refused too', async () => {
    const sim = await simulator();
    const client = clientFor(sim);
    const header = purchaseOrderSpec.example.args[0] as Record<string, unknown>;
    const args = [{ ...header, purchase_no: 'PO-7' }, ...purchaseOrderSpec.example.args.slice(1)];
    expect((await client.call(purchaseOrderSpec.method, args)).outcome.kind).toBe('accepted');
    expect((await client.call(purchaseOrderSpec.method, args)).outcome).toMatchObject({
      kind: 'refused',
      message: '外部单号重复!',
    });
  });

  it('a failed approval is reported as created with the reason', async () => {
    const sim = await simulator({ approvalFailsFor: ['pos'] });
    // Approval can only fail when it was asked for: is_check true.
    const result = await clientFor(sim).call(outerOutSpec.method, [
      ...outerOutArgs('AP-1').slice(0, 2),
      true,
    ]);
    expect(result.outcome.kind).toBe('approval-failed');
    expect(result.outcome.kind === 'approval-failed' && result.outcome.reason).toContain('审核失败');
    expect(sim.created[0]?.approvalFailed).toBe(true);
  });

  it('an invalid document is refused with the ERP’s message', async () => {
    const sim = await simulator();
    const result = await clientFor(sim).call(outerOutSpec.method, [
      { warehouse_no: 'pos' },
      [{ spec_no: 'X', num: 0 }],
      false,
    ]);
    expect(result.outcome).toMatchObject({
      kind: 'refused',
      status: 100,
      message: '数量不合法',
      resendable: false,
    });
    expect(sim.created).toHaveLength(0);
  });

  it('an unknown field name is refused with status 2 naming it', async () => {
    const sim = await simulator();
    const result = await clientFor(sim).call(outerOutSpec.method, [
      { warehouse_no: 'pos', warehous_no: 'x' },
      [{ spec_no: 'X', num: 1 }],
      false,
    ]);
    expect(result.outcome).toMatchObject({ kind: 'refused', status: 2, message: 'warehous_no' });
  });
});
