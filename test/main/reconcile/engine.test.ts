/** 核对 per document, against a fake ERP: what a warehouse supervisor would conclude from the same answers. */
import { describe, expect, it } from 'vitest';
import { reconcile, type EvidenceInput } from '../../../src/main/reconcile/engine';
import { transferReferenceFor, remarkWithReference } from '../../../src/shared/transferReference';
import { erpTime, FakeQueryClient } from './fakeQueryClient';

const sentAt = new Date('2026-11-20T02:00:00Z');
const now = () => sentAt.getTime() + 60 * 60_000;
const run = (input: Omit<EvidenceInput, 'sentAt'>, client: FakeQueryClient) =>
  reconcile({ ...input, sentAt }, client, { now });

const OUTER_OUT = 'wms.outer.OuterOut.createOrder';
const OUTER_OUT_QUERY = 'wms.outer.OuterOut.queryWithDetail';
const outerOutClient = () => new FakeQueryClient({ [OUTER_OUT_QUERY]: 'created' });
const outOrder = (
  no: string,
  minutes: number,
  lines = [{ spec_no: 'A1', num: '2.0000', defect: false }],
) => ({
  outer_out_no: no,
  warehouse_no: 'WH1',
  src_order_type: 0,
  created: erpTime(sentAt, minutes),
  remark: '',
  detail_list: lines,
});

describe('OuterOut', () => {
  const withNo = {
    method: OUTER_OUT,
    args: [{ warehouse_no: 'WH1', order_no: 'OUT-7' }, [{ spec_no: 'A1', num: 2 }], true],
  };

  it('finds the document by its external number: created, with that number', async () => {
    const client = outerOutClient().add(OUTER_OUT_QUERY, outOrder('OUT-7', 0.2), outOrder('OUT-8', 0.3));
    const run1 = await run(withNo, client);
    expect(run1).toMatchObject({ ok: true, finding: { state: 'created', documentNo: 'OUT-7' } });
    expect(run1.ok && run1.finding.queries).toEqual([OUTER_OUT_QUERY]);
    expect(client.calls[0]?.params).toMatchObject({ outer_out_no: 'OUT-7', warehouse_no: 'WH1' });
    expect(client.calls[0]?.window?.from.getTime()).toBeLessThan(sentAt.getTime());
  });

  it('is not created when the ERP has no document of that number', async () => {
    const result = await run(withNo, outerOutClient().add(OUTER_OUT_QUERY, outOrder('OUT-8', 0.2)));
    expect(result).toMatchObject({ ok: true, finding: { state: 'not_created' } });
    expect(result.ok && result.finding.documentNo).toBeUndefined();
  });

  it('without a number, matches the lines among the stock-outs created after the send', async () => {
    const noNo = { method: OUTER_OUT, args: [{ warehouse_no: 'WH1' }, [{ spec_no: 'A1', num: 2 }], true] };
    const other = outOrder('CK-2', 0.5, [{ spec_no: 'B2', num: '2', defect: false }]);
    const client = outerOutClient().add(OUTER_OUT_QUERY, outOrder('CK-1', 0.3), other);
    expect(await run(noNo, client)).toMatchObject({
      ok: true,
      finding: { state: 'created', documentNo: 'CK-1' },
    });
    const onlyOther = outerOutClient().add(OUTER_OUT_QUERY, other);
    expect(await run(noNo, onlyOther)).toMatchObject({ ok: true, finding: { state: 'not_created' } });
  });

  it('a refused query is uncertain and names the permission the account lacks', async () => {
    const result = await run(withNo, outerOutClient().refuse(OUTER_OUT_QUERY, '无仓库访问权限'));
    expect(result).toMatchObject({
      ok: true,
      finding: {
        state: 'uncertain',
        missingPermission: { method: OUTER_OUT_QUERY, message: '无仓库访问权限' },
      },
    });
    expect(result.ok && result.finding.missingPermission?.remedy).toContain(OUTER_OUT_QUERY);
  });

  it('a query that fails ends the check without a finding', async () => {
    const result = await run(withNo, outerOutClient().fail(OUTER_OUT_QUERY));
    expect(result).toMatchObject({ ok: false, calls: 1 });
    expect(!result.ok && result.reason).toContain('连接被拒绝');
  });
});

describe('PurchaseOrder', () => {
  const METHOD = 'purchase.PurchaseOrder.createOrder';
  const QUERY = 'purchase.PurchaseOrder.queryWithDetail';
  const order = (no: string, minutes: number) => ({
    purchase_no: no,
    provider_no: 'P1',
    warehouse_no: 'WH1',
    created: erpTime(sentAt, minutes),
    modified: erpTime(sentAt, minutes),
    detail_list: [{ spec_no: 'A1', num: '5' }],
  });
  const params = {
    provider_no: 'P1',
    expect_warehouse_no: 'WH1',
    purchase_details: [{ spec_no: 'A1', num: 5 }],
  };
  const client = () => new FakeQueryClient({ [QUERY]: 'modified' });

  it('with purchase_no: created with that number, or not created', async () => {
    const args = [{ ...params, purchase_no: 'PO-1' }];
    expect(await run({ method: METHOD, args }, client().add(QUERY, order('PO-1', 0.1)))).toMatchObject({
      ok: true,
      finding: { state: 'created', documentNo: 'PO-1' },
    });
    expect(await run({ method: METHOD, args }, client())).toMatchObject({
      ok: true,
      finding: { state: 'not_created' },
    });
  });

  it('without purchase_no, two orders with our lines after the send are both shown, and nothing is decided', async () => {
    const result = await run(
      { method: METHOD, args: [params] },
      client().add(QUERY, order('CG-1', 0.1), order('CG-2', 0.4)),
    );
    expect(result).toMatchObject({ ok: true, finding: { state: 'uncertain' } });
    expect(result.ok && result.finding.candidates?.map((c) => c.documentNo)).toEqual(['CG-1', 'CG-2']);
  });
});

describe('PurchaseReturn', () => {
  const METHOD = 'wms.stockout.PurchaseReturn.createOrder';
  const QUERY = 'wms.stockout.PurchaseReturn.queryWithDetail';
  const args = [{ return_no: 'TH-1', warehouse_no: 'WH1' }, [{ spec_no: 'A1', num: 3 }]];
  const stockout = (no: string, minutes: number) => ({
    order_no: no,
    src_order_no: 'TH-1',
    warehouse_no: 'WH1',
    create_time: erpTime(sentAt, minutes),
    details_list: [{ spec_no: 'A1', goods_count: '3.0000', defect: false }],
  });

  it('an earlier stock-out of the same return, with the same lines, is not ours', async () => {
    const client = new FakeQueryClient().add(QUERY, stockout('CK-OLD', -24 * 60), stockout('CK-NEW', 0.2));
    const result = await run({ method: METHOD, args }, client);
    expect(result).toMatchObject({ ok: true, finding: { state: 'created', documentNo: 'CK-NEW' } });
    expect(result.ok && result.finding.evidence).toContain('CK-OLD');
    expect(client.calls[0]?.params).toMatchObject({ src_order_no: 'TH-1' });
  });

  it('only the earlier stock-out: not created', async () => {
    const result = await run(
      { method: METHOD, args },
      new FakeQueryClient().add(QUERY, stockout('CK-OLD', -120)),
    );
    expect(result).toMatchObject({ ok: true, finding: { state: 'not_created' } });
    expect(result.ok && result.finding.evidence).toContain('不是本次创建的');
  });
});

describe('uploadSN', () => {
  const METHOD = 'wms.stockout.Base.uploadSN';
  const GOODS_SN = 'wms.GoodsSN.queryWithDetail';
  const SEARCH_SN = 'wms.stockout.Base.searchSN';
  const args = [
    { stockout_no: 'CK-9', order_type: 21 },
    [
      { spec_no: 'A1', sn_list: ['SN1', 'SN2'] },
      { spec_no: 'B2', sn_list: ['SN3'] },
    ],
  ];
  const sn = (value: string, stockoutNo = 'CK-9') => ({ sn: value, stockout_no: stockoutNo, spec_no: 'A1' });

  it('all our SNs on the order: created; none: not created', async () => {
    const all = new FakeQueryClient().add(GOODS_SN, sn('SN1'), sn('SN2'), sn('SN3'));
    expect(await run({ method: METHOD, args }, all)).toMatchObject({
      ok: true,
      finding: { state: 'created', documentNo: 'CK-9', sns: { present: ['SN1', 'SN2', 'SN3'], missing: [] } },
    });
    const elsewhere = new FakeQueryClient().add(GOODS_SN, sn('SN1', 'CK-OTHER'));
    expect(await run({ method: METHOD, args }, elsewhere)).toMatchObject({
      ok: true,
      finding: { state: 'not_created', sns: { present: [], missing: ['SN1', 'SN2', 'SN3'] } },
    });
  });

  it('SNs partly present: uncertain, saying which are missing', async () => {
    const result = await run({ method: METHOD, args }, new FakeQueryClient().add(GOODS_SN, sn('SN1')));
    expect(result).toMatchObject({
      ok: true,
      finding: { state: 'uncertain', sns: { present: ['SN1'], missing: ['SN2', 'SN3'] } },
    });
    expect(result.ok && result.finding.evidence).toContain('SN2、SN3');
  });

  it('without the SN query permission, shipped SNs are asked; none found there proves nothing', async () => {
    const client = new FakeQueryClient({ [SEARCH_SN]: 'created' }).refuse(GOODS_SN);
    const result = await run({ method: METHOD, args }, client);
    expect(result).toMatchObject({
      ok: true,
      finding: {
        state: 'uncertain',
        queries: [GOODS_SN, SEARCH_SN],
        missingPermission: { method: GOODS_SN },
      },
    });
    const shipped = new FakeQueryClient({ [SEARCH_SN]: 'created' })
      .refuse(GOODS_SN)
      .add(
        SEARCH_SN,
        ...['SN1', 'SN2', 'SN3'].map((value) => ({ ...sn(value), created: erpTime(sentAt, 1) })),
      );
    expect(await run({ method: METHOD, args }, shipped)).toMatchObject({
      ok: true,
      finding: { state: 'created' },
    });
  });
});

describe('OuterTransfer', () => {
  const METHOD = 'wms.outer.OuterTransfer.createByApi';
  const QUERY = 'wms.stocktransfer.Manage.queryWithDetail';
  const reference = transferReferenceFor('20261120T020000000Z-abc123');
  const header = { from_warehouse_no: 'W-A', to_warehouse_no: 'W-B', mode: 1 };
  const lines = [{ spec_no: 'A1', num: '4' }];
  const transfer = (no: string, remark: string) => ({
    transfer_no: no,
    from_warehouse_no: 'W-A',
    to_warehouse_no: 'W-B',
    remark,
    created: sentAt.getTime() + 20_000,
    modified: sentAt.getTime() + 20_000,
    details_list: [{ spec_no: 'A1', num: '4.0000', defect: false }],
  });
  const client = () => new FakeQueryClient({ [QUERY]: 'modified' });
  const sent = {
    method: METHOD,
    args: [{ ...header, remark: remarkWithReference('月底', reference) }, lines],
    reference,
  };

  it('the transfer whose remark carries our reference is ours', async () => {
    const found = client().add(QUERY, transfer('DB-1', '月底'), transfer('DB-2', `月底 ${reference}`));
    expect(await run(sent, found)).toMatchObject({
      ok: true,
      finding: { state: 'created', documentNo: 'DB-2' },
    });
  });

  it('a transfer with our lines but without our reference: uncertain, never not created', async () => {
    const result = await run(sent, client().add(QUERY, transfer('DB-1', '月底')));
    expect(result).toMatchObject({
      ok: true,
      finding: { state: 'uncertain', candidates: [{ documentNo: 'DB-1' }] },
    });
    const unreferenced = { method: METHOD, args: [{ ...header, remark: '月底' }, lines] };
    expect(await run(unreferenced, client().add(QUERY, transfer('DB-1', '月底')))).toMatchObject({
      ok: true,
      finding: { state: 'uncertain' },
    });
  });

  it('no transfer between the two warehouses with our lines: not created', async () => {
    expect(await run(sent, client())).toMatchObject({ ok: true, finding: { state: 'not_created' } });
  });
});

describe('bounds', () => {
  it('each query is given what is left of the check’s call budget', async () => {
    const client = new FakeQueryClient().refuse('wms.GoodsSN.queryWithDetail');
    await reconcile(
      {
        method: 'wms.stockout.Base.uploadSN',
        args: [{ stockout_no: 'CK-1' }, [{ spec_no: 'A', sn_list: ['S'] }]],
        sentAt,
      },
      client,
      { now, maxCalls: 5 },
    );
    expect(client.calls.map((call) => call.maxCalls)).toEqual([5, 4]);
  });

  it('asks again when the first answer taught the client that this PC’s clock is minutes off', async () => {
    const fake = outerOutClient();
    let offset = 0;
    const client = {
      clockOffset: { get: () => offset },
      query: async (...args: Parameters<FakeQueryClient['query']>) => {
        const answer = await fake.query(...args);
        offset = 10 * 60_000; // learnt from the ERP's Date header during the first query
        return answer;
      },
    };
    const input = {
      method: OUTER_OUT,
      args: [{ warehouse_no: 'WH1' }, [{ spec_no: 'A1', num: 2 }], true],
      sentAt,
    };
    await reconcile(input, client, { now });
    expect(fake.calls).toHaveLength(2);
    await reconcile(input, client, { now });
    expect(fake.calls).toHaveLength(3);
  });
});
