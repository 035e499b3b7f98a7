/**
 * The appsecret's two parts must never leave main's memory: not in an IPC reply, an event, the journal,
 * a draft, the settings file or an export. This drives every path a submission can take and then reads
 * everything the app wrote and returned.
 */
import { expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { outerOutSpec, outerTransferSpec } from '../../src/shared/documents';
import { openTestCore, simulator } from '../support/appCore';

const secret = 'Zq7SecretPartNeverShown';
const salt = 'Yx9SaltPartNeverShown';
const account = { sid: 'leaktest', appkey: 'leak-key', appsecret: `${secret}:${salt}` };

it('never reveals the secret or the salt, whatever happens to a submission', async () => {
  const test = await openTestCore({ timeoutMs: 300 });
  const sim = await simulator({ accounts: [account] });
  const profile = await test.value('createProfile', {
    name: '正式仓',
    environment: 'custom',
    url: sim.url,
    ...account,
  });
  await test.value('updateProfile', { id: profile.id, patch: { operator: '李四' } });
  await test.value('setActiveProfile', { id: profile.id });
  await test.value('testConnection', { id: profile.id });

  const outerOut = (orderNo: string) => ({
    method: outerOutSpec.method,
    draftId: 'doc.out',
    draft: {
      header: { warehouse_no: 'pos', order_no: orderNo, is_check: false },
      lines: [{ spec_no: 'A1', num: '1' }],
    },
  });
  const accepted = await test.value('submitDocument', outerOut('L-1'));
  const again = await test.value('submitDocument', outerOut('L-1'));
  const priorIds = again.status === 'needs-confirmation' ? again.prior.map((entry) => entry.id) : [];
  await test.value('submitDocument', { ...outerOut('L-1'), confirmedPriorIds: priorIds }); // refused: 外部单号重复
  await test.value('submitDocument', {
    ...outerOut('L-2'),
    draft: { header: { warehouse_no: '' }, lines: [] },
  }); // invalid
  sim.injectFault({ kind: 'delay', ms: 800, times: 1 });
  await test.value('submitDocument', outerOut('L-3')); // unknown
  sim.injectFault({ kind: 'html', times: 1 });
  await test.value('submitDocument', outerOut('L-4')); // unknown, HTML
  sim.injectFault({ kind: 'rateLimit', times: 1 });
  await test.value('submitDocument', outerOut('L-5')); // refused, resendable
  const transfer = { from_warehouse_no: 'a', to_warehouse_no: 'b', mode: '1' };
  await test.value('submitDocument', {
    method: outerTransferSpec.method,
    draftId: 'doc.tr',
    draft: { header: transfer, lines: [{ spec_no: 'A1', num: '1' }] },
  });
  await test.value('saveDraft', { id: 'doc.out', data: { header: { warehouse_no: 'pos' } } });
  await test.value('updateSettings', { operatorName: '王五' });
  await sim.close();
  await test.value('submitDocument', outerOut('L-6')); // not sent

  const page = await test.value('queryJournal', {});
  expect(page.total).toBeGreaterThanOrEqual(7);
  for (const entry of page.entries) await test.value('getJournalEntry', { id: entry.id });
  const exported = await test.value('exportJournal', {});
  const book = XLSX.read(exported.bytes);
  const exportedText = JSON.stringify(
    XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0] ?? ''] ?? {}, { header: 1 }),
  );
  await test.value('listProfiles', undefined);
  await test.value('getSettings', undefined);

  expect(accepted.status).toBe('sent');
  const places = [
    { where: 'IPC replies', text: JSON.stringify(test.replies) },
    { where: 'events', text: JSON.stringify(test.events) },
    { where: 'export', text: exportedText },
    ...(await test.filesWritten()).map((file) => ({ where: file.path, text: file.text })),
  ];
  expect(places.length).toBeGreaterThan(4);
  for (const place of places) {
    expect({
      where: place.where,
      secret: place.text.includes(secret),
      salt: place.text.includes(salt),
    }).toEqual({
      where: place.where,
      secret: false,
      salt: false,
    });
  }
});
