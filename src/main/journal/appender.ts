/**
 * Appending lines to the journal's month files, durably, and only to the file the journal was read from.
 *
 * Before each append it checks that the open file is still the one at its path (not deleted: nlink 0; not
 * moved away or replaced: the path names another file or none). Appending to a deleted file would succeed
 * and vanish with it, and at the next start the duplicate guard of everything in it would be gone. So the
 * journal stops: every later append is refused for the rest of the run, with a message that says what to
 * do. If the path is empty, the content still readable through the open handle is first put back there.
 */
import { constants, mkdir, open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureTrailingNewline, fsyncDirectory, writeFileAtomically } from './durable';
import { JournalUnavailableError } from './errors';
import { monthFileName, type FileIdentity } from './monthFiles';

interface OpenFile {
  readonly name: string;
  readonly number: number;
  readonly handle: FileHandle;
  size: number;
}

const errorReasons: Readonly<Record<string, string>> = {
  ENOSPC: '磁盘已满',
  EDQUOT: '磁盘配额已用完',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '磁盘为只读',
  EIO: '磁盘读写错误',
  EBUSY: '文件被其他程序占用',
};

function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function writeFailed(name: string, error: unknown): JournalUnavailableError {
  const code = errorCode(error);
  const reason = (code !== undefined && errorReasons[code]) || `系统错误 ${code ?? '未知'}`;
  return new JournalUnavailableError(
    `无法写入提交日志 ${name}（${reason}）。请检查磁盘空间和数据文件夹的权限。`,
    { cause: error },
  );
}

function vanished(name: string, folder: string, restored: boolean): JournalUnavailableError {
  return new JournalUnavailableError(
    restored
      ? `提交日志 ${name} 在程序运行时被删除或移走了，程序已把它放回原处。为防止同一单据被重复提交，本次运行已停止提交，请重启程序后再提交。`
      : `提交日志 ${name} 在程序运行时被删除、移走或替换了，新的记录无法写入。为防止同一单据被重复提交，已停止提交。请把该文件放回数据文件夹（${folder}），然后重启程序。`,
  );
}

export class JournalAppender {
  private current: OpenFile | undefined;
  /** Set once a file vanished: the journal no longer knows what is on disk, so nothing more is written. */
  private stopped: JournalUnavailableError | undefined;

  /** `files` and `identities` are the journal's lists (shared, parallel): a new month file is added to both. */
  constructor(
    private readonly folder: string,
    private readonly files: string[],
    private readonly identities: (FileIdentity | undefined)[],
  ) {}

  /** Appends one line (newline included) to the month file for `timeMs`, flushed; returns where it landed. */
  async append(bytes: Buffer, timeMs: number): Promise<{ file: number; offset: number }> {
    if (this.stopped) throw this.stopped;
    const target = await this.fileFor(timeMs);
    await this.checkStillThere(target);
    const offset = target.size;
    try {
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await target.handle.write(bytes, written, bytes.length - written);
        if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
        written += bytesWritten;
      }
      await target.handle.datasync();
    } catch (error) {
      // The file may now end in a partial line; reopening checks and repairs the ending before the next append.
      await this.closeCurrent();
      throw writeFailed(target.name, error);
    }
    target.size += bytes.length;
    return { file: target.number, offset };
  }

  async close(): Promise<void> {
    await this.closeCurrent();
  }

  private async closeCurrent(): Promise<void> {
    const handle = this.current?.handle;
    this.current = undefined;
    await handle?.close().catch(() => undefined);
  }

  private async fileFor(timeMs: number): Promise<OpenFile> {
    const name = monthFileName(timeMs);
    if (this.current?.name === name) return this.current;
    await this.closeCurrent();
    const path = join(this.folder, name);
    const known = this.files.indexOf(name);
    let handle: FileHandle;
    try {
      // A file the journal has read must still exist: creating it afresh would write into a new, empty
      // file while the guard for everything in the old one is lost at the next start.
      handle = await open(path, known === -1 ? 'a+' : constants.O_RDWR | constants.O_APPEND);
    } catch (error) {
      if (known !== -1 && errorCode(error) === 'ENOENT') throw this.stop(vanished(name, this.folder, false));
      throw writeFailed(name, error);
    }
    try {
      const { dev, ino } = await handle.stat();
      let number = known;
      if (number === -1) {
        await fsyncDirectory(this.folder);
        number = this.files.push(name) - 1;
        this.identities[number] = { dev, ino };
      } else {
        const identity = this.identities[number];
        if (identity && (identity.dev !== dev || identity.ino !== ino))
          throw this.stop(vanished(name, this.folder, false));
        await ensureTrailingNewline(handle);
      }
      const { size } = await handle.stat();
      this.current = { name, number, handle, size };
      return this.current;
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error instanceof JournalUnavailableError ? error : writeFailed(name, error);
    }
  }

  private async checkStillThere(target: OpenFile): Promise<void> {
    const path = join(this.folder, target.name);
    let own: { nlink: number; dev: number; ino: number };
    let atPath: { dev: number; ino: number } | undefined;
    try {
      own = await target.handle.stat();
      atPath = await stat(path).catch((error: unknown) => {
        const code = errorCode(error);
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw error;
      });
    } catch (error) {
      await this.closeCurrent();
      throw writeFailed(target.name, error);
    }
    if (own.nlink > 0 && atPath !== undefined && atPath.dev === own.dev && atPath.ino === own.ino) return;
    const restored = atPath === undefined && (await this.restore(target, path));
    await this.closeCurrent();
    throw this.stop(vanished(target.name, this.folder, restored));
  }

  /** Puts back, at its path, what the still-open handle of a deleted or moved file holds. Best effort. */
  private async restore(target: OpenFile, path: string): Promise<boolean> {
    try {
      const { size } = await target.handle.stat();
      const content = Buffer.alloc(size);
      let read = 0;
      while (read < size) {
        const { bytesRead } = await target.handle.read(content, read, size - read, read);
        if (bytesRead === 0) return false;
        read += bytesRead;
      }
      await mkdir(this.folder, { recursive: true });
      await writeFileAtomically(path, content);
      return true;
    } catch {
      return false;
    }
  }

  private stop(error: JournalUnavailableError): JournalUnavailableError {
    this.stopped = error;
    return error;
  }
}
