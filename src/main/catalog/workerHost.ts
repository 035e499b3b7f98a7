/**
 * The app's CatalogDb: the store runs in a worker thread (catalogWorker.ts) so opening a large catalog, a
 * big apply or a checkpoint never blocks main; each call is a message with an id, and every reply is
 * checked against what its method promises (protocol.ts).
 *
 * A message from the worker that fails the check fails the call whose id it carries; one without a usable
 * id fails every waiting call and the worker is replaced, as if it had died.
 *
 * If the worker dies (out of memory, a crash in the WASM), the calls waiting on it fail with
 * CatalogWorkerError and the next call starts a new worker, which reopens the catalog from its last
 * checkpoint: reads go on working. Writes made since that checkpoint are gone, so if none of the failed
 * calls told the writer (a sync between two batches), its next write or checkpoint fails once with
 * CatalogWorkerError too; the writer then stops and the next run resumes from the checkpointed cursor,
 * which is consistent with the checkpointed records.
 */
import { existsSync } from 'node:fs';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { OpenedCatalogDb } from './inProcess';
import {
  replySchemas,
  workerMessage,
  type CatalogMethod,
  type CatalogRequest,
  type CatalogWorkerData,
  type WorkerMemory,
} from './protocol';
import { CatalogClosedError } from './session';
import type { CatalogDb } from './types';

class CatalogWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogWorkerError';
  }
}

export interface OpenedCatalogWorker extends OpenedCatalogDb {
  /** The worker's memory, for the bench and support. */
  memory(): Promise<WorkerMemory>;
}

const WRITES: ReadonlySet<CatalogMethod> = new Set(['apply', 'clearProducts', 'writeMeta', 'checkpoint']);

/**
 * The worker script: in the electron-vite build, out/main/catalogWorker.js beside out/main/index.js (this
 * module may also sit in out/main/chunks/). From TS sources (vitest, tsx) the worker first registers tsx,
 * since Node 20 does not pass `--import tsx` loader hooks on to a worker thread.
 */
function startWorker(data: CatalogWorkerData, resourceLimits: ResourceLimits | undefined): Worker {
  const limits = resourceLimits === undefined ? {} : { resourceLimits };
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const script = new URL('./catalogWorker.ts', here).href;
    // The ESM entry by path: resolving 'tsx/esm/api' here would pick its CommonJS build.
    const tsxFolder = dirname(createRequire(here).resolve('tsx/package.json'));
    const tsx = pathToFileURL(join(tsxFolder, 'dist/esm/api/index.mjs')).href;
    const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`;
    return new Worker(code, { eval: true, workerData: data, ...limits });
  }
  const candidates = [new URL('./catalogWorker.js', here), new URL('../catalogWorker.js', here)];
  const url = candidates.find((candidate) => existsSync(fileURLToPath(candidate))) ?? candidates[0];
  return new Worker(url as URL, { workerData: data, execArgv: [], ...limits });
}

interface Pending {
  readonly method: CatalogMethod;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

const died = (why: string): string =>
  `商品目录后台线程意外退出（${why}），本次操作未完成；下次使用目录时会从上次保存处重新打开。`;
const LOST_WRITES =
  '商品目录后台线程曾意外退出，上次保存后写入目录的内容已丢失；请重新同步目录（会从上次保存处继续）。';

interface CatalogWorkerOptions {
  /** The catalog file; without one the catalog lives in the worker's memory only. */
  readonly file?: string;
  /** Caps on the worker's heap: past them the worker dies (see above) rather than the app. */
  readonly resourceLimits?: ResourceLimits;
  /** Starts the worker thread; startWorker (catalogWorker.ts) unless a test stands in for it. */
  readonly spawn?: (data: CatalogWorkerData, resourceLimits: ResourceLimits | undefined) => Worker;
}

/** The id of a message that failed the check, when it has one to match a waiting call with. */
function readableId(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as Record<string, unknown>)['id'];
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : undefined;
}

export async function openCatalogWorker(options: CatalogWorkerOptions = {}): Promise<OpenedCatalogWorker> {
  const data: CatalogWorkerData = options.file === undefined ? {} : { file: options.file };
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: Worker | undefined;
  let starting: Promise<Worker> | undefined;
  let closed = false;
  let firstNotice: string | undefined;
  /** Writes sent, and the count of them the last successful checkpoint covered. */
  let writesSent = 0;
  let writesSaved = 0;
  let lostWrites = false;

  const failAll = (error: Error): void => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  const start = (): Promise<Worker> =>
    new Promise<Worker>((resolve, reject) => {
      const created = (options.spawn ?? startWorker)(data, options.resourceLimits);
      let ready = false;
      let ended = false;
      const gone = (why: string): void => {
        if (ended) return;
        ended = true;
        if (worker === created) worker = undefined;
        starting = undefined;
        if (!ready) {
          reject(new CatalogWorkerError(`商品目录无法打开：${why}`));
          return;
        }
        if (closed) return;
        const writerTold = [...pending.values()].some((waiting) => WRITES.has(waiting.method));
        if (writesSent > writesSaved && !writerTold) lostWrites = true;
        writesSent = writesSaved = 0;
        failAll(new CatalogWorkerError(died(why)));
      };
      created.on('message', (raw: unknown) => {
        const parsed = workerMessage.safeParse(raw);
        if (!parsed.success) {
          // Dropping it would leave its call waiting forever: fail that call, or, when no call can be told
          // from it, every waiting call, and replace a worker that no longer speaks the protocol.
          const id = readableId(raw);
          const waiting = id === undefined ? undefined : pending.get(id);
          if (id !== undefined && waiting !== undefined) {
            pending.delete(id);
            waiting.reject(
              new CatalogWorkerError(`Catalog worker sent a malformed ${waiting.method} reply.`),
            );
            return;
          }
          gone('回复格式无法识别');
          void created.terminate();
          return;
        }
        const message = parsed.data;
        if (message.type === 'ready') {
          ready = true;
          worker = created;
          firstNotice ??= message.openNotice;
          resolve(created);
        } else if (message.type === 'openFailed') {
          void created.terminate();
          gone(message.message);
        } else {
          const waiting = pending.get(message.id);
          if (waiting === undefined) return;
          pending.delete(message.id);
          if (!message.ok) {
            const error = new Error(message.message ?? 'Catalog call failed.');
            error.name = message.name ?? 'Error';
            waiting.reject(error);
            return;
          }
          const value = replySchemas[waiting.method].safeParse(message.value);
          if (value.success) waiting.resolve(value.data);
          else
            waiting.reject(
              new CatalogWorkerError(`Catalog worker sent a malformed ${waiting.method} reply.`),
            );
        }
      });
      created.on('error', (error) => gone(error.message));
      created.on('exit', (code) => gone(`退出码 ${code}`));
    });

  const ensure = (): Promise<Worker> => {
    if (worker !== undefined) return Promise.resolve(worker);
    starting ??= start();
    return starting;
  };

  const call = async (method: CatalogMethod, args: readonly unknown[] = []): Promise<unknown> => {
    if (closed) throw new CatalogClosedError();
    if (lostWrites && WRITES.has(method)) {
      lostWrites = false;
      throw new CatalogWorkerError(LOST_WRITES);
    }
    const target = await ensure();
    if (closed) throw new CatalogClosedError();
    // It may have died between starting and now; its exit already failed everything it held.
    if (worker !== target) throw new CatalogWorkerError(died('已退出'));
    const id = nextId++;
    const covers = writesSent;
    if (WRITES.has(method) && method !== 'checkpoint') writesSent++;
    const value = await new Promise<unknown>((resolve, reject) => {
      pending.set(id, { method, resolve, reject });
      const request: CatalogRequest = { id, method, args };
      target.postMessage(request);
    });
    if (method === 'checkpoint' && worker === target) writesSaved = Math.max(writesSaved, covers);
    return value;
  };

  await ensure();
  // Each reply was checked against replySchemas[method], which matches the CatalogDb method's type.
  const db: CatalogDb = {
    apply: async (batch) => void (await call('apply', [batch])),
    clearProducts: async () => void (await call('clearProducts')),
    readMeta: async () => (await call('readMeta')) as Awaited<ReturnType<CatalogDb['readMeta']>>,
    writeMeta: async (patch) => void (await call('writeMeta', [patch])),
    checkpoint: async () => void (await call('checkpoint')),
    counts: async () => (await call('counts')) as Awaited<ReturnType<CatalogDb['counts']>>,
    suggest: async (kind, text, limit) =>
      (await call('suggest', [kind, text, limit])) as Awaited<ReturnType<CatalogDb['suggest']>>,
    lookup: async (kind, codes) =>
      (await call('lookup', [kind, codes])) as Awaited<ReturnType<CatalogDb['lookup']>>,
    codeFilter: async () => (await call('codeFilter')) as Awaited<ReturnType<CatalogDb['codeFilter']>>,
    contents: async () => (await call('contents')) as Awaited<ReturnType<CatalogDb['contents']>>,
    close: async () => {
      if (closed) return;
      closed = true;
      failAll(new CatalogClosedError());
      const running = worker ?? (await starting?.catch(() => undefined));
      worker = undefined;
      await running?.terminate();
    },
  };
  return {
    ...db,
    ...(firstNotice === undefined ? {} : { openNotice: firstNotice }),
    memory: async () => (await call('memory')) as WorkerMemory,
  };
}
