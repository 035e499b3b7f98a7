/**
 * Journals written before issue 17 (see test/fixtures/journal-legacy/README.md) keep their history and
 * their duplicate guards, and new records are appended after them in the current format.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../../src/main/journal/journal';
import { tempFolder } from './helpers';
import { sampleStart } from './samples';

const fixture = fileURLToPath(new URL('../../fixtures/journal-legacy', import.meta.url));
const outerOut = 'wms.outer.OuterOut.createOrder';

async function legacyCopy(): Promise<string> {
  const folder = await tempFolder();
  await cp(fixture, folder, { recursive: true });
  return folder;
}

describe('journal: files written by the previous format', () => {
  it('reads every entry with its outcome, document number and guards', async () => {
    const folder = await legacyCopy();
    const { journal, report } = await openJournal({ folder });
    expect(report).toMatchObject({ files: 2, entries: 7, skippedLines: [], recoveredAsUnknown: [] });
    const byKey = (key: string) => journal.findPrior(outerOut, key);
    expect(byKey('OUT-LEG-1')).toMatchObject([
      { outcome: 'accepted', documentNo: 'CK-LEG-1', draftId: 'draft-1' },
    ]);
    // The old reader took this result for a torn sending record and later wrote 'unknown' after it.
    expect(byKey('OUT-LEG-BODY')).toMatchObject([{ outcome: 'accepted', documentNo: 'CK-LEG-BODY' }]);
    expect(byKey('OUT-LEG-AF')).toMatchObject([{ outcome: 'approval-failed' }]);
    expect(byKey('OUT-LEG-CRASH')).toMatchObject([{ outcome: 'unknown' }]);
    expect(byKey('OUT-LEG-REF')).toEqual([]);
    expect(byKey('OUT-LEG-NS')).toEqual([]);
    expect(journal.findPrior('wms.stockout.Base.uploadSN', 'CK-STOCK-9')).toHaveLength(1);
    for (const sn of ['SN-L-001', 'SN-L-002', 'SN-U-1', 'SN-U-2'])
      expect(journal.hasAcceptedSn(sn)).toBe(true);

    const page = await journal.query({});
    expect(page).toMatchObject({ total: 7, skippedLines: 0 });
    const refused = page.entries.find((entry) => entry.businessKey === 'OUT-LEG-REF');
    const detail = await journal.getDetail(refused?.id ?? '');
    expect(detail).toMatchObject({ outcome: 'refused', redacted: true, message: '验证失败 salt=［已隐去］' });
    expect(detail?.body).toContain('"order_no":"OUT-LEG-REF"');
    await journal.close();
  });

  it('appends current records after the old ones, and both read back after a reopen', async () => {
    const folder = await legacyCopy();
    const now = () => Date.parse('2026-11-20T10:00:00Z');
    const first = (await openJournal({ folder, now })).journal;
    const id = await first.beginSubmission(sampleStart({ businessKey: 'OUT-NEW' }));
    await first.recordResult(id, { kind: 'accepted', documentNo: 'CK-NEW', response: { status: 0 } }, 5);
    await first.close();
    const text = await readFile(join(folder, 'journal-2026-11.jsonl'), 'utf8');
    expect(text).toContain('{"type":"sending"');
    expect(text).toContain('{"t":"sending"');

    const { journal, report } = await openJournal({ folder, now });
    expect(report).toMatchObject({ entries: 8, skippedLines: [] });
    expect(journal.findPrior(outerOut, 'OUT-NEW')).toMatchObject([
      { outcome: 'accepted', documentNo: 'CK-NEW' },
    ]);
    expect(journal.findPrior(outerOut, 'OUT-LEG-1')).toMatchObject([{ outcome: 'accepted' }]);
    await journal.close();
  });

  it('opens, rather than throwing, when an old sending line of an SN method has a damaged body', async () => {
    const folder = await legacyCopy();
    const file = join(folder, 'journal-2026-11.jsonl');
    const text = await readFile(file, 'utf8');
    // Same length, so the old length check still passes, but the body is no longer a JSON string.
    const damaged = text.replace('[{\\"order_type\\"', '[{\\"order_type"x');
    expect(damaged).not.toBe(text);
    await writeFile(file, damaged);

    const { journal } = await openJournal({ folder });
    expect(journal.findPrior('wms.stockout.Base.uploadSN', 'CK-STOCK-9')).toMatchObject([
      { outcome: 'accepted' },
    ]);
    expect(journal.findPrior(outerOut, 'OUT-LEG-1')).toHaveLength(1);
    const [entry] = journal.findPrior('wms.stockout.Base.uploadSN', 'CK-STOCK-9');
    expect(await journal.getDetail(entry?.id ?? '')).toMatchObject({ bodyLost: true, body: '' });
    await journal.close();
  });
});
