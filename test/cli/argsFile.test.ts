import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { readArgsFile } from '../../src/cli/argsFile';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function fileWith(text: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'wdt-args-'));
  folders.push(folder);
  const path = join(folder, 'args.json');
  await writeFile(path, text, 'utf8');
  return path;
}

it('reads the argument array as JSON', async () => {
  const path = await fileWith('[{"outer_no":"W1"},[{"spec_no":"A","num":1}]]');
  expect(await readArgsFile(path)).toEqual({
    ok: true,
    value: [{ outer_no: 'W1' }, [{ spec_no: 'A', num: 1 }]],
  });
});

it('names the file when it is missing or not JSON', async () => {
  const missing = await readArgsFile('/nonexistent/args.json');
  expect(missing.ok).toBe(false);
  expect(!missing.ok && missing.message).toMatch(/^无法读取参数文件 \/nonexistent\/args\.json：/);
  const path = await fileWith('[{"outer_no":');
  const broken = await readArgsFile(path);
  expect(!broken.ok && broken.message).toContain(`无法读取参数文件 ${path}：`);
});
