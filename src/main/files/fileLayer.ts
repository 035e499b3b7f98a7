/**
 * The file-system calls the settings store, the vault's store and the draft store make, behind one small
 * interface, so the fault suite (test/faults) can make any of them write short, fail with ENOSPC or EIO, or
 * find a file gone, and check that nothing is lost or reported as saved when it was not. The app uses
 * `nodeFileLayer`, which is Node's own functions.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';

/** The part of Node's FileHandle the stores use. */
export interface FileLayerHandle {
  write(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position?: number | null,
  ): Promise<{ bytesWritten: number }>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  readFile(): Promise<Buffer>;
  truncate(length: number): Promise<void>;
  datasync(): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface FileLayer {
  // Synchronous calls: the KeyValueStore is synchronous.
  openSync(path: string, flags: string): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  readFileSync(path: string): Buffer;
  existsSync(path: string): boolean;
  renameSync(from: string, to: string): void;
  rmSync(path: string): void;
  mkdirSync(path: string): void;

  // Asynchronous calls: the draft store.
  open(path: string, flags: string): Promise<FileLayerHandle>;
  readFile(path: string): Promise<Buffer>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<{ size: number; mtime: Date }>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string): Promise<void>;
  mkdir(path: string): Promise<void>;
}

export const nodeFileLayer: FileLayer = {
  openSync: (path, flags) => openSync(path, flags),
  writeSync: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => fsyncSync(fd),
  closeSync: (fd) => closeSync(fd),
  readFileSync: (path) => readFileSync(path),
  existsSync: (path) => existsSync(path),
  renameSync: (from, to) => renameSync(from, to),
  rmSync: (path) => rmSync(path, { force: true }),
  mkdirSync: (path) => void mkdirSync(path, { recursive: true }),

  open: (path, flags) => open(path, flags),
  readFile: (path) => readFile(path),
  readdir: (path) => readdir(path),
  stat: (path) => stat(path),
  rename: (from, to) => rename(from, to),
  rm: (path) => rm(path, { force: true }),
  mkdir: async (path) => void (await mkdir(path, { recursive: true })),
};
