/**
 * Small file-system steps that make writes survive a crash or a power cut. Used by the journal and the
 * draft store.
 */
import { constants, open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

const NEWLINE = 0x0a;

/**
 * Flushes a directory so a file just created or renamed in it is still there after a power cut. POSIX
 * needs this; Windows cannot open a directory for flushing (its rename is journaled by NTFS), so the
 * errors it raises are ignored there.
 */
export async function fsyncDirectory(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    if (!isIgnorableDirectorySyncError(error)) throw error;
  } finally {
    await handle?.close();
  }
}

function isIgnorableDirectorySyncError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    code === 'EISDIR' || code === 'EPERM' || code === 'EACCES' || code === 'EINVAL' || code === 'ENOTSUP'
  );
}

/**
 * Makes sure the file ends with a newline, so the next appended line starts on a line of its own even if
 * the last write was cut short. Returns true if it had to add one.
 */
export async function ensureTrailingNewline(handle: FileHandle): Promise<boolean> {
  const { size } = await handle.stat();
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  if (last[0] === NEWLINE) return false;
  // Position is ignored for files opened in append mode ('a+'); the byte goes to the end either way.
  await handle.write(Buffer.from('\n'));
  await handle.datasync();
  return true;
}

/**
 * Replaces `path` with `data` so that afterwards the file holds either the old or the new content, never a
 * mix: write a temporary file beside it, flush it, rename it over the target, flush the folder.
 * Temporary names start with the target's name and contain ".tmp-" so a reader can ignore leftovers.
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `${basename(path)}.tmp-${randomBytes(4).toString('hex')}`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(folder);
}

/** Best effort: the appender checks the ending again before it appends to a file (journal/appender.ts). */
export async function repairUnterminated(path: string): Promise<void> {
  try {
    const handle = await open(path, constants.O_RDWR | constants.O_APPEND);
    try {
      await ensureTrailingNewline(handle);
    } finally {
      await handle.close();
    }
  } catch {
    // Reported, if it matters, by the next append to this file.
  }
}
