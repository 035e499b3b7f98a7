/**
 * Importing a 100,000-row SN workbook (product code + SN, both text): the bare SheetJS parse of the bytes
 * with the import's own read options, against the whole pipeline (parse, header, cell reading, SN checks,
 * grouping). Aim: the pipeline costs at most 1.5× the bare parse.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uploadSnSpec } from '../src/shared/documents';
import { importSpreadsheet } from '../src/shared/import';
import { readOptions, XLSX } from '../src/shared/import/sheetjs';

const ROWS = 100_000;
const RUNS = 3;

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function buildWorkbook(dir: string): Promise<string> {
  const rows: string[][] = [['商家编码', 'SN']];
  for (let i = 0; i < ROWS; i++)
    rows.push([`SKU${String(i % 500).padStart(4, '0')}`, `SN${String(i).padStart(10, '0')}`]);
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, 'SN');
  const path = join(dir, 'sns-100k.xlsx');
  await writeFile(
    path,
    new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer),
  );
  return path;
}

async function time(action: () => unknown): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'wdt-import-bench-'));
  try {
    const bytes = new Uint8Array(await readFile(await buildWorkbook(dir)));
    const parse: number[] = [];
    const pipeline: number[] = [];
    let problems = -1;
    for (let i = 0; i < RUNS; i++) {
      parse.push(await time(() => XLSX.read(bytes, readOptions)));
      pipeline.push(
        await time(async () => {
          const { result } = await importSpreadsheet({
            bytes,
            fileName: 'sns.xlsx',
            spec: uploadSnSpec,
            target: 'sns',
          });
          problems = result.problems.length;
        }),
      );
    }
    const bare = median(parse);
    const whole = median(pipeline);
    console.log(`100,000-row SN workbook (${(bytes.length / 1024).toFixed(0)} KB), median of ${RUNS}:`);
    console.log(`  bare SheetJS parse: ${bare.toFixed(0)} ms`);
    console.log(`  whole pipeline:     ${whole.toFixed(0)} ms (${problems} problems)`);
    console.log(`  ratio: ${(whole / bare).toFixed(2)}× (aim ≤ 1.5×)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
