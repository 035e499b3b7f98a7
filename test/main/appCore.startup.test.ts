/**
 * Start-up with a large journal: drafts, profiles and settings are served at once, while the journal is
 * still being replayed; the log and submissions wait for it and then see every entry.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { serializeResult, serializeSending } from '../../src/main/journal/format';
import { monthFileName } from '../../src/main/journal/monthFiles';
import { openTestCore } from '../support/appCore';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';

const entries = 20_000;

async function writeJournal(folder: string): Promise<void> {
  const start = Date.parse('2026-10-01T00:00:00Z');
  const lines: string[] = [];
  for (let i = 0; i < entries; i += 1) {
    const time = new Date(start + i * 1000).toISOString();
    const id = `${time.replace(/[-:.]/g, '')}-${i.toString(16).padStart(6, '0')}`;
    const body = JSON.stringify([
      { from_warehouse_no: 'a', to_warehouse_no: 'b', mode: 1 },
      [{ spec_no: `SKU-${i}`, num: 1 }],
    ]);
    const meta = {
      time,
      operator: '张三',
      profileName: '正式仓',
      environment: '正式环境',
      method: 'wms.outer.OuterTransfer.createByApi',
      documentTitle: '外仓快速调拨',
      businessKey: `content:${i}`,
    };
    lines.push(
      serializeSending({ id, ...meta }, body),
      serializeResult(
        {
          id,
          time,
          durationMs: 100,
          outcome: {
            kind: 'accepted',
            documentNo: `TF${i}`,
            response: { status: 0, data: { transfer_no: `TF${i}` } },
          },
        },
        meta,
      ),
    );
  }
  await mkdir(join(folder, 'journal'), { recursive: true });
  await writeFile(join(folder, 'journal', monthFileName(start)), lines.join(''));
}

it('serves drafts and profiles before a large journal is replayed, and the log after it', async () => {
  const dataFolder = await mkdtemp(join(tmpdir(), 'wdt-startup-'));
  await writeJournal(dataFolder);
  const test = await openTestCore({ dataFolder });
  const order: string[] = [];
  const journalDone = test.core.journalReport().then((report) => {
    order.push('journal replayed');
    return report;
  });
  const page = test.value('queryJournal', {}).then((result) => {
    order.push('log page');
    return result;
  });
  await test.value('listProfiles', undefined).then(() => order.push('profiles'));
  await test.value('loadDraft', { id: 'doc.x' }).then(() => order.push('draft'));
  expect((await journalDone).entries).toBe(entries);
  expect((await page).total).toBe(entries);
  expect(order).toEqual(['profiles', 'draft', 'journal replayed', 'log page']);
});
