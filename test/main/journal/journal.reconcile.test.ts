/** The 核对 record: written beside the original records, replayed, and what it does to the duplicate guard. */
import { appendFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../../src/main/journal/journal';
import type { JournalChange } from '../../../src/shared/journal';
import type { CallOutcome } from '../../../src/shared/outcome';
import type { ReconcileFinding } from '../../../src/shared/reconcile';
import { tempFolder } from './helpers';
import { sampleStart, uploadSnBody } from './samples';

const OUTER_OUT = 'wms.outer.OuterOut.createOrder';
const UPLOAD_SN = 'wms.stockout.Base.uploadSN';
const unknown: CallOutcome = { kind: 'unknown', reason: '超时', explanation: '请在 ERP 中查询' };
const finding = (
  state: ReconcileFinding['state'],
  extra: Partial<ReconcileFinding> = {},
): ReconcileFinding => ({
  state,
  checkedAt: '2026-11-20T03:00:00.000Z',
  evidence: '按外部单号查询',
  queries: ['wms.outer.OuterOut.queryWithDetail'],
  ...extra,
});

async function unknownEntry(folder: string, businessKey = 'OUT-1') {
  const opened = await openJournal({ folder });
  const id = await opened.journal.beginSubmission(sampleStart({ method: OUTER_OUT, businessKey }));
  await opened.journal.recordResult(id, unknown, 30_000);
  return { journal: opened.journal, id };
}

async function journalText(folder: string): Promise<string> {
  const [name] = await readdir(folder);
  return readFile(join(folder, name ?? ''), 'utf8');
}

describe('journal: 核对 findings', () => {
  it('not created lifts the block on a resend; the original outcome stays unknown, also after a reopen', async () => {
    const folder = await tempFolder();
    const { journal, id } = await unknownEntry(folder);
    expect(journal.findPrior(OUTER_OUT, 'OUT-1')).toHaveLength(1);
    const changes: JournalChange[] = [];
    journal.onChange((change) => changes.push(change));
    const view = await journal.recordReconcile(id, finding('not_created'));
    expect(view).toMatchObject({ outcome: 'unknown', reconciled: { state: 'not_created' } });
    expect(changes).toMatchObject([{ type: 'updated', entry: { id, reconciled: { state: 'not_created' } } }]);
    expect(journal.findPrior(OUTER_OUT, 'OUT-1')).toEqual([]);
    await journal.close();

    const { journal: reopened } = await openJournal({ folder });
    expect(reopened.get(id)).toMatchObject({ outcome: 'unknown', reconciled: { state: 'not_created' } });
    expect(reopened.findPrior(OUTER_OUT, 'OUT-1')).toEqual([]);
    expect((await reopened.getDetail(id))?.result).toMatchObject({ kind: 'unknown', reason: '超时' });
    await reopened.close();
  });

  it('the latest finding wins: created after uncertain keeps blocking, with the number found', async () => {
    const folder = await tempFolder();
    const { journal, id } = await unknownEntry(folder);
    await journal.recordReconcile(
      id,
      finding('uncertain', { candidates: [{ documentNo: 'X', summary: '1 行' }] }),
    );
    expect(journal.findPrior(OUTER_OUT, 'OUT-1')).toHaveLength(1);
    await journal.recordReconcile(id, finding('created', { documentNo: 'CK-77' }));
    await journal.close();
    const { journal: reopened } = await openJournal({ folder });
    expect(reopened.findPrior(OUTER_OUT, 'OUT-1')).toMatchObject([
      { id, reconciled: { state: 'created', documentNo: 'CK-77' } },
    ]);
    // The log's search finds it by the number 核对 found.
    expect((await reopened.query({ text: 'ck-77' })).entries.map((entry) => entry.id)).toEqual([id]);
    await reopened.close();
  });

  it('a created uploadSN makes its SNs count as sent, live and after a reopen', async () => {
    const folder = await tempFolder();
    const { journal } = await openJournal({ folder });
    const id = await journal.beginSubmission(
      sampleStart({
        method: UPLOAD_SN,
        businessKey: 'CK-9',
        body: uploadSnBody('CK-9', 'A1', ['SN-1', 'SN-2']),
      }),
    );
    await journal.recordResult(id, unknown, 10);
    expect(journal.hasAcceptedSn('SN-1')).toBe(false);
    await journal.recordReconcile(id, finding('created', { documentNo: 'CK-9' }));
    expect(journal.hasAcceptedSn('SN-1')).toBe(true);
    await journal.close();
    const { journal: reopened } = await openJournal({ folder });
    expect(reopened.findSnSubmission('SN-2')?.id).toBe(id);
    await reopened.close();
  });

  it('only an unknown outcome takes a finding', async () => {
    const folder = await tempFolder();
    const { journal } = await openJournal({ folder });
    const id = await journal.beginSubmission(sampleStart({ method: OUTER_OUT, businessKey: 'OUT-2' }));
    await expect(journal.recordReconcile(id, finding('not_created'))).rejects.toThrow('不是结果未知');
    await journal.close();
  });

  it('a damaged finding is skipped and counted; the entry keeps blocking', async () => {
    const folder = await tempFolder();
    const { journal, id } = await unknownEntry(folder);
    await journal.recordReconcile(id, finding('not_created'));
    await journal.close();
    const text = await journalText(folder);
    const [name] = await readdir(folder);
    // One flipped character inside the finding: the checksum no longer matches.
    await writeFile(join(folder, name ?? ''), text.replace('"state":"not_created"', '"state":"not_creatad"'));
    const { journal: reopened, report } = await openJournal({ folder });
    expect(report.skippedLines).toHaveLength(1);
    expect(reopened.get(id)?.reconciled).toBeUndefined();
    expect(reopened.findPrior(OUTER_OUT, 'OUT-1')).toHaveLength(1);
    await reopened.close();
  });

  it('a finding whose entry is gone is skipped, not applied to anything', async () => {
    const folder = await tempFolder();
    const { journal, id } = await unknownEntry(folder);
    await journal.recordReconcile(id, finding('created', { documentNo: 'CK-1' }));
    await journal.close();
    const [name] = await readdir(folder);
    const path = join(folder, name ?? '');
    const lines = (await readFile(path, 'utf8')).split('\n');
    const reconcileLine = lines.find((line) => line.startsWith('{"t":"reconcile"')) ?? '';
    await writeFile(path, '');
    await appendFile(path, `${reconcileLine}\n`);
    const { journal: reopened, report } = await openJournal({ folder });
    expect(reopened.size).toBe(0);
    expect(report.skippedLines.map((line) => line.reason)).toEqual(['核对记录没有对应的结果未知的提交']);
    await reopened.close();
  });
});
