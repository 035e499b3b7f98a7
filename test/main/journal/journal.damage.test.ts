/**
 * A journal file damaged on disk: opening never throws, every damaged line is skipped and counted, nothing
 * is misread, and the duplicate guard of an accepted submission survives the loss of any single line.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../../src/shared/outcome';
import { openJournal } from '../../../src/main/journal/journal';
import { ManualClock, tempFolder } from './helpers';
import { outerOutBody, sampleStart, uploadSnBody } from './samples';

const outerOut = 'wms.outer.OuterOut.createOrder';
const uploadSn = 'wms.stockout.Base.uploadSN';

const accepted = (documentNo: string, data: unknown = { status: 0, message: documentNo }): CallOutcome => ({
  kind: 'accepted',
  documentNo,
  response: { status: 0, data },
});

/** Writes one accepted submission and returns the folder, the file and the entry id. */
async function oneAccepted(data?: unknown): Promise<{ folder: string; file: string; id: string }> {
  const folder = await tempFolder();
  const { journal } = await openJournal({ folder });
  const id = await journal.beginSubmission(sampleStart({ businessKey: 'OUT-1' }));
  await journal.recordResult(id, accepted('CK-1', data), 10);
  await journal.close();
  const [name] = await readdir(folder);
  return { folder, file: join(folder, name ?? ''), id };
}

/** Flips the low bit of the byte at `index`, counted from the start of line `line` (both 0-based). */
async function damageLine(file: string, line: number, index: number): Promise<void> {
  const buf = await readFile(file);
  let start = 0;
  for (let i = 0; i < line; i += 1) start = buf.indexOf(0x0a, start) + 1;
  buf[start + index] = (buf[start + index] ?? 0) ^ 0x01;
  await writeFile(file, buf);
}

describe('journal: damaged lines', () => {
  it('reads an accepted answer that contains a "body" key as accepted, with its number, after a restart', async () => {
    const { folder, id } = await oneAccepted({ status: 0, message: 'CK-1', body: '{"x":1}' });
    const { journal, report } = await openJournal({ folder });
    expect(report.skippedLines).toEqual([]);
    expect(report.recoveredAsUnknown).toEqual([]);
    expect(journal.get(id)).toMatchObject({ outcome: 'accepted', documentNo: 'CK-1' });
    await journal.close();
  });

  it('keeps the entry and its duplicate guard from the result when the sending line is damaged', async () => {
    const { folder, file, id } = await oneAccepted();
    await damageLine(file, 0, 60); // inside the sending line's head
    const { journal, report } = await openJournal({ folder });
    expect(report.skippedLines).toEqual([
      { file: expect.any(String), line: 1, reason: expect.stringContaining('校验和') },
    ]);
    expect(journal.findPrior(outerOut, 'OUT-1')).toMatchObject([
      { id, outcome: 'accepted', documentNo: 'CK-1', operator: '张三', documentTitle: '其他出库单' },
    ]);
    expect(await journal.getDetail(id)).toMatchObject({ bodyLost: true, body: '', outcome: 'accepted' });
    expect((await journal.query({})).skippedLines).toBe(1);
    await journal.close();
  });

  it('keeps the guard as unknown when the result line is damaged', async () => {
    const { folder, file, id } = await oneAccepted();
    await damageLine(file, 1, 40);
    const { journal, report } = await openJournal({ folder });
    expect(report.skippedLines).toHaveLength(1);
    expect(report.recoveredAsUnknown).toEqual([id]);
    expect(journal.findPrior(outerOut, 'OUT-1')).toMatchObject([{ id, outcome: 'unknown' }]);
    await journal.close();
  });

  it('never reads a damaged business key as another document', async () => {
    const { folder, file } = await oneAccepted();
    const text = await readFile(file, 'utf8');
    // "OUT-1" becomes "OUT-7" in both lines: valid JSON, wrong key; only the checksums notice.
    await writeFile(file, text.replaceAll('"businessKey":"OUT-1"', '"businessKey":"OUT-7"'));
    const { journal, report } = await openJournal({ folder });
    expect(report.skippedLines).toHaveLength(2);
    expect(journal.findPrior(outerOut, 'OUT-7')).toEqual([]);
    expect(journal.size).toBe(0);
    await journal.close();
  });

  it('still reads the result when a damaged newline glued it to its sending line', async () => {
    const { folder, file, id } = await oneAccepted();
    const buf = await readFile(file);
    buf[buf.indexOf(0x0a)] = 0x20;
    await writeFile(file, buf);
    const { journal, report } = await openJournal({ folder });
    expect(report.skippedLines).toHaveLength(1);
    expect(journal.get(id)).toMatchObject({ outcome: 'accepted', documentNo: 'CK-1' });
    await journal.close();
  });

  it('opens when a whole month file cannot be read, and when the crash record cannot be written', async () => {
    const folder = await tempFolder();
    const clock = new ManualClock(Date.parse('2026-10-20T08:00:00Z'));
    const first = await openJournal({ folder, now: clock.now });
    const id = await first.journal.beginSubmission(sampleStart({ businessKey: 'OUT-1' }));
    await first.journal.close(); // in flight at exit
    // November's file is unreadable (here: a folder in its place), and it is where the recovery would go.
    await mkdir(join(folder, 'journal-2026-11.jsonl'));
    clock.set('2026-11-02T08:00:00Z');

    const { journal, report } = await openJournal({ folder, now: clock.now });
    expect(report.skippedLines).toEqual([
      { file: 'journal-2026-11.jsonl', line: 0, reason: expect.any(String) },
    ]);
    expect(report.recoveredAsUnknown).toEqual([]);
    expect(journal.findPrior(outerOut, 'OUT-1')).toMatchObject([{ id, outcome: 'sending' }]);
    await expect(journal.beginSubmission(sampleStart({ businessKey: 'OUT-2' }))).rejects.toThrow(
      '无法写入提交日志',
    );
    await journal.close();
  });
});

/** mulberry32: a small seeded PRNG, so a failing trial can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Truth {
  readonly method: string;
  readonly businessKey: string;
  readonly outcome: string;
}

describe('journal: random single-byte damage (fault suite)', () => {
  it('over 300 seeded single-byte flips, never throws on open, never loses a guard, never misreads', async () => {
    const source = await tempFolder();
    const clock = new ManualClock(Date.parse('2026-11-10T08:00:00Z'));
    const truth = new Map<string, Truth>();
    const { journal } = await openJournal({ folder: source, now: clock.now });
    const submit = async (start: ReturnType<typeof sampleStart>, outcome: CallOutcome): Promise<void> => {
      const id = await journal.beginSubmission(start);
      clock.advance(300);
      await journal.recordResult(id, outcome, 300);
      truth.set(id, { method: start.method, businessKey: start.businessKey, outcome: outcome.kind });
    };
    for (let i = 0; i < 4; i += 1) {
      const key = `OUT-${i}`;
      await submit(
        sampleStart({ businessKey: key, body: outerOutBody(key, 'DFAQT101', [`SN-${i}`]) }),
        accepted(`CK-${i}`, { status: 0, message: `CK-${i}`, body: 'echo' }),
      );
    }
    await submit(
      sampleStart({
        method: uploadSn,
        documentTitle: '出库单序列号',
        businessKey: 'CK-S',
        body: uploadSnBody('CK-S', 'X', ['SN-A', 'SN-B']),
      }),
      { kind: 'accepted', response: { status: 0 } },
    );
    await submit(sampleStart({ businessKey: 'OUT-AF' }), {
      kind: 'approval-failed',
      reason: '库存不足',
      response: { status: 0, data: { status: 20, message: '库存不足' } },
    });
    await submit(sampleStart({ businessKey: 'OUT-REF' }), {
      kind: 'refused',
      status: 100,
      message: '单号重复',
      resendable: false,
      explanation: '单号重复',
      response: { status: 100, message: '单号重复' },
    });
    await journal.close();
    const [name] = await readdir(source);
    const original = await readFile(join(source, name ?? ''));
    const guarded = [...truth.values()].filter(
      (t) => t.outcome === 'accepted' || t.outcome === 'approval-failed',
    );
    expect(guarded).toHaveLength(6);

    const random = prng(17);
    const trials = 300;
    let threw = 0;
    let guardsLost = 0;
    let misread = 0;
    let damageUnreported = 0;
    for (let trial = 0; trial < trials; trial += 1) {
      const position = Math.floor(random() * original.length);
      const flip = 1 + Math.floor(random() * 255);
      const damaged = Buffer.from(original);
      damaged[position] = (damaged[position] ?? 0) ^ flip;
      const folder = await tempFolder();
      await writeFile(join(folder, name ?? ''), damaged);
      let opened;
      try {
        opened = await openJournal({ folder });
      } catch {
        threw += 1;
        continue;
      }
      const { journal: reopened, report } = opened;
      for (const t of guarded) if (reopened.findPrior(t.method, t.businessKey).length === 0) guardsLost += 1;
      const page = await reopened.query({ limit: 1000 });
      for (const entry of page.entries) {
        const expected = truth.get(entry.id);
        if (
          !expected ||
          expected.method !== entry.method ||
          expected.businessKey !== entry.businessKey ||
          (entry.outcome !== expected.outcome && entry.outcome !== 'unknown')
        )
          misread += 1;
      }
      // Only the file's very last byte (the final newline) can change without any line being damaged.
      if (report.skippedLines.length === 0 && position !== original.length - 1) damageUnreported += 1;
      await reopened.close();
    }
    expect({ threw, guardsLost, misread, damageUnreported }).toEqual({
      threw: 0,
      guardsLost: 0,
      misread: 0,
      damageUnreported: 0,
    });
  });
});
