/**
 * A stand-in ERP on 127.0.0.1 that answers every request with one fixed envelope and counts the requests:
 * for answers the practice ERP has no reason to give (status 4, 5, 99, an unlisted status).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export interface FixedAnswerErp {
  /** The endpoint, e.g. http://127.0.0.1:1234/openapi */
  readonly url: string;
  /** How many requests arrived. */
  requests(): number;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

export async function fixedAnswerErp(envelope: unknown): Promise<FixedAnswerErp> {
  let requests = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      requests += 1;
      response.writeHead(200, { 'Content-Type': 'application/json', Date: new Date().toUTCString() });
      response.end(JSON.stringify(envelope));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/openapi`, requests: () => requests };
}
