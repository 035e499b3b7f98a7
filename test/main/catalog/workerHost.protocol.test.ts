/**
 * The catalog worker's replies that fail the protocol check: the call they answer fails instead of waiting
 * forever, and a message no call can be told from fails every waiting call and replaces the worker.
 * A stand-in worker (plain JS) plays the catalog worker and answers each method as scripted.
 */
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogWorker, type OpenedCatalogWorker } from '../../../src/main/catalog/workerHost';

const dbs: OpenedCatalogWorker[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.close();
});

/**
 * counts: a reply with its id but a broken shape; readMeta: a message without an id; writeMeta: never
 * answered (it waits); anything else: a proper empty-meta or undefined reply.
 */
const STAND_IN = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, method }) => {
  if (method === 'counts') parentPort.postMessage({ type: 'reply', id, ok: 'yes' });
  else if (method === 'readMeta') parentPort.postMessage({ type: 'gibberish' });
  else if (method === 'writeMeta') return;
  else if (method === 'suggest') parentPort.postMessage({ type: 'reply', id, ok: true, value: [] });
});
parentPort.postMessage({ type: 'ready' });
`;

async function standIn(): Promise<{ db: OpenedCatalogWorker; started: () => number }> {
  let starts = 0;
  const db = await openCatalogWorker({
    spawn: () => {
      starts += 1;
      return new Worker(STAND_IN, { eval: true });
    },
  });
  dbs.push(db);
  return { db, started: () => starts };
}

describe('catalog worker protocol', () => {
  it('fails the call whose reply is malformed, and the worker keeps serving', async () => {
    const { db, started } = await standIn();
    await expect(db.counts()).rejects.toMatchObject({ name: 'CatalogWorkerError' });
    await expect(db.suggest('spec', 'a', 5)).resolves.toEqual([]);
    expect(started()).toBe(1);
  });

  it('fails every waiting call on a message without an id, and the next call gets a new worker', async () => {
    const { db, started } = await standIn();
    const waiting = db.writeMeta({ problems: [] });
    const broken = db.readMeta();
    await expect(broken).rejects.toMatchObject({ name: 'CatalogWorkerError' });
    await expect(waiting).rejects.toMatchObject({ name: 'CatalogWorkerError' });
    await expect(db.suggest('spec', 'a', 5)).resolves.toEqual([]);
    expect(started()).toBe(2);
  });
});
