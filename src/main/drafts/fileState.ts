/**
 * What the draft store knows of each draft's files: the base's generation and size, and its patch log
 * (open for appending once written to). Read from disk on a draft's first use; touched only inside that
 * draft's queue of operations (see queue.ts).
 */
import { join } from 'node:path';
import { fsyncDirectory } from '../files/checkedWrite';
import type { FileLayer } from '../files/fileLayer';
import { baseFileName, readHeader } from './baseFile';
import { openPatchLogForAppend, patchLogGeneration, patchLogName, type OpenPatchLog } from './patchLog';

export interface DraftFiles {
  /** The base file's generation; 0 when there is no base or its header cannot be read. */
  generation: number;
  baseExists: boolean;
  baseBytes: number;
  /** A log of the current generation is on disk. */
  logExists: boolean;
  /** That log, open for appending, once this store has written to it. */
  log: OpenPatchLog | null;
  compactionQueued: boolean;
}

export class DraftFileTracker {
  private readonly known = new Map<string, DraftFiles>();

  constructor(
    private readonly folder: string,
    private readonly fs: FileLayer,
  ) {}

  basePath(id: string): string {
    return join(this.folder, baseFileName(id));
  }

  /** What is known of `id` now, without reading the disk (undefined when not yet read). */
  current(id: string): DraftFiles | undefined {
    return this.known.get(id);
  }

  /** `id` has no files now (deleted or set aside). */
  reset(id: string): void {
    this.known.set(id, emptyFiles());
  }

  async closeAll(): Promise<void> {
    for (const files of this.known.values()) {
      await files.log?.handle.close().catch(() => undefined);
      files.log = null;
    }
  }

  /**
   * Whether the base (and the open log) are still there: a file removed while the app runs would take
   * the patches appended to it along. When one is gone, this store forgets the draft, and the refused
   * patch makes the renderer save the whole draft anew.
   */
  async stillOnDisk(id: string, files: DraftFiles): Promise<boolean> {
    const paths = [
      this.basePath(id),
      ...(files.log ? [join(this.folder, patchLogName(id, files.generation))] : []),
    ];
    const present = await Promise.all(
      paths.map((path) =>
        this.fs.stat(path).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (present.every(Boolean)) return true;
    await files.log?.handle.close().catch(() => undefined);
    this.known.delete(id);
    return false;
  }

  async openLog(id: string, files: DraftFiles): Promise<OpenPatchLog> {
    if (files.log) return files.log;
    const { log, created } = await openPatchLogForAppend(
      this.fs,
      join(this.folder, patchLogName(id, files.generation)),
    );
    // The new file's name must survive a power cut as well as its lines.
    if (created) await fsyncDirectory(this.fs, this.folder);
    files.log = log;
    files.logExists = true;
    return log;
  }

  async dropLog(id: string, files: DraftFiles): Promise<void> {
    const log = files.log;
    files.log = null;
    await log?.handle.close().catch(() => undefined);
    if (files.logExists) await this.fs.rm(join(this.folder, patchLogName(id, files.generation)));
    files.logExists = false;
  }

  /**
   * What is on disk for `id`, read on first use: the base's generation and size, and its log. Logs of
   * other generations (left by a crash during a full save or a delete) are removed here.
   */
  async filesOf(id: string): Promise<DraftFiles> {
    const known = this.known.get(id);
    if (known) return known;
    const files = emptyFiles();
    try {
      const path = this.basePath(id);
      const info = await this.fs.stat(path);
      files.baseExists = true;
      files.baseBytes = info.size;
      files.generation = (await readHeader(this.fs, path, id))?.generation ?? 0;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const name of await this.fs.readdir(this.folder)) {
      const generation = patchLogGeneration(id, name);
      if (generation === null) continue;
      if (files.baseExists && generation === files.generation) files.logExists = true;
      else await this.fs.rm(join(this.folder, name));
    }
    this.known.set(id, files);
    return files;
  }
}

function emptyFiles(): DraftFiles {
  return {
    generation: 0,
    baseExists: false,
    baseBytes: 0,
    logExists: false,
    log: null,
    compactionQueued: false,
  };
}
