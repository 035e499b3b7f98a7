/**
 * One open catalog: the store and its file. The in-process CatalogDb (inProcess.ts) and the catalog worker
 * (catalogWorker.ts) both run their calls through this, so they behave alike.
 */
import type { CatalogKind } from '../../shared/catalog';
import { nodeFileLayer, type FileLayer } from '../files/fileLayer';
import { openCatalogStore, writeCatalogFile, type CatalogFileOptions } from './catalogFile';
import type { CatalogStore } from './store';
import type { CatalogMeta, CatalogWriteBatch } from './types';

export class CatalogClosedError extends Error {
  constructor() {
    super('The catalog is closed.');
    this.name = 'CatalogClosedError';
  }
}

export class CatalogSession {
  private closed = false;
  /** Checkpoints run one after another, so an older snapshot never lands after a newer one. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: CatalogStore,
    private readonly file: string | undefined,
    private readonly files: FileLayer,
    readonly openNotice: string | undefined,
  ) {}

  static async open(options: CatalogFileOptions = {}): Promise<CatalogSession> {
    const { store, openNotice } = await openCatalogStore(options);
    return new CatalogSession(store, options.file, options.files ?? nodeFileLayer, openNotice);
  }

  private get open(): CatalogStore {
    if (this.closed) throw new CatalogClosedError();
    return this.store;
  }

  apply(batch: CatalogWriteBatch): void {
    this.open.apply(batch);
  }
  clearProducts(): void {
    this.open.clearProducts();
  }
  readMeta(): CatalogMeta {
    return this.open.readMeta();
  }
  writeMeta(patch: Partial<CatalogMeta>): void {
    this.open.writeMeta(patch);
  }
  counts() {
    return this.open.counts();
  }
  suggest(kind: CatalogKind, text: string, limit: number) {
    return this.open.suggest(kind, text, limit);
  }
  lookup(kind: CatalogKind, codes: readonly string[]) {
    return this.open.lookup(kind, codes);
  }
  codeFilter() {
    return this.open.codeFilter();
  }
  /** One step of the store's warm-up (the code filter, then the name index); true while work remains. */
  warmUp(): boolean {
    return !this.closed && this.store.warmUp();
  }
  contents() {
    return this.open.contents();
  }

  checkpoint(): Promise<void> {
    const file = this.file;
    if (file === undefined) return this.closed ? Promise.reject(new CatalogClosedError()) : Promise.resolve();
    const next = this.writing
      .catch(() => undefined)
      .then(() => writeCatalogFile(this.open, file, this.files));
    this.writing = next;
    return next;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.store.close();
  }
}
