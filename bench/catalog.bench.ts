/**
 * The local catalog at the size issue #14 names: 200,000 specs (plus 2,000 suites) with 400,000 barcodes,
 * written through apply() in sync-sized batches, then autocomplete and barcode lookup latency over a
 * realistic mix of what people type and scan (aims: autocomplete p99 under 5 ms, barcode lookup p99 under
 * 1 ms), in-process and through the worker (a full round trip), and the file's size, checkpoint time,
 * reopen time and the worker's memory. Figures only; nothing here passes or fails.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openCatalogStore } from '../src/main/catalog/catalogFile';
import { openCatalogInProcess } from '../src/main/catalog/inProcess';
import type { ProductRecord } from '../src/main/catalog/types';
import { openCatalogWorker } from '../src/main/catalog/workerHost';
import type { CatalogDb } from '../src/main/catalog/types';

const SPECS = 200_000;
const SUITES = 2_000;
const BATCH = 5_000;
const QUERIES = 4_000;
const LOOKUPS = 4_000;
const SUGGEST_LIMIT = 20;

const ms = (value: number): string => `${value.toFixed(3)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function collectGarbage(): void {
  setFlagsFromString('--expose_gc');
  (runInNewContext('gc') as () => void)();
}

/** A fixed-seed generator, so every run measures the same catalog and queries. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const brands = [
  '南极人',
  '恒源祥',
  '洁丽雅',
  '苏泊尔',
  '美的',
  '九阳',
  '得力',
  '晨光',
  '三只松鼠',
  '良品铺子',
  '蓝月亮',
  '立白',
  '安踏',
  '李宁',
  '回力',
  '小米',
  '公牛',
  '乐扣',
  '双立人',
  '维达',
];
const materials = [
  '纯棉',
  '加厚',
  '不锈钢',
  '陶瓷',
  '玻璃',
  '硅胶',
  '真丝',
  '竹纤维',
  '磨砂',
  '防滑',
  '食品级',
  '儿童',
  '家用',
  '便携式',
  '大容量',
  '迷你',
];
const items = [
  '短袖T恤',
  '保温杯',
  '毛巾',
  '电饭煲',
  '榨汁机',
  '中性笔',
  '笔记本',
  '坚果礼盒',
  '洗衣液',
  '运动鞋',
  '帆布鞋',
  '数据线',
  '插线板',
  '收纳盒',
  '炒锅',
  '菜刀',
  '抽纸',
  '床单四件套',
  '羽绒服',
  '牛仔裤',
  '双肩包',
  '台灯',
  '拖鞋',
  '雨伞',
  '水杯',
  '饭盒',
];
const colors = ['白色', '黑色', '红色', '蓝色', '灰色', '粉色', '米色', '藏青', '卡其', '透明'];
const sizes = ['S', 'M', 'L', 'XL', 'XXL', '500ml', '1L', '1.5米', '2米', '标准装', '家庭装', '10支装'];

interface Fixture {
  /** Emptied once written, so the measurements run without 200,000 records on the heap. */
  batches: ProductRecord[][];
  readonly specNos: string[];
  readonly barcodes: string[];
  readonly nameParts: string[];
}

function ean13(rand: () => number): string {
  let code = '69';
  for (let i = 0; i < 10; i++) code += Math.floor(rand() * 10);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(code[i]) * (i % 2 === 0 ? 1 : 3);
  return code + ((10 - (sum % 10)) % 10);
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function buildFixture(): Fixture {
  const rand = random(14);
  const products: ProductRecord[] = [];
  const specNos: string[] = [];
  const barcodes: string[] = [];
  const nameParts = new Set<string>();
  let barcodeCount = 0;
  for (let goods = 0; products.length < SPECS; goods++) {
    const goodsNo = `HP${String(goods).padStart(6, '0')}`;
    const goodsName = `${pick(rand, brands)}${pick(rand, materials)}${pick(rand, items)}${goods % 7 === 0 ? '新款' : ''}`;
    nameParts.add(goodsName);
    const variants = 1 + Math.floor(rand() * 8);
    for (let v = 0; v < variants && products.length < SPECS; v++) {
      const specNo = `${goodsNo}-${String(v + 1).padStart(2, '0')}`;
      // 400,000 barcodes over 200,000 specs: one to three each, two on average.
      const wanted = Math.round(((products.length + 1) * 2 * SPECS) / SPECS) - barcodeCount;
      const count = Math.max(1, Math.min(3, wanted));
      const own = Array.from({ length: count }, () => ean13(rand));
      barcodeCount += own.length;
      barcodes.push(...own);
      specNos.push(specNo);
      products.push({
        specNo,
        goodsNo,
        goodsName,
        specName: `${pick(rand, colors)} ${pick(rand, sizes)}`,
        barcodes: own,
        suite: false,
        deleted: false,
      });
    }
  }
  for (let s = 0; s < SUITES; s++) {
    const specNo = `TZ${String(s).padStart(5, '0')}`;
    const barcode = ean13(rand);
    barcodes.push(barcode);
    specNos.push(specNo);
    products.push({
      specNo,
      goodsNo: '',
      goodsName: `${pick(rand, brands)}${pick(rand, items)}组合套装`,
      specName: '',
      barcodes: [barcode],
      suite: true,
      deleted: false,
    });
  }
  const batches: ProductRecord[][] = [];
  for (let i = 0; i < products.length; i += BATCH) batches.push(products.slice(i, i + BATCH));
  return { batches, specNos, barcodes, nameParts: [...nameParts] };
}

/** What people type into a spec_no field: codes, code and barcode prefixes, 1–4 Chinese characters, misses. */
function queryMix(fixture: Fixture): string[] {
  const rand = random(7);
  const chinese = (length: number): string => {
    const name = pick(rand, fixture.nameParts);
    const chars = [...name];
    const start = Math.floor(rand() * Math.max(1, chars.length - length));
    return chars.slice(start, start + length).join('');
  };
  const makers: (() => string)[] = [
    () => pick(rand, fixture.specNos),
    () => pick(rand, fixture.specNos).toLowerCase(),
    () => pick(rand, fixture.specNos).slice(0, 3 + Math.floor(rand() * 6)),
    () => pick(rand, fixture.barcodes),
    () => pick(rand, fixture.barcodes).slice(0, 4 + Math.floor(rand() * 8)),
    () => chinese(1),
    () => chinese(2),
    () => chinese(3),
    () => chinese(4),
    () => `${pick(rand, colors)} ${pick(rand, sizes)}`,
    () => '不存在的货品名'.slice(0, 2 + Math.floor(rand() * 4)),
    () => `QX${Math.floor(rand() * 1e6)}`,
    () => `${Math.floor(rand() * 1e12)}`,
  ];
  return Array.from({ length: QUERIES }, () => pick(rand, makers)());
}

function lookupMix(fixture: Fixture): string[] {
  const rand = random(9);
  // Nine scans in ten are known barcodes; the rest are barcodes the catalog lacks.
  return Array.from({ length: LOOKUPS }, () => (rand() < 0.9 ? pick(rand, fixture.barcodes) : ean13(rand)));
}

async function latencies(label: string, db: CatalogDb, queries: string[], lookups: string[]): Promise<void> {
  // Warm up: prepared statements, JIT.
  for (const query of queries.slice(0, 200)) await db.suggest('spec', query, SUGGEST_LIMIT);
  for (const code of lookups.slice(0, 200)) await db.lookup('spec', [code]);
  const suggestTimes: number[] = [];
  const suggestCpu: number[] = [];
  let suggestions = 0;
  for (const query of queries) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    suggestions += (await db.suggest('spec', query, SUGGEST_LIMIT)).length;
    suggestTimes.push(performance.now() - start);
    suggestCpu.push(cpuMs(cpu));
  }
  const lookupTimes: number[] = [];
  const lookupCpu: number[] = [];
  let found = 0;
  for (const code of lookups) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const [match] = await db.lookup('spec', [code]);
    if (match?.found) found++;
    lookupTimes.push(performance.now() - start);
    lookupCpu.push(cpuMs(cpu));
  }
  console.log(
    `${label} autocomplete (${QUERIES} queries, limit ${SUGGEST_LIMIT}, ${(suggestions / QUERIES).toFixed(1)} results avg): ` +
      `median ${ms(quantile(suggestTimes, 0.5))}, p99 ${ms(quantile(suggestTimes, 0.99))}, max ${ms(quantile(suggestTimes, 1))}; ` +
      `process CPU (all threads): median ${ms(quantile(suggestCpu, 0.5))}, p99 ${ms(quantile(suggestCpu, 0.99))}`,
  );
  console.log(
    `${label} barcode lookup (${LOOKUPS}, ${found} found): median ${ms(quantile(lookupTimes, 0.5))}, ` +
      `p99 ${ms(quantile(lookupTimes, 0.99))}, max ${ms(quantile(lookupTimes, 1))}; ` +
      `process CPU (all threads): median ${ms(quantile(lookupCpu, 0.5))}, p99 ${ms(quantile(lookupCpu, 0.99))}`,
  );
}

/** CPU time of the whole process since `since`, in ms: less disturbed than wall time on a busy machine. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

async function timed<T>(task: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await task();
  return [value, performance.now() - start];
}

export async function run(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'wdt-catalog-bench-'));
  const file = join(folder, 'catalog.sqlite');
  try {
    console.log(
      `load average at start: ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')} (${cpus().length} CPUs)`,
    );
    const fixture = buildFixture();
    const queries = queryMix(fixture);
    const lookups = lookupMix(fixture);

    const db = await openCatalogInProcess({ file });
    const applyCpu = process.cpuUsage();
    const [, applyTime] = await timed(async () => {
      for (const batch of fixture.batches) await db.apply({ products: batch });
    });
    fixture.batches = [];
    const counts = await db.counts();
    console.log(
      `build: ${counts.specs} specs, ${counts.suites} suites, ${counts.barcodes} barcodes via apply() in ` +
        `batches of ${BATCH}: ${ms(applyTime)} (CPU ${ms(cpuMs(applyCpu))})`,
    );
    const filterCpu = process.cpuUsage();
    const [, filterTime] = await timed(() => db.codeFilter());
    console.log(`code filter build: ${ms(filterTime)} (CPU ${ms(cpuMs(filterCpu))})`);
    const checkpoints: number[] = [];
    for (let i = 0; i < 3; i++) checkpoints.push((await timed(() => db.checkpoint()))[1]);
    console.log(
      `checkpoint (export + fsync'd replace): median ${ms(quantile(checkpoints, 0.5))}; file ${mb((await stat(file)).size)}`,
    );
    await db.close();

    collectGarbage();
    const heapBefore = process.memoryUsage();
    const opens: number[] = [];
    const openCpu: number[] = [];
    for (let i = 0; i < 3; i++) {
      const cpu = process.cpuUsage();
      const [reopened, openTime] = await timed(() => openCatalogInProcess({ file }));
      opens.push(openTime);
      openCpu.push(cpuMs(cpu));
      await reopened.close();
    }
    console.log(
      `reopen in-process (read, quick_check, name index build): median ${ms(quantile(opens, 0.5))} ` +
        `(process CPU ${ms(quantile(openCpu, 0.5))})`,
    );
    // Where an open goes, as the worker opens it (indexes later): until lookups answer, then the code filter
    // and the name index that warmUp builds after.
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      const { store } = await openCatalogStore({ file, indexes: 'later' });
      const lookupsAt = performance.now() - started;
      store.lookup('spec', ['G0000001']);
      while (store.warmUp());
      const warmAt = performance.now() - started;
      store.close();
      const filterStarted = performance.now();
      const { store: again } = await openCatalogStore({ file, indexes: 'later' });
      const openAgain = performance.now() - filterStarted;
      again.codeFilter();
      const filterAt = performance.now() - filterStarted - openAgain;
      again.close();
      console.log(
        `open as the worker does: lookups answer after ${ms(lookupsAt)}; code filter ${ms(filterAt)} more; ` +
          `code filter and name index done ${ms(warmAt)} after the start`,
      );
    }
    const inProcess = await openCatalogInProcess({ file });
    collectGarbage();
    const heapAfter = process.memoryUsage();
    console.log(
      `in-process memory of the open catalog: heap +${mb(heapAfter.heapUsed - heapBefore.heapUsed)}, ` +
        `array buffers (WASM) +${mb(heapAfter.arrayBuffers - heapBefore.arrayBuffers)}`,
    );
    await latencies('in-process', inProcess, queries, lookups);
    await inProcess.close();

    const [worker, workerOpen] = await timed(() => openCatalogWorker({ file }));
    console.log(`worker start + open: ${ms(workerOpen)} (from TS sources, including tsx's start-up)`);
    await latencies('worker round trip', worker, queries, lookups);
    const [, workerCheckpoint] = await timed(() => worker.checkpoint());
    console.log(`worker checkpoint: ${ms(workerCheckpoint)}`);
    const memory = await worker.memory();
    console.log(
      `worker memory: heap used ${mb(memory.heapUsed)} (total ${mb(memory.heapTotal)}), ` +
        `array buffers (WASM) ${mb(memory.arrayBuffers)}, external ${mb(memory.external)}, process RSS ${mb(memory.rss)}`,
    );
    await worker.close();
    console.log(
      `load average at end: ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
