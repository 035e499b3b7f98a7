/** Why a draft operation was refused or failed; handlers.ts turns each into a result the renderer acts on. */

export class DraftTooLargeError extends Error {
  readonly code = 'draft.too-large';
  constructor(bytes: number, limit: number) {
    super(
      `草稿过大（${formatMegabytes(bytes)}），超过 ${formatMegabytes(limit)} 的上限，未能保存。请把单据拆分后再录入。`,
    );
    this.name = 'DraftTooLargeError';
  }
}

export class DraftIdError extends Error {
  readonly code = 'draft.bad-id';
  constructor(id: string) {
    super(`草稿编号无效：${JSON.stringify(id).slice(0, 60)}`);
    this.name = 'DraftIdError';
  }
}

/** A patch for a draft that has no saved base to apply it to: the caller must save the whole draft. */
export class DraftMissingError extends Error {
  readonly code = 'draft.missing';
  constructor(id: string) {
    super(`草稿不存在，无法只保存更改：${id}`);
    this.name = 'DraftMissingError';
  }
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A patch for a draft whose earlier patch or save failed: applying it would put it on a base that lacks the
 * earlier change. Refused until the next full save, which the renderer sends with the latest state.
 */
export class DraftPatchRefusedError extends Error {
  readonly code = 'draft.needs-full-save';
  constructor(id: string) {
    super(`草稿的上一次保存未成功，这次更改需随整份草稿重新保存：${id}`);
    this.name = 'DraftPatchRefusedError';
  }
}

/** The disk refused a write (full, failing, or the file gone); what was on disk before is intact. */
export class DraftWriteError extends Error {
  readonly code = 'draft.write-failed';
  constructor(cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    super(
      code === 'ENOSPC'
        ? '草稿未能保存：磁盘空间已满。请清理磁盘后继续，已录入的内容仍在窗口中。'
        : `草稿未能保存到磁盘（${typeof code === 'string' ? code : '写入失败'}）。请检查磁盘后继续，已录入的内容仍在窗口中。`,
      { cause },
    );
    this.name = 'DraftWriteError';
  }
}

/** Errors from the file system become DraftWriteError; the store's own refusals pass through. */
export function asDraftWriteError(error: unknown): unknown {
  const isFsError = typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string';
  const ours =
    error instanceof DraftTooLargeError ||
    error instanceof DraftIdError ||
    error instanceof DraftMissingError ||
    error instanceof DraftPatchRefusedError ||
    error instanceof DraftWriteError;
  return isFsError && !ours ? new DraftWriteError(error) : error;
}
