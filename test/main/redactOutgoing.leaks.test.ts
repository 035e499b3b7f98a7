/**
 * The appsecret's two parts must never leave main's memory: not in an IPC reply, an event, the journal,
 * a draft, the settings file or an export. This drives every path a submission can take and then reads
 * everything the app wrote and returned.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { outerOutSpec, outerTransferSpec } from '../../src/shared/documents';
import { openTestCore, simulator } from '../support/appCore';

const secret = 'Zq7SecretPartNeverShown';
const salt = 'Yx9SaltPartNeverShown';
const account = { sid: 'leaktest', appkey: 'leak-key', appsecret: `${secret}:${salt}` };

function exportedText(bytes: Uint8Array): string {
  const book = XLSX.read(bytes);
  return JSON.stringify(XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0] ?? ''] ?? {}, { header: 1 }));
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** An ERP (or the proxy in front of it) that repeats the salt back: in a refusal, and in a 502 page. */
async function echoingErp(): Promise<{ url: string; answer: (mode: 'refuse' | 'gateway') => void }> {
  let mode: 'refuse' | 'gateway' = 'refuse';
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (mode === 'gateway') {
        response.writeHead(502, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
          `<html><body><h1>502 Bad Gateway</h1><p>${request.url ?? ''} salt=${salt}` +
            ` ${encodeURIComponent(account.appsecret)}</p></body></html>`,
        );
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 1, message: `签名错误，salt 应为 ${salt}，secret ${secret}` }));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/openapi`, answer: (next) => (mode = next) };
}

it('removes a salt the ERP or a gateway echoes from every reply, event, query and export', async () => {
  const test = await openTestCore({ autoReconcileDelayMs: 0 });
  const erp = await echoingErp();
  const profile = await test.value('createProfile', {
    name: '回显',
    environment: 'custom',
    url: erp.url,
    ...account,
  });
  await test.value('setActiveProfile', { id: profile.id });
  const submission = (orderNo: string) => ({
    method: outerOutSpec.method,
    draftId: 'doc.echo',
    draft: {
      header: { warehouse_no: 'pos', order_no: orderNo, is_check: false },
      lines: [{ spec_no: 'A1', num: '1' }],
    },
  });
  await test.call('testConnection', { id: profile.id });
  const refused = await test.value('submitDocument', submission('E-1'));
  erp.answer('gateway');
  const gateway = await test.value('submitDocument', submission('E-2'));
  const page = await test.value('queryJournal', {});
  const details = [];
  for (const entry of page.entries) details.push(await test.value('getJournalEntry', { id: entry.id }));
  const unknown = page.entries.find((entry) => entry.outcome === 'unknown');
  if (unknown) await test.call('reconcileEntry', { id: unknown.id });
  const exported = exportedText((await test.value('exportJournal', {})).bytes);

  // The echo really came back, and was replaced rather than dropped.
  expect(page.entries).toHaveLength(2);
  expect(JSON.stringify(refused)).toContain('［已隐去］');
  expect(JSON.stringify(gateway)).toContain('［已隐去］'); // the 502 page, through bodyExcerpt
  expect(exported).toContain('［已隐去］');
  const places = [
    { where: 'IPC replies', text: JSON.stringify(test.replies) },
    { where: 'events', text: JSON.stringify(test.events) },
    { where: 'journal details', text: JSON.stringify(details) },
    { where: 'export', text: exported },
    ...(await test.filesWritten()).map((file) => ({ where: file.path, text: file.text })),
  ];
  expect(test.events.some((event) => event.name === 'journalChanged')).toBe(true);
  for (const place of places) {
    expect({
      where: place.where,
      secret: place.text.includes(secret),
      salt: place.text.includes(salt),
    }).toEqual({ where: place.where, secret: false, salt: false });
  }
});

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
