/**
 * A file layer over Node's that fails on request, the way disks fail: a write stores only part of its
 * bytes and reports the shorter count (and the disk then stays full: later writes store nothing, without
 * an error, as the write library under electron-store saw it), ENOSPC, EIO, or the file vanishes first.
 */
import { rmSync } from 'node:fs';
import { nodeFileLayer, type FileLayer, type FileLayerHandle } from '../../src/main/files/fileLayer';

/**
 * short: the write stores half its bytes and the disk stays full (later writes store nothing) until
 * heal(); short-once: the same, but the space comes back after the next write.
 */
export type Fault = 'short' | 'short-once' | 'ENOSPC' | 'EIO' | 'vanish';
export type Operation = 'write' | 'fsync' | 'rename' | 'open' | 'read' | 'rm';

interface Rule {
  readonly op: Operation;
  readonly fault: Fault;
  readonly match: (path: string) => boolean;
  remaining: number;
}

export interface FaultyFiles {
  readonly files: FileLayer;
  /** The next `count` matching operations fail with `fault`. */
  failNext(op: Operation, fault: Fault, match?: (path: string) => boolean, count?: number): void;
  /** Removes every rule and frees the disk again. */
  heal(): void;
  /** How many faults were injected so far. */
  readonly injected: number;
}

function errnoError(code: 'ENOSPC' | 'EIO', path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: injected fault, ${path}`);
  error.code = code;
  return error;
}

export function faultyFiles(): FaultyFiles {
  const rules: Rule[] = [];
  /** Writes that will store nothing, as on a full disk. */
  let fullWrites = 0;
  let injected = 0;
  const fdPaths = new Map<number, string>();

  /** The fault for this operation, if a rule wants one; 'vanish' is carried out here. */
  const faultFor = (op: Operation, path: string): Fault | null => {
    const rule = rules.find(
      (candidate) => candidate.op === op && candidate.remaining > 0 && candidate.match(path),
    );
    if (!rule) return null;
    rule.remaining -= 1;
    injected += 1;
    if (rule.fault === 'vanish') rmSync(path, { force: true });
    return rule.fault;
  };
  const throwIfErrno = (fault: Fault | null, path: string): void => {
    if (fault === 'ENOSPC' || fault === 'EIO') throw errnoError(fault, path);
  };

  /** How many of `length` bytes a write may store now. */
  const allowed = (op: Operation, path: string, length: number): number => {
    if (fullWrites > 0) {
      fullWrites -= 1;
      return 0;
    }
    const fault = faultFor(op, path);
    throwIfErrno(fault, path);
    if (fault === 'short' || fault === 'short-once') {
      fullWrites = fault === 'short' ? Infinity : 1;
      return Math.floor(length / 2);
    }
    return length;
  };

  const wrapHandle = (handle: FileLayerHandle, path: string): FileLayerHandle => ({
    async write(buffer, offset, length, position) {
      const count = allowed('write', path, length);
      if (count === 0) return { bytesWritten: 0 };
      return handle.write(buffer, offset, count, position);
    },
    read: (buffer, offset, length, position) => {
      throwIfErrno(faultFor('read', path), path);
      return handle.read(buffer, offset, length, position);
    },
    readFile: () => {
      throwIfErrno(faultFor('read', path), path);
      return handle.readFile();
    },
    truncate: (length) => handle.truncate(length),
    datasync: () => {
      throwIfErrno(faultFor('fsync', path), path);
      return handle.datasync();
    },
    sync: () => {
      throwIfErrno(faultFor('fsync', path), path);
      return handle.sync();
    },
    close: () => handle.close(),
  });

  const files: FileLayer = {
    ...nodeFileLayer,
    openSync(path, flags) {
      throwIfErrno(faultFor('open', path), path);
      const fd = nodeFileLayer.openSync(path, flags);
      fdPaths.set(fd, path);
      return fd;
    },
    writeSync(fd, buffer, offset, length) {
      const count = allowed('write', fdPaths.get(fd) ?? '', length);
      return count === 0 ? 0 : nodeFileLayer.writeSync(fd, buffer, offset, count);
    },
    fsyncSync(fd) {
      const path = fdPaths.get(fd) ?? '';
      throwIfErrno(faultFor('fsync', path), path);
      nodeFileLayer.fsyncSync(fd);
    },
    closeSync(fd) {
      fdPaths.delete(fd);
      nodeFileLayer.closeSync(fd);
    },
    readFileSync(path) {
      throwIfErrno(faultFor('read', path), path);
      return nodeFileLayer.readFileSync(path);
    },
    renameSync(from, to) {
      throwIfErrno(faultFor('rename', from), from);
      nodeFileLayer.renameSync(from, to);
    },
    async open(path, flags) {
      throwIfErrno(faultFor('open', path), path);
      return wrapHandle(await nodeFileLayer.open(path, flags), path);
    },
    async readFile(path) {
      throwIfErrno(faultFor('read', path), path);
      return nodeFileLayer.readFile(path);
    },
    async rm(path) {
      throwIfErrno(faultFor('rm', path), path);
      return nodeFileLayer.rm(path);
    },
    async rename(from, to) {
      throwIfErrno(faultFor('rename', from), from);
      return nodeFileLayer.rename(from, to);
    },
  };

  return {
    files,
    failNext(op, fault, match = () => true, count = 1) {
      rules.push({ op, fault, match, remaining: count });
    },
    heal() {
      rules.length = 0;
      fullWrites = 0;
    },
    get injected() {
      return injected;
    },
  };
}
