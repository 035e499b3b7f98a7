/**
 * Journal and drafts: the cost of a durable append (with fsync), of opening a journal of 100,000 entries,
 * of the log screen's queries over it, and of autosaving a 20,000-SN draft (whole, and one scan as a patch).
 *
 * The 100,000-entry fixture is written in bulk with the journal's own serializer (fsync per line would
 * take minutes and measure only the disk); per-append latency is measured on a smaller sample through
 * the real API.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CallOutcome } from '../src/shared/outcome';
import { COMPACT_AFTER_PATCHES } from '../src/main/drafts/patchLog';
import { openDraftStore, type DraftStore } from '../src/main/drafts/store';
import { chunksFromList, SN_CHUNK_SIZE } from '../src/renderer/features/scan/model/snChunks';
import { openJournal } from '../src/main/journal/journal';
import type { SubmissionStart } from '../src/main/journal/journal';
import { serializeResult, serializeSending } from '../src/main/journal/format';
import { monthFileName } from '../src/main/journal/monthFiles';

const ENTRIES = 100_000;
const APPEND_SAMPLE = 200;
const OPENS = 5;
const QUERY_RUNS = 5;
const DRAFT_SNS = 20_000;
const DRAFT_SAVES = 50;
const DRAFT_PATCHES = 700;

function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** A real heap measurement needs a full collection; the bench runner starts node without --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose_gc');
  (runInNewContext('gc') as () => void)();
}

const ms = (value: number): string => `${value.toFixed(2)} ms`;

async function timed<T>(task: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await task();
  return [value, performance.now() - start];
}

/** A realistic submission: OuterOut with 1–8 detail rows (~300–1000 bytes), one in ten an uploadSN of 20 SNs. */
function submission(i: number): SubmissionStart {
  const key = `OUT-${String(i).padStart(7, '0')}`;
  const base = {
    operator: `操作员${i % 7}`,
    profileName: i % 5 === 0 ? '练习环境' : '正式账号',
    environment: '正式',
  };
  if (i % 10 === 0) {
    const sns = Array.from(
      { length: 20 },
      (_, n) => `SN${String(i).padStart(7, '0')}${String(n).padStart(3, '0')}`,
    );
    return {
      ...base,
      method: 'wms.stockout.Base.uploadSN',
      documentTitle: '上传出库序列号',
      businessKey: `CK${i}`,
      body: JSON.stringify([
        { order_type: 2, stockout_no: `CK${i}` },
        [{ spec_no: `SPEC${i % 997}`, sn_list: sns }],
      ]),
    };
  }
  const rows = Array.from({ length: 1 + (i % 8) }, (_, n) => ({
    spec_no: `SPEC${(i + n) % 997}`,
    num: 1 + n,
    remark: '正常出库',
  }));
  return {
    ...base,
    method: 'wms.outer.OuterOut.createOrder',
    documentTitle: '其他出库单',
    businessKey: key,
    body: JSON.stringify([{ warehouse_no: 'WH01', order_no: key, remark: '批量出库测试' }, rows, false]),
  };
}

function outcome(i: number): CallOutcome {
  if (i % 50 === 0) {
    return {
      kind: 'refused',
      status: 100,
      message: '外部单号重复!',
      resendable: false,
      explanation: '该单号已提交过',
      response: { status: 100, message: '外部单号重复!' },
    };
  }
  return {
    kind: 'accepted',
    documentNo: `CK${i}`,
    response: { status: 0, data: { status: 0, message: `CK${i}` } },
  };
}

async function benchAppend(folder: string): Promise<void> {
  const { journal } = await openJournal({ folder });
  const begins: number[] = [];
  const results: number[] = [];
  const [, total] = await timed(async () => {
    for (let i = 0; i < APPEND_SAMPLE; i += 1) {
      const [id, begin] = await timed(() => journal.beginSubmission(submission(i)));
      const [, result] = await timed(() => journal.recordResult(id, outcome(i), 100));
      begins.push(begin);
      results.push(result);
    }
  });
  await journal.close();
  console.log(
    `append (fsync each): begin median ${ms(quantile(begins, 0.5))}, p99 ${ms(quantile(begins, 0.99))}; ` +
      `result median ${ms(quantile(results, 0.5))}, p99 ${ms(quantile(results, 0.99))}; ` +
      `${APPEND_SAMPLE} submissions in ${ms(total)}`,
  );
}

/** Writes ENTRIES submissions over twelve months in bulk; returns the total bytes. */
export async function writeFixture(folder: string): Promise<number> {
  const start = Date.parse('2025-12-01T00:00:00Z');
  const step = Math.floor((365 * 24 * 3600 * 1000) / ENTRIES);
  const files = new Map<string, string[]>();
  for (let i = 0; i < ENTRIES; i += 1) {
    const timeMs = start + i * step;
    const time = new Date(timeMs).toISOString();
    const id = `${time.replace(/[-:.]/g, '')}-00${(i % 65536).toString(16).padStart(4, '0')}`;
    const { body, ...meta } = submission(i);
    const lines = files.get(monthFileName(timeMs)) ?? [];
    lines.push(serializeSending({ ...meta, id, time }, body));
    lines.push(
      serializeResult(
        {
          id,
          time: new Date(timeMs + 300).toISOString(),
          durationMs: 300,
          outcome: outcome(i),
        },
        { ...meta, time },
      ),
    );
    files.set(monthFileName(timeMs), lines);
  }
  let bytes = 0;
  for (const [name, lines] of files) {
    const text = lines.join('');
    bytes += Buffer.byteLength(text);
    await writeFile(join(folder, name), text);
  }
  return bytes;
}

async function benchReplayAndQuery(folder: string): Promise<void> {
  const [bytes, writeTime] = await timed(() => writeFixture(folder));
  console.log(
    `fixture: ${ENTRIES} entries, ${(bytes / 1024 / 1024).toFixed(1)} MB in 12 month files (bulk write ${ms(writeTime)})`,
  );

  const opens: number[] = [];
  for (let run = 0; run < OPENS; run += 1) {
    const [{ journal, report }, time] = await timed(() => openJournal({ folder }));
    opens.push(time);
    if (report.entries !== ENTRIES) throw new Error(`replayed ${report.entries} entries`);
    await journal.close();
  }
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const { journal } = await openJournal({ folder });
  collectGarbage();
  const heap = process.memoryUsage().heapUsed - heapBefore;
  console.log(
    `open (replay ${ENTRIES}): median ${ms(quantile(opens, 0.5))}, max ${ms(Math.max(...opens))}; ` +
      `heap held after open ${(heap / 1024 / 1024).toFixed(1)} MB (${Math.round(heap / ENTRIES)} B/entry incl. ` +
      `the id map and ${(ENTRIES / 10) * 20} indexed SNs)`,
  );

  const queries: [string, () => Promise<unknown>][] = [
    ['first page, no filter', () => journal.query({ limit: 100 })],
    [
      'method + outcome filter',
      () => journal.query({ methods: ['wms.stockout.Base.uploadSN'], outcomes: ['accepted'] }),
    ],
    ['free text: business key (in memory)', () => journal.query({ text: 'OUT-0054321' })],
    ['free text: an SN (body scan on disk)', () => journal.query({ text: 'SN0054320007' })],
    [
      'free text within one month',
      () => journal.query({ text: 'SPEC42', from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' }),
    ],
  ];
  for (const [label, run] of queries) {
    const times: number[] = [];
    for (let i = 0; i < QUERY_RUNS; i += 1) times.push((await timed(run))[1]);
    console.log(`query ${label}: median ${ms(quantile(times, 0.5))}`);
  }
  const lookups: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i += 1) {
    lookups.push(
      (await timed(async () => journal.findPrior('wms.outer.OuterOut.createOrder', `OUT-00${i}1234`)))[1],
    );
  }
  const snHits = Array.from({ length: 1000 }, (_, i) =>
    journal.hasAcceptedSn(`SN${String(i * 10).padStart(7, '0')}005`),
  );
  console.log(
    `findPrior (scan of ${ENTRIES}): median ${ms(quantile(lookups, 0.5))}; ` +
      `hasAcceptedSn: ${snHits.filter(Boolean).length}/1000 sampled SNs found`,
  );
  await journal.close();
}

async function benchDrafts(folder: string): Promise<void> {
  const { store } = await openDraftStore({ folder });
  const draft = {
    header: { warehouse_no: 'WH01', order_no: 'OUT-1', remark: '扫码出库' },
    rows: [{ spec_no: 'SPEC1', num: DRAFT_SNS }],
    sns: Array.from({ length: DRAFT_SNS }, (_, i) => `SN${String(i).padStart(16, '0')}`),
  };
  const saves: number[] = [];
  let bytes = 0;
  for (let i = 0; i < DRAFT_SAVES; i += 1) {
    draft.sns[i] = `RESCAN${i}`;
    const [summary, time] = await timed(() => store.saveDraft('scan', draft));
    bytes = summary.bytes;
    saves.push(time);
  }
  const loads: number[] = [];
  for (let i = 0; i < 5; i += 1) loads.push((await timed(() => store.loadDraft('scan')))[1]);
  console.log(
    `draft save (${DRAFT_SNS} SNs, ${(bytes / 1024).toFixed(0)} KB, atomic + fsync): median ${ms(quantile(saves, 0.5))}, ` +
      `p99 ${ms(quantile(saves, 0.99))}; load median ${ms(quantile(loads, 0.5))}`,
  );
  await benchDraftPatches(store);
}

/**
 * One scan saved as the scan view saves it at 20,000 SNs: a patch of the SN, the line's count and the undo
 * list, appended to the draft's log and flushed. Enough scans that the store folds its log into a new base
 * once (after COMPACT_AFTER_PATCHES); the patch behind that compaction waits for it and shows in the max.
 */
async function benchDraftPatches(store: DraftStore): Promise<void> {
  const sns = Array.from({ length: DRAFT_SNS }, (_, i) => `SN${String(i).padStart(16, '0')}`);
  await store.saveDraft('scan-patched', {
    v: 2,
    state: { lines: [{ sns: chunksFromList(sns), count: DRAFT_SNS }], undo: [] },
  });
  const patches: number[] = [];
  let lastPending = 0;
  let compactions = 0;
  for (let i = 0; i < DRAFT_PATCHES; i += 1) {
    const at = DRAFT_SNS + i;
    const chunk = Math.floor(at / SN_CHUNK_SIZE);
    const [summary, time] = await timed(() =>
      store.patchDraft('scan-patched', [
        {
          path: ['state', 'lines', 0, 'sns', chunk, at % SN_CHUNK_SIZE],
          value: `NEW${String(i).padStart(13, '0')}`,
        },
        { path: ['state', 'lines', 0, 'count'], value: at + 1 },
        { path: ['state', 'undo', i], value: `NEW${String(i).padStart(13, '0')}` },
      ]),
    );
    if (summary.pending < lastPending) compactions += 1;
    lastPending = summary.pending;
    patches.push(time);
  }
  const [loadedLog, loadTime] = await timed(() => store.loadDraft('scan-patched'));
  if (loadedLog.status !== 'found') throw new Error('patched draft not found');
  console.log(
    `draft patch (one scan at ${DRAFT_SNS} SNs, append + fsync): median ${ms(quantile(patches, 0.5))}, ` +
      `p99 ${ms(quantile(patches, 0.99))}, max ${ms(Math.max(...patches))}; ${DRAFT_PATCHES} scans, ` +
      `${compactions} compaction(s) (every ${COMPACT_AFTER_PATCHES}); load with ${lastPending} patches in the log ${ms(loadTime)}`,
  );
}

export async function run(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'wdt-journal-bench-'));
  try {
    await benchAppend(join(root, 'append'));
    await benchReplayAndQuery(await mkdtemp(join(root, 'replay-')));
    await benchDrafts(join(root, 'drafts'));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
