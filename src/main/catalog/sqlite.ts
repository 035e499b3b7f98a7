/**
 * Loads sql.js (SQLite compiled to WASM, shipped inside its npm package, so it installs offline and runs the
 * same in Electron's main process, a worker thread and plain Node). The WASM file is read from the package
 * folder by path, which works from TS sources, from the electron-vite build and from inside app.asar.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | undefined;

export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasm = await readFile(require.resolve('sql.js/dist/sql-wasm.wasm'));
    // A copy of exactly the file's bytes: Node's Buffer may sit inside a larger shared pool.
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    return initSqlJs({ wasmBinary });
  })();
  // A failed load (a missing file) is tried again by the next caller instead of failing forever.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
