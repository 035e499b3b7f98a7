/**
 * An ERP answer is read up to 10 MB and no further: a larger one (a runaway proxy, a wrong URL) leaves a
 * create unknown and a query failed, with a note, and none of it is kept.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { outerOutSpec } from '../../../src/shared/documents';
import { MAX_ANSWER_BYTES, TOO_LARGE_NOTE } from '../../../src/main/wdt/bodyReader';
import { createWdtClient } from '../../../src/main/wdt/client';
import { createWdtQueryClient } from '../../../src/main/wdt/query';
import { demoAccount } from '../../../src/main/wdt/simulator';

const MB = 1024 * 1024;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

interface Answer {
  readonly bytes: number;
  /** Sent as one piece with a Content-Length, or streamed in chunks without one. */
  readonly declareLength: boolean;
}

/** A loopback ERP whose answer is `{"status":0,"message":"…"}` padded with spaces to exactly `bytes`. */
async function bigAnswerServer(answer: Answer): Promise<{ url: string; sentBytes: () => number }> {
  let sent = 0;
  const head = Buffer.from('{"status":0,"message":"ok","data":[]}');
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => void send(response));
  });
  async function send(response: ServerResponse): Promise<void> {
    const padding = answer.bytes - head.length;
    response.writeHead(200, {
      'content-type': 'application/json',
      ...(answer.declareLength ? { 'content-length': String(answer.bytes) } : {}),
    });
    response.on('error', () => undefined);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    if (!response.write(head)) await drained(response);
    sent += head.length;
    for (let left = padding; left > 0 && !response.destroyed; left -= chunk.length) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      sent += piece.length;
      if (!response.write(piece)) await drained(response);
    }
    if (!response.destroyed) response.end();
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/openapi`, sentBytes: () => sent };
}

function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    response.once('drain', resolve);
    response.once('close', resolve);
  });
}

const args = [{ warehouse_no: 'pos', order_no: 'BIG-1' }, [{ spec_no: 'A1', num: 1 }], false];
const clientAt = (url: string) =>
  createWdtClient({ baseUrl: url, credentials: demoAccount, fetch, now: Date.now, timeoutMs: 10_000 });

it.each([false, true])(
  'a create whose 11 MB answer (length declared: %s) is not read is unknown, with a note',
  async (declareLength) => {
    const server = await bigAnswerServer({ bytes: 11 * MB, declareLength });
    const result = await clientAt(server.url).call(outerOutSpec.method, args);
    expect(result.outcome).toMatchObject({ kind: 'unknown', reason: TOO_LARGE_NOTE });
    if (result.outcome.kind === 'unknown') expect(result.outcome.explanation).toContain('10 MB');
    // Nothing of the answer is carried on to the journal or the window.
    expect(JSON.stringify(result).length).toBeLessThan(4096);
    expect(result.attempts).toBe(1);
  },
);

it('a streamed answer is abandoned at the limit, not downloaded to the end', async () => {
  const server = await bigAnswerServer({ bytes: 200 * MB, declareLength: false });
  const result = await clientAt(server.url).call(outerOutSpec.method, args);
  expect(result.outcome).toMatchObject({ kind: 'unknown', reason: TOO_LARGE_NOTE });
  expect(server.sentBytes()).toBeLessThan(50 * MB);
});

it('an answer just under the limit is still read', async () => {
  const server = await bigAnswerServer({ bytes: MAX_ANSWER_BYTES - 1024, declareLength: false });
  const result = await clientAt(server.url).call(outerOutSpec.method, args);
  expect(result.outcome.kind).toBe('accepted');
});

it.each([false, true])(
  'a query whose 11 MB answer (length declared: %s) is not read fails, with the note',
  async (declareLength) => {
    const server = await bigAnswerServer({ bytes: 11 * MB, declareLength });
    const client = createWdtQueryClient({
      baseUrl: server.url,
      credentials: demoAccount,
      fetch,
      now: Date.now,
      timeoutMs: 10_000,
    });
    const answer = await client.query('wms.outer.OuterOut.queryWithDetail', { order_no: 'BIG-1' });
    expect(answer.kind).toBe('failed');
    if (answer.kind === 'failed') expect(answer.reason).toContain(TOO_LARGE_NOTE);
    expect(JSON.stringify(answer).length).toBeLessThan(4096);
  },
);
