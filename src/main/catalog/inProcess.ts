/**
 * The catalog in the calling thread: for the CLI and tests (the app runs it in a worker, workerHost.ts).
 * Without a file it lives in memory and checkpoint() does nothing.
 */
import type { CatalogFileOptions } from './catalogFile';
import { CatalogSession } from './session';
import type { CatalogDb } from './types';

export interface OpenedCatalogDb extends CatalogDb {
  /** Plain Chinese: the catalog file was damaged and set aside (the catalog started empty). */
  readonly openNotice?: string;
}

export async function openCatalogInProcess(options: CatalogFileOptions = {}): Promise<OpenedCatalogDb> {
  const session = await CatalogSession.open(options);
  // Every method is async like the worker's, so callers cannot come to rely on synchronous answers.
  const run = async <T>(work: () => T): Promise<T> => work();
  return {
    ...(session.openNotice === undefined ? {} : { openNotice: session.openNotice }),
    apply: (batch) => run(() => session.apply(batch)),
    clearProducts: () => run(() => session.clearProducts()),
    readMeta: () => run(() => session.readMeta()),
    writeMeta: (patch) => run(() => session.writeMeta(patch)),
    checkpoint: () => session.checkpoint(),
    counts: () => run(() => session.counts()),
    suggest: (kind, text, limit) => run(() => session.suggest(kind, text, limit)),
    lookup: (kind, codes) => run(() => session.lookup(kind, codes)),
    codeFilter: () => run(() => session.codeFilter()),
    contents: () => run(() => session.contents()),
    close: () => run(() => session.close()),
  };
}
