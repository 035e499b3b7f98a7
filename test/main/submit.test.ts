import { describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../../src/shared/spec';
import type { SubmitResponse } from '../../src/shared/ipc';
import { outerOutSpec, outerTransferSpec } from '../../src/shared/documents';
import { openTestCore, simulator } from '../support/appCore';
import { useSimulatorProfile } from '../support/simulatorProfile';

const outerOut = outerOutSpec.method;
const transfer = outerTransferSpec.method;

function outerOutDraft(orderNo: string, num = '2'): DocumentDraft {
  return {
    header: { warehouse_no: 'pos', order_no: orderNo, is_check: false },
    lines: [{ spec_no: 'DFAQT101', num }],
  };
}

const transferDraft: DocumentDraft = {
  header: { from_warehouse_no: 'wh-a', to_warehouse_no: 'wh-b', mode: '1' },
  lines: [{ spec_no: 'SKU-1', num: '3' }],
};

function sent(response: SubmitResponse) {
  if (response.status !== 'sent') throw new Error(`expected a send, got ${response.status}`);
  return response;
}

describe('submitting a document', () => {
  it('works at once on first start, against the built-in practice environment', async () => {
    const test = await openTestCore();
    const { profiles } = await test.value('listProfiles', undefined);
    expect(profiles.find((profile) => profile.active)).toMatchObject({
      environment: 'practice',
      builtIn: true,
    });
    const response = sent(
      await test.value('submitDocument', {
        method: outerOut,
        draftId: 'doc.a',
        draft: outerOutDraft('WD-1'),
      }),
    );
    expect(response.outcome).toMatchObject({ kind: 'accepted', documentNo: 'WD-1' });
    expect(response.entry).toMatchObject({
      outcome: 'accepted',
      documentNo: 'WD-1',
      environment: '练习环境',
    });
  });

  it('re-validates in main and sends nothing when the document is invalid', async () => {
    const test = await openTestCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    const draft = { header: { warehouse_no: '' }, lines: [{ spec_no: 'A', num: '0' }] };
    const response = await test.value('submitDocument', { method: outerOut, draftId: 'doc.a', draft });
    expect(response.status).toBe('invalid');
    expect(response.status === 'invalid' && response.problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining([
        { area: 'header', field: 'warehouse_no' },
        { area: 'lines', row: 0, field: 'num' },
      ]),
    );
    expect(sim.requests).toHaveLength(0);
  });

  it('asks for confirmation before sending an accepted document again, then lets the ERP refuse the number', async () => {
    const test = await openTestCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    const first = sent(
      await test.value('submitDocument', {
        method: outerOut,
        draftId: 'doc.a',
        draft: outerOutDraft('WD-7'),
      }),
    );
    const again = await test.value('submitDocument', {
      method: outerOut,
      draftId: 'doc.b',
      draft: outerOutDraft('WD-7'),
    });
    expect(again).toMatchObject({
      status: 'needs-confirmation',
      prior: [{ id: first.entry.id, outcome: 'accepted' }],
    });
    expect(sim.requests).toHaveLength(1);

    const confirmed = sent(
      await test.value('submitDocument', {
        method: outerOut,
        draftId: 'doc.b',
        draft: outerOutDraft('WD-7'),
        confirmedPriorIds: [first.entry.id],
      }),
    );
    expect(confirmed.outcome).toMatchObject({ kind: 'refused', message: '外部单号重复!' });
    expect(sim.created).toHaveLength(1);
  });

  it('guards a method without an external number by its content', async () => {
    const test = await openTestCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    const first = sent(
      await test.value('submitDocument', { method: transfer, draftId: 'doc.t', draft: transferDraft }),
    );
    expect(first.outcome).toMatchObject({ kind: 'accepted' });
    const again = await test.value('submitDocument', {
      method: transfer,
      draftId: 'doc.t',
      draft: transferDraft,
    });
    expect(again.status).toBe('needs-confirmation');
    const changed = { ...transferDraft, lines: [{ spec_no: 'SKU-1', num: '4' }] };
    expect(
      (await test.value('submitDocument', { method: transfer, draftId: 'doc.t', draft: changed })).status,
    ).toBe('sent');
    expect(sim.created).toHaveLength(2);
  });

  it('never sends one draft twice at once (double click, Enter held down)', async () => {
    const test = await openTestCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    sim.injectFault({ kind: 'delay', ms: 200, times: 1 });
    const request = { method: transfer, draftId: 'doc.t', draft: transferDraft };
    const replies = await Promise.all([
      test.call('submitDocument', request),
      test.call('submitDocument', request),
      test.call('submitDocument', request),
    ]);
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1);
    expect(replies.filter((reply) => !reply.ok && reply.error.code === 'BUSY')).toHaveLength(2);
    expect(sim.requests).toHaveLength(1);
  });

  it('records a timeout as unknown, never resends it, and makes the user confirm before trying again', async () => {
    const test = await openTestCore({ timeoutMs: 300 });
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    sim.injectFault({ kind: 'delay', ms: 1000, times: 1 });
    const first = sent(
      await test.value('submitDocument', { method: transfer, draftId: 'doc.t', draft: transferDraft }),
    );
    expect(first.outcome.kind).toBe('unknown');
    expect(first.entry.outcome).toBe('unknown');
    expect(sim.requests).toHaveLength(1);
    const again = await test.value('submitDocument', {
      method: transfer,
      draftId: 'doc.t',
      draft: transferDraft,
    });
    expect(again).toMatchObject({ status: 'needs-confirmation', prior: [{ outcome: 'unknown' }] });
    expect(sim.requests).toHaveLength(1);
  });

  it('lets a document that was never sent be sent again without confirmation', async () => {
    const test = await openTestCore();
    const sim = await simulator();
    const deadUrl = sim.url;
    await sim.close();
    await useSimulatorProfile(test, deadUrl);
    const first = sent(
      await test.value('submitDocument', { method: transfer, draftId: 'doc.t', draft: transferDraft }),
    );
    expect(first.outcome.kind).toBe('not-sent');
    expect(
      (await test.value('submitDocument', { method: transfer, draftId: 'doc.t', draft: transferDraft }))
        .status,
    ).toBe('sent');
  });

  it('reports a created document whose approval failed as created, with the reason', async () => {
    const test = await openTestCore();
    const sim = await simulator({ approvalFailsFor: ['pos'] });
    await useSimulatorProfile(test, sim.url);
    const response = sent(
      await test.value('submitDocument', {
        method: outerOut,
        draftId: 'doc.a',
        // Approval can only fail when it was asked for.
        draft: { ...outerOutDraft('WD-9'), header: { ...outerOutDraft('WD-9').header, is_check: true } },
      }),
    );
    expect(response.outcome.kind).toBe('approval-failed');
    expect(sim.created).toHaveLength(1);
  });

  it('journals the exact body that was signed and sent', async () => {
    const test = await openTestCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    const response = sent(
      await test.value('submitDocument', {
        method: outerOut,
        draftId: 'doc.a',
        draft: outerOutDraft('WD-中文'),
      }),
    );
    const detail = await test.value('getJournalEntry', { id: response.entry.id });
    expect(detail.body).toBe(sim.requests[0]?.bodyText);
    expect(JSON.parse(detail.body)).toEqual([
      { warehouse_no: 'pos', order_no: 'WD-中文' },
      [{ spec_no: 'DFAQT101', num: 2 }],
      false,
    ]);
  });

  it('tells main’s progress and journal changes to the renderer as events', async () => {
    const test = await openTestCore();
    await test.value('submitDocument', { method: outerOut, draftId: 'doc.a', draft: outerOutDraft('WD-2') });
    const phases = test.events
      .filter((event) => event.name === 'submissionProgress')
      .map((event) => (event.payload as { phase: string }).phase);
    expect(phases).toEqual(['checking', 'journaling', 'sending', 'done']);
    const changes = test.events
      .filter((event) => event.name === 'journalChanged')
      .map((event) => (event.payload as { type: string }).type);
    expect(changes).toEqual(['added', 'updated']);
  });
});

describe('测试连接', () => {
  it('proves the practice environment without creating anything', async () => {
    const test = await openTestCore();
    const result = await test.value('testConnection', { id: 'practice' });
    expect(result).toMatchObject({ ok: true, outcome: 'refused' });
    expect(result.summary).toContain('连接正常');
  });

  it('explains a wrong appsecret in Chinese', async () => {
    const test = await openTestCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url, 'wrongsecret:wrongsalt');
    const active = (await test.value('listProfiles', undefined)).profiles.find((profile) => profile.active);
    const result = await test.value('testConnection', { id: active?.id ?? '' });
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/appsecret/);
    expect(sim.created).toHaveLength(0);
  });
});

describe('测试连接 without a usable answer', () => {
  it('says the probe creates nothing, rather than that a document may exist', async () => {
    const test = await openTestCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    const active = (await test.value('listProfiles', undefined)).profiles.find((profile) => profile.active);
    sim.injectFault({ kind: 'html', times: 1 });
    const result = await test.value('testConnection', { id: active?.id ?? '' });
    expect(result).toMatchObject({ ok: false, outcome: 'unknown' });
    expect(result.detail).toContain('测试连接不会创建任何单据');
    expect(result.detail).not.toContain('可能已经创建');
  });
});

describe('two submissions of the same content at once (two windows, two drafts)', () => {
  it('sends one and asks the other to confirm', async () => {
    const test = await openTestCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    sim.injectFault({ kind: 'delay', ms: 150, times: 1 });
    const [a, b] = await Promise.all([
      test.value('submitDocument', { method: transfer, draftId: 'window.one', draft: transferDraft }),
      test.value('submitDocument', { method: transfer, draftId: 'window.two', draft: transferDraft }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['needs-confirmation', 'sent']);
    const waiting = a.status === 'needs-confirmation' ? a : b;
    expect(waiting).toMatchObject({ prior: [{ outcome: 'sending' }] });
    expect(sim.requests).toHaveLength(1);
  });
});
