/**
 * A document without an external number is identified by its content, whatever the order of its lines:
 * resent with its lines reordered, it must still ask for confirmation, also against keys an older version
 * wrote with the lines in the order typed.
 */
import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../../src/shared/outcome';
import type { NormalizedDocument } from '../../../src/shared/spec';
import { outerOutSpec, outerTransferSpec } from '../../../src/shared/documents';
import { canonicalJson } from '../../../src/shared/documents/canonicalJson';
import { contentKey, matchingKey } from '../../../src/shared/documents/contentKey';
import { openJournal } from '../../../src/main/journal/journal';
import { openTestCore } from '../../support/appCore';
import { tempFolder } from '../../main/journal/helpers';
import { sampleStart } from '../../main/journal/samples';

const lineA = { spec_no: 'DFAQT101', num: 2 };
const lineB = { num: 5, spec_no: 'DFAQT102' };
const doc = (lines: NormalizedDocument['lines']): NormalizedDocument => ({
  header: { from_warehouse_no: 'pos', to_warehouse_no: 'wh2' },
  lines,
});
const unknown: CallOutcome = { kind: 'unknown', reason: '超时', explanation: '请在 ERP 中查询' };

describe('content keys', () => {
  it('do not depend on the order of lines or of object keys', () => {
    expect(contentKey(doc([lineA, lineB]))).toBe(contentKey(doc([{ num: 5, spec_no: 'DFAQT102' }, lineA])));
    expect(contentKey(doc([lineA, lineB]))).not.toBe(contentKey(doc([lineA, { ...lineB, num: 6 }])));
    // A line repeated is a different document from the line once.
    expect(contentKey(doc([lineA, lineA]))).not.toBe(contentKey(doc([lineA])));
  });

  it('bring an old key, written in the order typed, to the same form; other keys stay as they are', () => {
    const oldKey = `content:${canonicalJson(doc([lineB, lineA]))}`;
    expect(oldKey).not.toBe(contentKey(doc([lineA, lineB])));
    expect(matchingKey(oldKey)).toBe(contentKey(doc([lineA, lineB])));
    expect(matchingKey('order_no:WD-1')).toBe('order_no:WD-1');
    expect(matchingKey('content:{not json')).toBe('content:{not json');
  });

  it('find an unknown submission journaled under an old key when its lines come back reordered', async () => {
    const folder = await tempFolder();
    const method = outerTransferSpec.method;
    const first = await openJournal({ folder });
    const oldKey = `content:${canonicalJson(doc([lineB, lineA]))}`;
    const id = await first.journal.beginSubmission(sampleStart({ method, businessKey: oldKey }));
    await first.journal.recordResult(id, unknown, 10);
    await first.journal.close();

    const { journal } = await openJournal({ folder });
    expect(journal.findPrior(method, contentKey(doc([lineA, lineB])))).toMatchObject([
      { id, outcome: 'unknown', businessKey: oldKey },
    ]);
    await journal.close();
  });
});

describe('resending a document without an external number with its lines reordered', () => {
  it('asks for confirmation', async () => {
    const test = await openTestCore();
    const header = { warehouse_no: 'pos', is_check: false };
    const lines = [
      { spec_no: 'DFAQT101', num: '2' },
      { spec_no: 'DFAQT102', num: '3' },
    ];
    const method = outerOutSpec.method;
    const sent = await test.value('submitDocument', { method, draftId: 'doc.a', draft: { header, lines } });
    expect(sent).toMatchObject({ status: 'sent' });
    const again = await test.value('submitDocument', {
      method,
      draftId: 'doc.b',
      draft: { header, lines: [...lines].reverse() },
    });
    expect(again).toMatchObject({ status: 'needs-confirmation' });
  });
});
