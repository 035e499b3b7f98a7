/**
 * What a user sees when the journal is damaged or deleted: a document already created still needs
 * confirmation before it is sent again, the log says lines were skipped, and a journal deleted while the
 * app runs stops submitting with a message rather than sending without a record.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../../src/shared/spec';
import { outerOutSpec } from '../../src/shared/documents';
import { openTestCore } from '../support/appCore';

const outerOut = outerOutSpec.method;

function outerOutDraft(orderNo: string): DocumentDraft {
  return {
    header: { warehouse_no: 'pos', order_no: orderNo, is_check: false },
    lines: [{ spec_no: 'DFAQT101', num: '2' }],
  };
}

async function journalFile(dataFolder: string): Promise<string> {
  const folder = join(dataFolder, 'journal');
  const [name] = (await readdir(folder)).filter((file) => file.endsWith('.jsonl'));
  return join(folder, name ?? '');
}

describe('submitting with a damaged or vanished journal', () => {
  it('still asks for confirmation after the sending line of an accepted document was damaged', async () => {
    const first = await openTestCore();
    const sent = await first.value('submitDocument', {
      method: outerOut,
      draftId: 'doc.a',
      draft: outerOutDraft('WD-1'),
    });
    expect(sent).toMatchObject({ status: 'sent', outcome: { kind: 'accepted' } });
    await first.core.close();
    const file = await journalFile(first.dataFolder);
    const buf = await readFile(file);
    buf[30] = (buf[30] ?? 0) ^ 0x04; // inside the first line: the sending record
    await writeFile(file, buf);

    const second = await openTestCore({ dataFolder: first.dataFolder });
    const again = await second.value('submitDocument', {
      method: outerOut,
      draftId: 'doc.b',
      draft: outerOutDraft('WD-1'),
    });
    expect(again).toMatchObject({
      status: 'needs-confirmation',
      prior: [{ outcome: 'accepted', documentNo: 'WD-1' }],
    });
    expect(await second.value('queryJournal', {})).toMatchObject({ total: 1, skippedLines: 1 });
    await second.core.close();
  });

  it('stops submitting, saying nothing was sent, when the journal file is deleted while the app runs', async () => {
    const test = await openTestCore();
    await test.value('submitDocument', { method: outerOut, draftId: 'doc.a', draft: outerOutDraft('WD-1') });
    await rm(await journalFile(test.dataFolder));

    const refused = await test.call('submitDocument', {
      method: outerOut,
      draftId: 'doc.b',
      draft: outerOutDraft('WD-2'),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORE_FAILED' } });
    expect(!refused.ok && refused.error.message).toMatch(/已停止提交.*单据没有发出/);
    await test.core.close();

    // The deleted file was put back from the handle still open, so the guard outlives the restart.
    const restarted = await openTestCore({ dataFolder: test.dataFolder });
    const again = await restarted.value('submitDocument', {
      method: outerOut,
      draftId: 'doc.c',
      draft: outerOutDraft('WD-1'),
    });
    expect(again).toMatchObject({ status: 'needs-confirmation' });
    await restarted.core.close();
  });
});
