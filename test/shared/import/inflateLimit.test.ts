/**
 * Files limited by what they become: a small .xlsx that inflates to 1.5 GB and a 48 MB CSV of 12 million
 * rows are refused quickly, in little memory, by the real `wdt import` in a child process. The bombs are
 * generated into a temp folder, never committed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkInflatedSize } from '../../../src/shared/import/inflateLimit';
import { parseDelimited } from '../../../src/shared/import/csv';
import { MAX_FILE_BYTES } from '../../../src/shared/import';
import { fixture } from './helpers';
import { xlsxBomb } from './zipBomb';

const repo = join(import.meta.dirname, '..', '..', '..');
const method = 'wms.outer.OuterOut.createOrder';
const dir = mkdtempSync(join(tmpdir(), 'wdt-bombs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GiB = 1024 * 1024 * 1024;
/** Printed by the child at exit: its peak resident memory over the whole run, in KiB. */
const reportPeak = `data:text/javascript,${encodeURIComponent(
  'process.on("exit", () => process.stderr.write(`PEAK_RSS_KIB=${process.resourceUsage().maxRSS}\\n`));',
)}`;

interface CliRun {
  readonly code: number | null;
  readonly errors: readonly { readonly message: string }[];
  readonly seconds: number;
  readonly peakBytes: number;
}

function runCli(file: string): Promise<CliRun> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      reportPeak,
      'src/cli/wdt.ts',
      'import',
      '--method',
      method,
      '--file',
      file,
    ],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const peak = /PEAK_RSS_KIB=(\d+)/.exec(stderr);
      if (peak === null) return reject(new Error(`no peak memory reported; stderr:\n${stderr}`));
      const parsed = JSON.parse(stdout) as { errors: { message: string }[] };
      resolve({
        code,
        errors: parsed.errors,
        seconds: (performance.now() - started) / 1000,
        peakBytes: Number(peak[1]) * 1024,
      });
    });
  });
}

function expectQuickRefusal(run: CliRun, message: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0]?.message).toMatch(message);
  expect(run.seconds).toBeLessThan(30);
  expect(run.peakBytes).toBeLessThan(GiB);
}

describe('wdt import refuses files by what they become', () => {
  it('refuses a small .xlsx that inflates to 1.5 GB', { timeout: 60_000 }, async () => {
    const bomb = xlsxBomb({ inflatedMiB: 1536 });
    expect(bomb.length).toBeLessThan(MAX_FILE_BYTES);
    const path = join(dir, 'bomb.xlsx');
    writeFileSync(path, bomb);
    expectQuickRefusal(await runCli(path), /^文件解压后的内容约 1,536 MB，超过 200 MB 的上限/);
  });

  it('refuses it too when the zip directory lies about the size', { timeout: 60_000 }, async () => {
    const path = join(dir, 'liar.xlsx');
    writeFileSync(path, xlsxBomb({ inflatedMiB: 1536, declaredSheetBytes: 1000 }));
    expectQuickRefusal(await runCli(path), /^文件解压后的内容超过 200 MB 的上限/);
  });

  it('refuses a 48 MB CSV of 12 million rows', { timeout: 60_000 }, async () => {
    const path = join(dir, 'rows.csv');
    const file = openSync(path, 'w');
    writeSync(file, '商家编码,数量\n');
    const block = 'A,1\n'.repeat(1_000_000);
    for (let i = 0; i < 12; i += 1) writeSync(file, block);
    closeSync(file);
    expectQuickRefusal(
      await runCli(path),
      /^文件约有 12,000,001 行，超过 200,000 行的上限，请拆分成多个文件导入$/,
    );
  });

  it('refuses an HTML table saved as .xls with 2.5 million rows', { timeout: 60_000 }, async () => {
    const path = join(dir, 'rows.xls');
    const file = openSync(path, 'w');
    writeSync(file, '<table><tr><td>商家编码</td><td>数量</td></tr>');
    const block = '<tr><td>A</td></tr>'.repeat(500_000);
    for (let i = 0; i < 5; i += 1) writeSync(file, block);
    writeSync(file, '</table>');
    closeSync(file);
    expectQuickRefusal(await runCli(path), /^文件约有 2,500,001 行，超过 200,000 行的上限/);
  });
});

describe('inflated size check', () => {
  it('lets real workbooks through', async () => {
    for (const name of ['lines.xlsx', 'sns.xlsx', 'purchase-order-template-filled.xlsx']) {
      expect(await checkInflatedSize(fixture(name))).toEqual({ ok: true });
    }
  });

  it('counts what the data inflates to, not what the directory says', async () => {
    const liar = xlsxBomb({ inflatedMiB: 3, declaredSheetBytes: 10 });
    expect((await checkInflatedSize(liar, 2 * 1024 * 1024)).ok).toBe(false);
    expect((await checkInflatedSize(liar, 4 * 1024 * 1024)).ok).toBe(true);
  });

  it('refuses a zip whose directory is cut off', async () => {
    const whole = xlsxBomb({ inflatedMiB: 1 });
    const result = await checkInflatedSize(whole.subarray(0, whole.length - 30));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('文件已损坏') });
  });
});

describe('delimited text', () => {
  it('stops reading at the row limit', () => {
    expect(parseDelimited('a\nb\nc\nd\n', ',', 2)).toEqual([['a'], ['b']]);
    expect(parseDelimited('a\nb\n', ',')).toEqual([['a'], ['b']]);
  });
});
