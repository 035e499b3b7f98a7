/**
 * A journal file deleted, moved or replaced while the app runs: the journal stops writing (and so the app
 * stops submitting) with a message saying what happened, instead of appending into a file nobody will read.
 */
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../../src/main/journal/journal';
import { JournalUnavailableError } from '../../../src/main/journal/errors';
import { tempFolder } from './helpers';
import { sampleStart } from './samples';

const outerOut = 'wms.outer.OuterOut.createOrder';

async function journalWithOneAccepted() {
  const folder = await tempFolder();
  const opened = await openJournal({ folder });
  const id = await opened.journal.beginSubmission(sampleStart({ businessKey: 'OUT-1' }));
  await opened.journal.recordResult(id, { kind: 'accepted', documentNo: 'CK-1', response: { status: 0 } }, 5);
  const [name] = await readdir(folder);
  return { folder, journal: opened.journal, file: join(folder, name ?? ''), id };
}

describe('journal: a file that vanishes while the app runs', () => {
  it('refuses the next submission and every later one, and puts the deleted file back', async () => {
    const { folder, journal, file } = await journalWithOneAccepted();
    const before = await readFile(file);
    await rm(file);

    const refusal = journal.beginSubmission(sampleStart({ businessKey: 'OUT-2' }));
    await expect(refusal).rejects.toBeInstanceOf(JournalUnavailableError);
    await expect(refusal).rejects.toThrow(/被删除或移走.*已停止提交.*重启程序/);
    await expect(journal.beginSubmission(sampleStart({ businessKey: 'OUT-3' }))).rejects.toThrow(
      '已停止提交',
    );
    expect(journal.size).toBe(1);
    await journal.close();

    expect(await readFile(file)).toEqual(before);
    const reopened = await openJournal({ folder });
    expect(reopened.journal.findPrior(outerOut, 'OUT-1')).toMatchObject([{ outcome: 'accepted' }]);
    expect(reopened.journal.findPrior(outerOut, 'OUT-2')).toEqual([]);
    await reopened.journal.close();
  });

  it('refuses to write when the file was replaced by another, and leaves that file alone', async () => {
    const { folder, journal, file } = await journalWithOneAccepted();
    await rename(file, join(folder, 'moved-away.jsonl'));
    await writeFile(file, '');

    await expect(journal.beginSubmission(sampleStart({ businessKey: 'OUT-2' }))).rejects.toThrow(
      /被删除、移走或替换.*放回数据文件夹/,
    );
    expect(await readFile(file, 'utf8')).toBe('');
    await journal.close();
  });

  it('refuses, and creates no empty file, when the file vanished before the first write of a run', async () => {
    const { folder, journal, file } = await journalWithOneAccepted();
    await journal.close();
    const second = await openJournal({ folder });
    await rm(file);

    await expect(
      second.journal.beginSubmission(sampleStart({ businessKey: 'OUT-2' })),
    ).rejects.toBeInstanceOf(JournalUnavailableError);
    expect(await readdir(folder)).toEqual([]);
    await second.journal.close();
  });
});
