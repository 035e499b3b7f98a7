/**
 * 核对 through the IPC contract, as the app runs it: an unknown outcome, then the check (asked for, or
 * automatic), its finding in the journal and the log, its progress events, and what it does to a resend.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../../../src/shared/spec';
import type { SubmitResponse } from '../../../src/shared/ipc';
import type { ReconcileProgress } from '../../../src/shared/reconcile';
import { environmentLabels } from '../../../src/shared/profile';
import { outerOutSpec, outerTransferSpec } from '../../../src/shared/documents';
import { transferReferenceFor } from '../../../src/shared/transferReference';
import { openJournal } from '../../../src/main/journal/journal';
import { openTestCore, simulator, type TestCore } from '../../support/appCore';
import { useSimulatorProfile } from '../../support/simulatorProfile';

const outerOutDraft: DocumentDraft = {
  header: { warehouse_no: 'WH1', order_no: 'OUT-IPC-1', is_check: 'false' },
  lines: [{ spec_no: 'SKU-1', num: '2' }],
};
const transferDraft: DocumentDraft = {
  header: { from_warehouse_no: 'wh-a', to_warehouse_no: 'wh-b', mode: '1', remark: '补货' },
  lines: [{ spec_no: 'SKU-1', num: '3' }],
};

function sent(response: SubmitResponse) {
  if (response.status !== 'sent') throw new Error(`expected a send, got ${response.status}`);
  return response;
}

const submit = (test: TestCore, method: string, draft: DocumentDraft, confirmedPriorIds?: string[]) =>
  test.value('submitDocument', {
    method,
    draftId: 'doc.r',
    draft,
    ...(confirmedPriorIds ? { confirmedPriorIds } : {}),
  });

const progressOf = (test: TestCore, id: string) =>
  test.events
    .filter((event) => event.name === 'reconcileProgress')
    .map((event) => event.payload as ReconcileProgress)
    .filter((progress) => progress.entryId === id);

describe('核对 of an unknown outcome', () => {
  it('reply lost: 已创建 with the same number; the log shows it and a resend still asks first', async () => {
    const test = await openTestCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    sim.injectFault({ kind: 'loseReply', times: 1 });
    const first = sent(await submit(test, outerOutSpec.method, outerOutDraft));
    expect(first.outcome.kind).toBe('unknown');

    const finding = await test.value('reconcileEntry', { id: first.entry.id });
    expect(finding).toMatchObject({ state: 'created', documentNo: 'OUT-IPC-1' });
    expect(finding.queries).toEqual(['wms.outer.OuterOut.queryWithDetail']);
    expect(progressOf(test, first.entry.id).map((p) => p.phase)).toEqual(['querying', 'querying', 'done']);
    expect(test.events).toContainEqual({
      name: 'journalChanged',
      payload: expect.objectContaining({
        type: 'updated',
        entry: expect.objectContaining({ reconciled: finding }),
      }),
    });
    const page = await test.value('queryJournal', {});
    expect(page.entries[0]).toMatchObject({ outcome: 'unknown', reconciled: { state: 'created' } });

    expect(await submit(test, outerOutSpec.method, outerOutDraft)).toMatchObject({
      status: 'needs-confirmation',
      prior: [{ reconciled: { state: 'created', documentNo: 'OUT-IPC-1' } }],
    });
    expect(sim.created).toHaveLength(1);
  });

  it('request lost: 未创建, and the same document goes out again without confirmation', async () => {
    const test = await openTestCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    sim.injectFault({ kind: 'loseRequest', times: 1 });
    const first = sent(await submit(test, outerOutSpec.method, outerOutDraft));
    expect(await test.value('reconcileEntry', { id: first.entry.id })).toMatchObject({
      state: 'not_created',
    });
    const again = sent(await submit(test, outerOutSpec.method, outerOutDraft));
    expect(again.outcome).toMatchObject({ kind: 'accepted' });
    expect(sim.created).toHaveLength(1);
  });

  it('an outer transfer carries its reference in the remark, and 核对 finds it by it', async () => {
    const test = await openTestCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    sim.injectFault({ kind: 'loseReply', times: 1 });
    const first = sent(await submit(test, outerTransferSpec.method, transferDraft));
    const reference = transferReferenceFor(first.entry.id);
    const detail = await test.value('getJournalEntry', { id: first.entry.id });
    expect((JSON.parse(detail.body) as unknown[])[0]).toMatchObject({ remark: `补货 ${reference}` });
    expect(sim.created[0]?.document.header).toMatchObject({ remark: `补货 ${reference}` });
    expect(await test.value('reconcileEntry', { id: first.entry.id })).toMatchObject({
      state: 'created',
      documentNo: sim.created[0]?.documentNo,
    });
  });

  it('with the reference turned off, a lookalike transfer leaves it 无法确定 with the candidate', async () => {
    const test = await openTestCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    await test.value('updateSettings', { outerTransferReference: false });
    sim.injectFault({ kind: 'loseReply', times: 1 });
    const first = sent(await submit(test, outerTransferSpec.method, transferDraft));
    expect(sim.created[0]?.document.header).toMatchObject({ remark: '补货' });
    const finding = await test.value('reconcileEntry', { id: first.entry.id });
    expect(finding).toMatchObject({
      state: 'uncertain',
      candidates: [{ documentNo: sim.created[0]?.documentNo }],
    });
    expect(await submit(test, outerTransferSpec.method, transferDraft)).toMatchObject({
      status: 'needs-confirmation',
    });
  });

  it('refuses an entry whose outcome is known, and fails plainly when the ERP cannot be reached', async () => {
    const test = await openTestCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    const accepted = sent(await submit(test, outerOutSpec.method, outerOutDraft));
    expect(await test.call('reconcileEntry', { id: accepted.entry.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    sim.injectFault({ kind: 'loseRequest', times: 1 });
    const lost = sent(
      await submit(test, outerOutSpec.method, {
        ...outerOutDraft,
        header: { ...outerOutDraft.header, order_no: 'OUT-IPC-2' },
      }),
    );
    await sim.close();
    const result = await test.call('reconcileEntry', { id: lost.entry.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'ERP_UNAVAILABLE' } });
    expect(progressOf(test, lost.entry.id).at(-1)).toMatchObject({ phase: 'failed' });
    expect((await test.value('getJournalEntry', { id: lost.entry.id })).reconciled).toBeUndefined();
  });

  it('never asks another ERP account than the one sent to: a renamed profile is reported, nothing asked', async () => {
    const test = await openTestCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    sim.injectFault({ kind: 'loseRequest', times: 1 });
    const lost = sent(await submit(test, outerOutSpec.method, outerOutDraft));
    const [profile] = (await test.value('listProfiles', undefined)).profiles.filter(
      (p) => p.name === '测试仓',
    );
    await test.value('updateProfile', { id: profile?.id ?? '', patch: { name: '别的仓' } });
    const requests = sim.requests.length;
    expect(await test.call('reconcileEntry', { id: lost.entry.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('测试仓') as unknown },
    });
    expect(sim.requests).toHaveLength(requests);
  });
});

describe('automatic 核对', () => {
  const waitFor = async (check: () => boolean, ms = 5000): Promise<void> => {
    const until = Date.now() + ms;
    while (!check()) {
      if (Date.now() > until) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('runs shortly after an unknown outcome, without anyone asking and without resending', async () => {
    const test = await openTestCore({ autoReconcileDelayMs: 50 });
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    sim.injectFault({ kind: 'loseReply', times: 1 });
    const first = sent(await submit(test, outerOutSpec.method, outerOutDraft));
    await waitFor(() => progressOf(test, first.entry.id).some((p) => p.phase === 'done'));
    expect((await test.value('getJournalEntry', { id: first.entry.id })).reconciled).toMatchObject({
      state: 'created',
    });
    const creates = sim.requests.filter((request) => request.apiMethod === outerOutSpec.method);
    expect(creates).toHaveLength(1);
  });

  it('runs after start-up for a submission a crash left unknown', async () => {
    const first = await openTestCore();
    const sim = await simulator();
    await useSimulatorProfile(first, sim.url);
    await first.core.close();
    // The app died mid-call: a sending record and no result.
    const { journal } = await openJournal({ folder: join(first.dataFolder, 'journal') });
    const id = await journal.beginSubmission({
      operator: '张三',
      profileName: '测试仓',
      environment: environmentLabels.custom,
      method: outerOutSpec.method,
      documentTitle: outerOutSpec.title,
      businessKey: 'OUT-CRASH',
      body: JSON.stringify([
        { warehouse_no: 'WH1', order_no: 'OUT-CRASH' },
        [{ spec_no: 'SKU-1', num: 1 }],
        false,
      ]),
    });
    await journal.close();
    const reopened = await openTestCore({ dataFolder: first.dataFolder, autoReconcileDelayMs: 50 });
    await waitFor(() => progressOf(reopened, id).some((p) => p.phase === 'done'));
    expect((await reopened.value('getJournalEntry', { id })).reconciled).toMatchObject({
      state: 'not_created',
    });
  });
});
