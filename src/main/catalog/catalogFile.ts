/**
 * The catalog's file: opening it (a damaged or unreadable one is set aside and the catalog starts empty,
 * with a notice the service shows), and checkpoints written whole through a flushed temporary file and a
 * rename (files/checkedWrite.ts), so a crash or a full disk leaves the previous checkpoint or the new one.
 *
 * The catalog is a copy of the ERP's master data, so losing it costs a sync, never data of the user's: a
 * damaged file that cannot even be moved aside is overwritten by the next checkpoint rather than blocking.
 */
import { basename, dirname, join } from 'node:path';
import { replaceFile } from '../files/checkedWrite';
import { nodeFileLayer, type FileLayer } from '../files/fileLayer';
import { damagedName } from '../keyValueStore';
import { loadSqlJs } from './sqlite';
import { CatalogStore, type CatalogStoreOptions } from './store';

export interface CatalogFileOptions {
  /** The catalog file; without one the catalog lives in memory only and checkpoints do nothing. */
  readonly file?: string;
  /** Node's file system unless a test injects faults. */
  readonly files?: FileLayer;
  readonly now?: () => Date;
  /** When the products' name index is built: before the catalog is handed out (default), or by warmUp(). */
  readonly indexes?: 'now' | 'later';
}

interface OpenedCatalogStore {
  readonly store: CatalogStore;
  /** Plain Chinese, for the user: the file was damaged and set aside; absent when all was well. */
  readonly openNotice?: string;
}

async function removeLeftoverTemps(files: FileLayer, file: string): Promise<void> {
  const prefix = `${basename(file)}.tmp-`;
  let names: string[];
  try {
    names = await files.readdir(dirname(file));
  } catch {
    return;
  }
  // An interrupted checkpoint; the file itself still holds the previous one.
  for (const name of names)
    if (name.startsWith(prefix)) await files.rm(join(dirname(file), name)).catch(() => undefined);
}

export async function openCatalogStore(options: CatalogFileOptions = {}): Promise<OpenedCatalogStore> {
  const SQL = await loadSqlJs();
  const { file } = options;
  const how: CatalogStoreOptions = options.indexes === undefined ? {} : { indexes: options.indexes };
  if (file === undefined) return { store: CatalogStore.open(SQL) };
  const files = options.files ?? nodeFileLayer;
  await files.mkdir(dirname(file)).catch(() => undefined);
  await removeLeftoverTemps(files, file);

  let bytes: Buffer | undefined;
  let problem: unknown;
  try {
    bytes = await files.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { store: CatalogStore.open(SQL) };
    problem = error;
  }
  if (bytes !== undefined) {
    try {
      return {
        store: CatalogStore.open(SQL, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), how),
      };
    } catch (error) {
      problem = error;
    }
  }

  const now = options.now ?? (() => new Date());
  const present = new Set(await files.readdir(dirname(file)).catch(() => [] as string[]));
  const candidate = damagedName(file, now(), (path) => present.has(basename(path)));
  const reason = problem instanceof Error ? problem.message : String(problem);
  try {
    // Kept for support rather than overwritten by the next checkpoint.
    await files.rename(file, candidate);
    return {
      store: CatalogStore.open(SQL),
      openNotice: `商品目录文件已损坏或无法读取（${reason}），已另存为 ${candidate}，目录已清空。请重新同步目录或重新导入目录文件。`,
    };
  } catch {
    return {
      store: CatalogStore.open(SQL),
      openNotice: `商品目录文件已损坏或无法读取（${reason}），且无法移走（${file}），目录已清空；下次保存目录时将覆盖该文件。请重新同步目录或重新导入目录文件。`,
    };
  }
}

/** Writes the whole database over `file` atomically and durably (see files/checkedWrite.ts). */
export async function writeCatalogFile(
  store: CatalogStore,
  file: string,
  files: FileLayer = nodeFileLayer,
): Promise<void> {
  const bytes = store.export();
  await files.mkdir(dirname(file));
  await replaceFile(files, file, bytes);
}
