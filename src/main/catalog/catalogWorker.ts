/**
 * The catalog worker thread: opens the catalog (workerData.file) and answers workerHost.ts's requests, so
 * opening a large file, a big apply and a checkpoint never block main's event loop. It reports ready once
 * the database is open, then builds the code filter and the name index in steps between requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { catalogKinds, type CatalogKind } from '../../shared/catalog';
import type { CatalogMethod, CatalogRequest, CatalogWorkerData, CatalogWorkerMessage } from './protocol';
import { CatalogSession } from './session';
import type { CatalogMeta, CatalogWriteBatch } from './types';

function parent(): NonNullable<typeof parentPort> {
  if (parentPort === null) throw new Error('catalogWorker.ts runs only as a worker thread.');
  return parentPort;
}
const port = parent();

const post = (message: CatalogWorkerMessage): void => port.postMessage(message);

function asKind(value: unknown): CatalogKind {
  if (!catalogKinds.includes(value as CatalogKind))
    throw new TypeError(`Unknown catalog kind: ${String(value)}`);
  return value as CatalogKind;
}

// Arguments come from workerHost.ts, whose callers are typed against CatalogDb; main validated anything
// from outside (ERP answers, files, the renderer) before it reached a CatalogDb call.
async function call(
  session: CatalogSession,
  method: CatalogMethod,
  args: readonly unknown[],
): Promise<unknown> {
  switch (method) {
    case 'apply':
      return session.apply(args[0] as CatalogWriteBatch);
    case 'clearProducts':
      return session.clearProducts();
    case 'readMeta':
      return session.readMeta();
    case 'writeMeta':
      return session.writeMeta(args[0] as Partial<CatalogMeta>);
    case 'checkpoint':
      return session.checkpoint();
    case 'counts':
      return session.counts();
    case 'suggest':
      return session.suggest(asKind(args[0]), String(args[1]), Number(args[2]));
    case 'lookup':
      return session.lookup(asKind(args[0]), (args[1] as unknown[]).map(String));
    case 'codeFilter':
      return session.codeFilter();
    case 'contents':
      return session.contents();
    case 'memory': {
      const { heapUsed, heapTotal, external, arrayBuffers, rss } = process.memoryUsage();
      return { heapUsed, heapTotal, external, arrayBuffers, rss };
    }
  }
}

async function main(): Promise<void> {
  const data = (workerData ?? {}) as CatalogWorkerData;
  let session: CatalogSession;
  try {
    // Ready as soon as the database is open: lookups by code and barcode need no more. The code filter and
    // the name index are built after, a step at a time between requests (warmUp).
    session = await CatalogSession.open(
      typeof data.file === 'string' ? { file: data.file, indexes: 'later' } : { indexes: 'later' },
    );
  } catch (error) {
    post({ type: 'openFailed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  port.on('message', (request: CatalogRequest) => {
    call(session, request.method, request.args).then(
      (value) => post({ type: 'reply', id: request.id, ok: true, value }),
      (error: unknown) =>
        post({
          type: 'reply',
          id: request.id,
          ok: false,
          name: error instanceof Error ? error.name : 'Error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  post(
    session.openNotice === undefined ? { type: 'ready' } : { type: 'ready', openNotice: session.openNotice },
  );
  // setImmediate runs after the messages that arrived meanwhile, so a request waits one step at most.
  const warm = (): void => {
    if (session.warmUp()) setImmediate(warm);
  };
  setImmediate(warm);
}

void main();
