import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore, openJsonFileStore } from '../../src/main/keyValueStore';

let folder: string;
let file: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'wdt-kv-'));
  file = join(folder, 'nested', 'config.json');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('the JSON-file store', () => {
  it('persists values across reopening, creating its folder', () => {
    const store = openJsonFileStore(file);
    store.set('a', { list: [1, 2], text: '中文' });
    store.set('b', true);
    store.delete('b');
    const reopened = openJsonFileStore(file);
    expect(reopened.get('a')).toEqual({ list: [1, 2], text: '中文' });
    expect(reopened.get('b')).toBeUndefined();
  });

  it('leaves no temp file behind after a write', () => {
    openJsonFileStore(file).set('a', 1);
    expect(readdirSync(join(folder, 'nested'))).toEqual(['config.json']);
  });

  it('survives a torn temp file from an interrupted write: the last complete version is read', () => {
    openJsonFileStore(file).set('a', 'complete');
    writeFileSync(`${file}.tmp`, '{"a": "torn wri');
    const reopened = openJsonFileStore(file);
    expect(reopened.get('a')).toBe('complete');
    expect(reopened.opening.discardedTempFile).toBe(true);
    expect(existsSync(`${file}.tmp`)).toBe(false);
    reopened.set('a', 'next');
    expect(openJsonFileStore(file).get('a')).toBe('next');
  });

  it('moves a corrupt main file aside and starts empty instead of crashing', () => {
    openJsonFileStore(file).set('a', 1);
    writeFileSync(file, '\u0000\u0000garbage');
    const reopened = openJsonFileStore(file, { now: () => new Date(1_700_000_000_000) });
    expect(reopened.get('a')).toBeUndefined();
    expect(reopened.opening.corruptFileMovedTo).toBe(`${file}.damaged-20231114-221320`);
    expect(readFileSync(`${file}.damaged-20231114-221320`, 'utf8')).toContain('garbage');
  });

  it('changes nothing when a value cannot be persisted', () => {
    const store = openJsonFileStore(file);
    store.set('a', 1);
    expect(() => store.set('a', 10n)).toThrow();
    expect(store.get('a')).toBe(1);
    expect(openJsonFileStore(file).get('a')).toBe(1);
  });
});

describe('the in-memory store', () => {
  it('hands out copies, so callers cannot change stored values behind its back', () => {
    const store = createMemoryStore({ list: [1] });
    const list = store.get('list') as number[];
    list.push(2);
    expect(store.get('list')).toEqual([1]);
  });
});
