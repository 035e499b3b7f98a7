/**
 * Writes that are checked and durable. A write(2) on a full disk may store only part of the bytes and
 * return the shorter count without an error; every write here loops until all bytes are stored and treats
 * a write that stores nothing as a full disk, so a cut-short file is never reported as saved. Whole files
 * are replaced through a flushed temp file, a rename and a flushed folder, so the previous good copy
 * survives any failure.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { FileLayer, FileLayerHandle } from './fileLayer';

/** A write that stored fewer bytes than asked and could store no more (in practice: the disk is full). */
class ShortWriteError extends Error {
  readonly code = 'ENOSPC';
  constructor(written: number, wanted: number) {
    super(`Short write: ${written} of ${wanted} bytes stored (disk full?).`);
    this.name = 'ShortWriteError';
  }
}

/** Stores all of `data` at the descriptor's position, or throws. */
function writeAllSync(files: FileLayer, fd: number, data: Uint8Array): void {
  let written = 0;
  while (written < data.length) {
    const count = files.writeSync(fd, data, written, data.length - written);
    if (!(count > 0)) throw new ShortWriteError(written, data.length);
    written += count;
  }
}

/** Stores all of `data` (at the end for a file opened for appending), or throws. */
export async function writeAll(handle: FileLayerHandle, data: Uint8Array): Promise<void> {
  let written = 0;
  while (written < data.length) {
    const { bytesWritten } = await handle.write(data, written, data.length - written, null);
    if (!(bytesWritten > 0)) throw new ShortWriteError(written, data.length);
    written += bytesWritten;
  }
}

/** Errors a folder flush may raise where folders cannot be flushed (Windows); the rename is still atomic. */
function isIgnorableDirectorySyncError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    code === 'EISDIR' || code === 'EPERM' || code === 'EACCES' || code === 'EINVAL' || code === 'ENOTSUP'
  );
}

function fsyncDirectorySync(files: FileLayer, folder: string): void {
  let fd: number | undefined;
  try {
    fd = files.openSync(folder, 'r');
    files.fsyncSync(fd);
  } catch (error) {
    if (!isIgnorableDirectorySyncError(error)) throw error;
  } finally {
    if (fd !== undefined) files.closeSync(fd);
  }
}

export async function fsyncDirectory(files: FileLayer, folder: string): Promise<void> {
  let handle: FileLayerHandle | undefined;
  try {
    handle = await files.open(folder, 'r');
    await handle.sync();
  } catch (error) {
    if (!isIgnorableDirectorySyncError(error)) throw error;
  } finally {
    await handle?.close();
  }
}

const encode = (data: string | Uint8Array): Uint8Array =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : data;

/** Replaces `path` with `data` through `tempPath`; on any failure the temp file is removed and `path` kept. */
export function replaceFileSync(
  files: FileLayer,
  path: string,
  tempPath: string,
  data: string | Uint8Array,
): void {
  try {
    const fd = files.openSync(tempPath, 'w');
    try {
      writeAllSync(files, fd, encode(data));
      files.fsyncSync(fd);
    } finally {
      files.closeSync(fd);
    }
    files.renameSync(tempPath, path);
  } catch (error) {
    try {
      files.rmSync(tempPath);
    } catch {
      // The temp file is ignored and removed at the next start anyway.
    }
    throw error;
  }
  fsyncDirectorySync(files, dirname(path));
}

/**
 * Replaces `path` with `data` so that afterwards it holds the old or the new content, never a mix. Temp
 * names start with the target's name and contain ".tmp-", so a reader can ignore and remove leftovers.
 */
export async function replaceFile(files: FileLayer, path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `${basename(path)}.tmp-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await files.open(temp, 'w');
    try {
      await writeAll(handle, encode(data));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await files.rename(temp, path);
  } catch (error) {
    await files.rm(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(files, folder);
}
