/**
 * The sent-SN guard for a document the journal has never heard of: registering a spec whose lines have an
 * snList field is all it takes for its SNs to be indexed, at runtime and when the journal is opened again.
 */
import { describe, expect, it, vi } from 'vitest';
import { buildArgs } from '../../../src/shared/args';
import type { CallOutcome } from '../../../src/shared/outcome';
import type { DocumentSpec, NormalizedDocument } from '../../../src/shared/spec';
import { openJournal } from '../../../src/main/journal/journal';
import { createSentSnFilterSource } from '../../../src/main/journal/sentSnFilterSource';
import { SnFilter } from '../../../src/shared/snFilter';
import { nestedSnSpec, noSnSpec } from '../../shared/documents/madeUpSnSpecs';
import { tempFolder } from './helpers';
import { sampleStart } from './samples';

vi.mock(import('../../../src/shared/documents'), async (importOriginal) => {
  const registry = await importOriginal();
  const madeUp = await import('../../shared/documents/madeUpSnSpecs');
  const specs: readonly DocumentSpec[] = [...registry.documentSpecs, madeUp.nestedSnSpec, madeUp.noSnSpec];
  const byMethod = new Map(specs.map((spec) => [spec.method, spec]));
  return {
    ...registry,
    documentSpecs: specs,
    methodNames: specs.map((spec) => spec.method),
    getSpec: (method: string) => byMethod.get(method),
  };
});

const accepted: CallOutcome = { kind: 'accepted', response: { status: 0, data: { message: 'OK' } } };
const refused: CallOutcome = {
  kind: 'refused',
  status: 100,
  message: '单号重复',
  resendable: false,
  explanation: '单号已存在',
  response: { status: 100, message: '单号重复' },
};

function body(spec: DocumentSpec, doc: NormalizedDocument): string {
  return JSON.stringify(buildArgs(spec, doc));
}

describe('SNs of a newly registered document', () => {
  it('are indexed once its submission creates the document, and again when the journal reopens', async () => {
    const folder = await tempFolder();
    const first = await openJournal({ folder });
    const send = async (orderNo: string, serials: string[], outcome: CallOutcome): Promise<string> => {
      const id = await first.journal.beginSubmission(
        sampleStart({
          method: nestedSnSpec.method,
          businessKey: `order_no:${orderNo}`,
          body: body(nestedSnSpec, {
            header: { order_no: orderNo },
            lines: [{ goods_no: 'G1', serials }],
          }),
        }),
      );
      expect(first.journal.hasAcceptedSn(serials[0] ?? '')).toBe(false);
      await first.journal.recordResult(id, outcome, 5);
      return id;
    };
    const created = await send('T-1', ['NEW-SN-1', 'NEW-SN-2'], accepted);
    await send('T-2', ['NEW-SN-3'], refused);

    expect(first.journal.findSnSubmission('NEW-SN-2')?.id).toBe(created);
    expect(first.journal.hasAcceptedSn('NEW-SN-3')).toBe(false);
    // The scan views' filter of sent SNs is built from the same index.
    const filter = SnFilter.from(createSentSnFilterSource()(first.journal));
    expect(filter?.mayHold('NEW-SN-1')).toBe(true);
    await first.journal.close();

    const second = await openJournal({ folder });
    expect(second.journal.findSnSubmission('NEW-SN-1')?.id).toBe(created);
    expect(second.journal.hasAcceptedSn('NEW-SN-2')).toBe(true);
    expect(second.journal.hasAcceptedSn('NEW-SN-3')).toBe(false);
    await second.journal.close();
  });

  it('are not looked for in a document whose spec has no snList field', async () => {
    const folder = await tempFolder();
    const { journal } = await openJournal({ folder });
    const id = await journal.beginSubmission(
      sampleStart({
        method: noSnSpec.method,
        businessKey: 'order_no:T-3',
        body: body(noSnSpec, {
          header: { order_no: 'T-3' },
          lines: [{ goods_no: 'G', sn_list: 'NOT-AN-SN' }],
        }),
      }),
    );
    await journal.recordResult(id, accepted, 5);
    expect(journal.hasAcceptedSn('NOT-AN-SN')).toBe(false);
    expect(journal.acceptedSnCount).toBe(0);
    await journal.close();
  });
});
