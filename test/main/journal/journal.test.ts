import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalChange } from '../../../src/shared/journal';
import type { CallOutcome } from '../../../src/shared/outcome';
import { openJournal } from '../../../src/main/journal/journal';
import { JournalForbiddenTextError, UNKNOWN_AFTER_CRASH_REASON } from '../../../src/main/journal/errors';
import { serializeSending } from '../../../src/main/journal/format';
import { ManualClock, tempFolder } from './helpers';
import { sampleStart } from './samples';

const accepted = (documentNo: string): CallOutcome => ({
  kind: 'accepted',
  documentNo,
  response: { status: 0, data: { status: 0, message: documentNo } },
});

describe('journal: writing and reading back', () => {
  it('merges the sending and result records into one entry that survives a reopen', async () => {
    const folder = await tempFolder();
    const clock = new ManualClock(Date.parse('2026-11-03T10:15:02.123Z'));
    const { journal } = await openJournal({ folder, now: clock.now });
    const changes: JournalChange[] = [];
    journal.onChange((change) => changes.push(change));
    const start = sampleStart({ businessKey: 'OUT-42', draftId: 'draft-7' });

    const id = await journal.beginSubmission(start);
    expect(journal.get(id)?.outcome).toBe('sending');
    clock.advance(850);
    await journal.recordResult(id, accepted('CK2026110300042'), 850);
    await journal.close();

    const reopened = (await openJournal({ folder, now: clock.now })).journal;
    const detail = await reopened.getDetail(id);
    expect(detail).toMatchObject({
      id,
      time: '2026-11-03T10:15:02.123Z',
      finishedAt: '2026-11-03T10:15:02.973Z',
      operator: '张三',
      profileName: '练习环境',
      environment: '练习',
      method: 'wms.outer.OuterOut.createOrder',
      documentTitle: '其他出库单',
      businessKey: 'OUT-42',
      draftId: 'draft-7',
      outcome: 'accepted',
      documentNo: 'CK2026110300042',
      durationMs: 850,
      body: start.body,
      result: accepted('CK2026110300042'),
    });
    expect(changes.map((change) => [change.type, change.entry.outcome])).toEqual([
      ['added', 'sending'],
      ['updated', 'accepted'],
    ]);
    await reopened.close();
  });

  it('keeps ids unique and in time order even when many are made in the same millisecond', async () => {
    const folder = await tempFolder();
    const clock = new ManualClock(Date.parse('2026-11-03T10:00:00Z'));
    const { journal } = await openJournal({ folder, now: clock.now });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push(await journal.beginSubmission(sampleStart({ businessKey: `K${i}` })));
    expect(new Set(ids).size).toBe(5);
    expect([...ids].sort()).toEqual(ids);
    const page = await journal.query({});
    expect(page.entries.map((entry) => entry.businessKey)).toEqual(['K4', 'K3', 'K2', 'K1', 'K0']);
    await journal.close();
  });

  it('starts a new file each month and reads entries across both after a reopen', async () => {
    const folder = await tempFolder();
    const clock = new ManualClock(Date.parse('2026-10-31T23:59:59.500Z'));
    const { journal } = await openJournal({ folder, now: clock.now });
    const october = await journal.beginSubmission(sampleStart({ businessKey: 'OCT' }));
    clock.advance(1000); // the answer arrives in November
    await journal.recordResult(october, accepted('CK-OCT'), 1000);
    const november = await journal.beginSubmission(sampleStart({ businessKey: 'NOV' }));
    await journal.recordResult(november, accepted('CK-NOV'), 20);
    await journal.close();

    expect((await readdir(folder)).sort()).toEqual(['journal-2026-10.jsonl', 'journal-2026-11.jsonl']);
    const reopened = await openJournal({ folder, now: clock.now });
    expect(reopened.report).toMatchObject({ files: 2, entries: 2, skippedLines: [], recoveredAsUnknown: [] });
    expect(reopened.journal.get(october)).toMatchObject({ outcome: 'accepted', documentNo: 'CK-OCT' });
    expect((await reopened.journal.getDetail(november))?.result).toEqual(accepted('CK-NOV'));
    await reopened.journal.close();
  });

  it('refuses a second result for the same submission', async () => {
    const folder = await tempFolder();
    const { journal } = await openJournal({ folder });
    const id = await journal.beginSubmission(sampleStart());
    await journal.recordResult(id, accepted('CK1'), 10);
    await expect(journal.recordResult(id, accepted('CK2'), 10)).rejects.toThrow('已有结果');
    expect(journal.get(id)?.documentNo).toBe('CK1');
    await journal.close();
  });
});

describe('journal: recovery on open', () => {
  it('records a submission left in flight as unknown, durably, with the reason', async () => {
    const folder = await tempFolder();
    const first = await openJournal({ folder });
    const id = await first.journal.beginSubmission(sampleStart({ businessKey: 'LOST' }));
    await first.journal.close(); // as if the app died before the answer

    const second = await openJournal({ folder });
    expect(second.report.recoveredAsUnknown).toEqual([id]);
    const detail = await second.journal.getDetail(id);
    expect(detail).toMatchObject({ outcome: 'unknown', message: UNKNOWN_AFTER_CRASH_REASON });
    expect(detail?.result).toMatchObject({ kind: 'unknown', reason: '程序在发送过程中退出，结果未知' });
    await second.journal.close();

    const third = await openJournal({ folder });
    expect(third.report.recoveredAsUnknown).toEqual([]);
    expect(third.journal.get(id)?.outcome).toBe('unknown');
    await third.journal.close();
  });

  it('skips and reports a torn last line, and the next append starts on a fresh line', async () => {
    const folder = await tempFolder();
    const clock = new ManualClock(Date.parse('2026-11-05T08:00:00Z'));
    const first = await openJournal({ folder, now: clock.now });
    const kept = await first.journal.beginSubmission(sampleStart({ businessKey: 'KEPT' }));
    await first.journal.recordResult(kept, accepted('CK-KEPT'), 10);
    await first.journal.close();
    const file = join(folder, 'journal-2026-11.jsonl');
    // A power cut in the middle of writing a sending record: its request had not left yet.
    // The cut falls inside the body, after everything but the body parsed fine.
    const torn = serializeSending({ ...sampleStart(), id: 'torn', time: '2026-11-05T08:00:01.000Z' }, '[{}]');
    const cut = torn.slice(0, -6);
    await appendFile(file, cut);

    const second = await openJournal({ folder, now: clock.now });
    expect(second.report.skippedLines).toEqual([
      { file: 'journal-2026-11.jsonl', line: 3, reason: expect.any(String) },
    ]);
    expect(second.report.entries).toBe(1);
    expect(second.journal.get(kept)?.outcome).toBe('accepted');
    const next = await second.journal.beginSubmission(sampleStart({ businessKey: 'NEXT' }));
    await second.journal.recordResult(next, accepted('CK-NEXT'), 10);
    await second.journal.close();

    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines[2]).toBe(cut);
    const third = await openJournal({ folder, now: clock.now });
    expect(third.report.skippedLines.map((skipped) => skipped.line)).toEqual([3]);
    expect(third.journal.get(next)).toMatchObject({ outcome: 'accepted', documentNo: 'CK-NEXT' });
    await third.journal.close();
  });

  it('treats a torn result line as a result never written: the submission becomes unknown', async () => {
    const folder = await tempFolder();
    const first = await openJournal({ folder });
    const id = await first.journal.beginSubmission(sampleStart());
    await first.journal.recordResult(id, accepted('CK-9'), 10);
    await first.journal.close();
    const [name] = await readdir(folder);
    const file = join(folder, name ?? '');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length - 25)); // cut inside the result line

    const second = await openJournal({ folder });
    expect(second.report.skippedLines).toHaveLength(1);
    expect(second.report.recoveredAsUnknown).toEqual([id]);
    expect(second.journal.get(id)?.outcome).toBe('unknown');
    await second.journal.close();
  });

  it('skips a zero-filled tail (a power cut after the size grew) without losing earlier entries', async () => {
    const folder = await tempFolder();
    const first = await openJournal({ folder });
    const id = await first.journal.beginSubmission(sampleStart());
    await first.journal.recordResult(id, accepted('CK-1'), 10);
    await first.journal.close();
    const [name] = await readdir(folder);
    await appendFile(join(folder, name ?? ''), Buffer.alloc(300));

    const second = await openJournal({ folder });
    expect(second.report.skippedLines).toHaveLength(1);
    expect(second.journal.get(id)?.outcome).toBe('accepted');
    await second.journal.close();
  });
});

describe('journal: never a secret', () => {
  const secret = '693f9fed686bfe13441385da98b436b6';
  const salt = 'dd488d0802b1e431e4c72cd355847853';

  it('refuses to write (and so to send) a submission whose body contains the secret', async () => {
    const folder = await tempFolder();
    const { journal } = await openJournal({ folder, forbidden: () => [secret, salt] });
    const body = JSON.stringify([{ warehouse_no: 'WH01', remark: `key ${secret}` }, [], false]);
    await expect(journal.beginSubmission(sampleStart({ body }))).rejects.toBeInstanceOf(
      JournalForbiddenTextError,
    );
    expect(journal.size).toBe(0);
    const files = await readdir(folder);
    for (const name of files) expect(await readFile(join(folder, name), 'utf8')).not.toContain(secret);
    await journal.close();
  });

  it('hides a secret echoed in the response instead of losing the result', async () => {
    const folder = await tempFolder();
    const { journal } = await openJournal({ folder, forbidden: () => [secret, salt] });
    const id = await journal.beginSubmission(sampleStart());
    await journal.recordResult(
      id,
      {
        kind: 'refused',
        status: 1,
        message: `验证失败 salt=${salt}`,
        resendable: false,
        explanation: '签名错误',
        response: { status: 1, message: `验证失败 salt=${salt}` },
      },
      30,
    );
    await journal.close();
    const [name] = await readdir(folder);
    const text = await readFile(join(folder, name ?? ''), 'utf8');
    expect(text).not.toContain(salt);
    const reopened = (await openJournal({ folder })).journal;
    const detail = await reopened.getDetail(id);
    expect(detail).toMatchObject({ outcome: 'refused', redacted: true, message: '验证失败 salt=［已隐去］' });
    await reopened.close();
  });

  it('does not mistake a short forbidden string for a secret in ordinary text', async () => {
    const folder = await tempFolder();
    const { journal } = await openJournal({ folder, forbidden: () => ['', 'a'] });
    const id = await journal.beginSubmission(sampleStart());
    expect((await stat(join(folder, (await readdir(folder))[0] ?? ''))).size).toBeGreaterThan(0);
    expect(journal.get(id)?.outcome).toBe('sending');
    await journal.close();
  });
});
