/**
 * `wdt reconcile` against the practice ERP: a create whose reply was lost (or whose request was), then the
 * command a support person would run. Exit codes and the JSON printed are what scripts rely on.
 */
import { describe, expect, it } from 'vitest';
import type { FaultSpec, Simulator } from '../../src/main/wdt/simulator';
import { runCall } from '../../src/cli/callCommand';
import { reconcileExitCodes, runReconcile } from '../../src/cli/reconcileCommand';
import { exitCodes } from '../../src/cli/io';
import { remarkWithReference, transferReferenceFor } from '../../src/shared/transferReference';
import { account, argsFile, captured, env, simulator } from './cliRun';

/** Sends `args` with `fault` on the way; returns when it was sent, as the journal would record it. */
async function sendLosing(sim: Simulator, method: string, file: string, fault: FaultSpec): Promise<string> {
  sim.injectFault(fault);
  const sentAt = new Date(Date.now() - 1000).toISOString();
  const sent = await captured((io) =>
    runCall([...account(sim.url), '--method', method, '--args', file], io, { fetch, now: Date.now, env }),
  );
  expect(sent.code).toBe(exitCodes.unknown);
  return sentAt;
}

const reconcileCli = (url: string, method: string, file: string, sentAt: string, extra: string[] = []) =>
  captured((io) =>
    runReconcile([...account(url), '--method', method, '--args', file, '--sent-at', sentAt, ...extra], io, {
      fetch,
      now: Date.now,
      env,
    }),
  );

const OUTER_OUT = 'wms.outer.OuterOut.createOrder';
const outerOutArgs = [{ warehouse_no: 'WH1', order_no: 'OUT-RC-1' }, [{ spec_no: 'A1', num: 2 }], false];

describe('wdt reconcile', () => {
  it('reply lost after the ERP created it: exit 0, created, with the same number', async () => {
    const sim = await simulator();
    const file = await argsFile(outerOutArgs);
    const sentAt = await sendLosing(sim, OUTER_OUT, file, { kind: 'loseReply', times: 1 });
    const result = await reconcileCli(sim.url, OUTER_OUT, file, sentAt);
    expect(result.code).toBe(reconcileExitCodes.created);
    expect(JSON.parse(result.stdout[0] ?? '')).toMatchObject({ state: 'created', document_no: 'OUT-RC-1' });
    expect(sim.created).toHaveLength(1);
  });

  it('request lost before the ERP created anything: exit 1, not created', async () => {
    const sim = await simulator();
    const file = await argsFile(outerOutArgs);
    const sentAt = await sendLosing(sim, OUTER_OUT, file, { kind: 'loseRequest', times: 1 });
    const result = await reconcileCli(sim.url, OUTER_OUT, file, sentAt);
    expect(result.code).toBe(reconcileExitCodes.not_created);
    const printed = JSON.parse(result.stdout[0] ?? '') as Record<string, unknown>;
    expect(printed).toMatchObject({ state: 'not_created' });
    expect(printed.document_no).toBeUndefined();
  });

  it('a purchase return that already had a stock-out: ours is the new one', async () => {
    const sim = await simulator();
    const method = 'wms.stockout.PurchaseReturn.createOrder';
    const args = [{ return_no: 'TH-9', warehouse_no: 'WH1' }, [{ spec_no: 'A1', num: 3 }]];
    const earlier = sim.preCreate(method, args, { at: Date.now() - 2 * 60 * 60_000 });
    const file = await argsFile(args);
    const sentAt = await sendLosing(sim, method, file, { kind: 'loseReply', times: 1 });
    const result = await reconcileCli(sim.url, method, file, sentAt);
    expect(result.code).toBe(reconcileExitCodes.created);
    const printed = JSON.parse(result.stdout[0] ?? '') as { document_no: string; evidence: string };
    const ours = sim.created.at(-1);
    expect(printed.document_no).toBe(ours?.documentNo);
    expect(printed.document_no).not.toBe(earlier.documentNo);
    expect(printed.evidence).toContain(earlier.documentNo);
  });

  it('SNs partly present: exit 3, saying which are missing', async () => {
    const sim = await simulator();
    const method = 'wms.stockout.Base.uploadSN';
    const header = { stockout_no: 'CK-SN-1', order_type: 21 };
    sim.preCreate(method, [header, [{ spec_no: 'A1', sn_list: ['SN-1'] }]]);
    const file = await argsFile([header, [{ spec_no: 'A1', sn_list: ['SN-1', 'SN-2', 'SN-3'] }]]);
    const sentAt = new Date(Date.now() - 1000).toISOString();
    const result = await reconcileCli(sim.url, method, file, sentAt);
    expect(result.code).toBe(reconcileExitCodes.uncertain);
    expect(JSON.parse(result.stdout[0] ?? '')).toMatchObject({
      state: 'uncertain',
      sns: { present: ['SN-1'], missing: ['SN-2', 'SN-3'] },
    });
  });

  it('a transfer like ours but without our reference: exit 3 with the candidate, never "not created"', async () => {
    const sim = await simulator();
    const method = 'wms.outer.OuterTransfer.createByApi';
    const header = { from_warehouse_no: 'W-A', to_warehouse_no: 'W-B', mode: 1, remark: '补货' };
    const lines = [{ spec_no: 'A1', num: 4 }];
    const lookalike = sim.preCreate(method, [header, lines]);
    const reference = transferReferenceFor('20261120T020000000Z-abcdef');
    const file = await argsFile([{ ...header, remark: remarkWithReference('补货', reference) }, lines]);
    const sentAt = await sendLosing(sim, method, file, { kind: 'loseRequest', times: 1 });
    const result = await reconcileCli(sim.url, method, file, sentAt);
    expect(result.code).toBe(reconcileExitCodes.uncertain);
    expect(JSON.parse(result.stdout[0] ?? '')).toMatchObject({
      state: 'uncertain',
      candidates: [{ document_no: lookalike.documentNo }],
    });
  });

  it('a refused query: exit 3 naming the method to enable', async () => {
    const sim = await simulator();
    sim.setQueryStyle({ refused: { 'wms.outer.OuterOut.queryWithDetail': '权限不足' } });
    const file = await argsFile(outerOutArgs);
    const result = await reconcileCli(sim.url, OUTER_OUT, file, new Date(Date.now() - 1000).toISOString());
    expect(result.code).toBe(reconcileExitCodes.uncertain);
    expect(JSON.parse(result.stdout[0] ?? '')).toMatchObject({
      missing_permission: { method: 'wms.outer.OuterOut.queryWithDetail', message: '权限不足' },
    });
  });

  it('bad usage or input: exit 2 and nothing asked', async () => {
    const sim = await simulator();
    const file = await argsFile(outerOutArgs);
    const noZone = await reconcileCli(sim.url, OUTER_OUT, file, '2026-11-20T10:15:02');
    expect(noZone.code).toBe(reconcileExitCodes.invalid);
    expect(noZone.stderr.join('\n')).toContain('--sent-at');
    const future = await reconcileCli(
      sim.url,
      OUTER_OUT,
      file,
      new Date(Date.now() + 86_400_000).toISOString(),
    );
    expect(future.code).toBe(reconcileExitCodes.invalid);
    const wrongMethod = await reconcileCli(
      sim.url,
      'wms.outer.OuterIn.createOrder',
      file,
      new Date().toISOString(),
    );
    expect(wrongMethod.code).toBe(reconcileExitCodes.invalid);
    const notArgs = await reconcileCli(
      sim.url,
      OUTER_OUT,
      await argsFile({ warehouse_no: 'WH1' }),
      new Date().toISOString(),
    );
    expect(notArgs.code).toBe(reconcileExitCodes.invalid);
    const noSecret = await captured((io) =>
      runReconcile(
        [...account(sim.url), '--method', OUTER_OUT, '--args', file, '--sent-at', new Date().toISOString()],
        io,
        { fetch, now: Date.now, env: {} },
      ),
    );
    expect(noSecret.code).toBe(reconcileExitCodes.invalid);
    expect(sim.requests).toHaveLength(0);
  });

  it('ERP not reachable: exit 4', async () => {
    const sim = await simulator();
    const { url } = sim;
    await sim.close();
    const file = await argsFile(outerOutArgs);
    const result = await reconcileCli(url, OUTER_OUT, file, new Date(Date.now() - 1000).toISOString());
    expect(result.code).toBe(reconcileExitCodes.unreachable);
  });
});
