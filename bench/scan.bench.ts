/**
 * Cost of one scan at 20,000 SNs in the document: the key events of a burst through the session
 * (classify + dedupe + state update), the state update alone, a refused duplicate, and the draft text
 * written after each accepted scan (cached serializer vs plain JSON.stringify). Two shapes: 100 lines of
 * 200 SNs, and one line holding all 20,000 (the worst case for copying).
 */
import type { ScanKeyEvent } from '../src/renderer/features/scan/input/keyClassifier';
import { diffForPatches } from '../src/renderer/drafts/patchDiff';
import { ScanSession } from '../src/renderer/features/scan/input/scanSession';
import type { ScanState } from '../src/renderer/features/scan/model/scanData';
import { applyScan, bulkAddSns, createScanState } from '../src/renderer/features/scan/model/scanState';

const EXISTING = 20_000;
const SCANS = 2_000;

function quantiles(samples: number[]): string {
  const sorted = samples.slice().sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return `median ${(at(0.5) * 1000).toFixed(1)} µs, p99 ${(at(0.99) * 1000).toFixed(1)} µs, max ${(at(1) * 1000).toFixed(1)} µs`;
}

function seeded(lineCount: number): ScanState {
  const perLine = EXISTING / lineCount;
  let state = createScanState(
    Array.from({ length: lineCount }, (_, i) => ({ specNo: `SPEC${i}`, required: null })),
  );
  for (let line = 0; line < lineCount; line++) {
    state = applyScan(state, `SPEC${line}`, 'scanner').state;
    for (let i = 0; i < perLine; i++)
      state = applyScan(state, `SN${line}-${String(i).padStart(8, '0')}`, 'scanner').state;
  }
  // Scans go to the first line, the biggest one: the worst case for copying.
  return applyScan(state, 'SPEC0', 'scanner').state;
}

function measureBulk(): void {
  const times: number[] = [];
  const base = seeded(1);
  for (let round = 0; round < 20; round++) {
    const text = Array.from({ length: 5_000 }, (_, i) => `BULK${round}-${i}`).join('\n');
    const t0 = performance.now();
    bulkAddSns(base, text);
    times.push(performance.now() - t0);
  }
  console.log(`bulk paste of 5,000 SNs into 20,000: ${quantiles(times)}`);
}

function burstEvents(code: string, start: number): ScanKeyEvent[] {
  const events: ScanKeyEvent[] = [];
  [...code].forEach((ch, i) =>
    events.push({ type: 'keydown', key: ch, code: 'KeyA', timeStamp: start + i * 2 }),
  );
  events.push({ type: 'keydown', key: 'Enter', code: 'Enter', timeStamp: start + code.length * 2 });
  return events;
}

function measureShape(lineCount: number): void {
  const label = lineCount === 1 ? '1 line × 20,000' : `${lineCount} lines × ${EXISTING / lineCount}`;
  const ctx = { isAlreadySent: (sn: string) => sn === 'NEVER' };

  // Whole burst through the session: 14 keydowns + Enter, each with the field's value.
  let state = seeded(lineCount);
  const session = new ScanSession();
  const sessionTimes: number[] = [];
  let now = 0;
  for (let i = 0; i < SCANS; i++) {
    const code = `NEW${String(i).padStart(11, '0')}`;
    now += 1000;
    const events = burstEvents(code, now);
    let value = '';
    const t0 = performance.now();
    for (const event of events) {
      const step = session.handle(event, value, state, ctx);
      state = step.state;
      if (!step.preventDefault && event.key !== undefined && event.key.length === 1) value += event.key;
      if (step.clearInput) value = '';
    }
    sessionTimes.push(performance.now() - t0);
  }
  console.log(`scan via session (15 key events, ${label}): ${quantiles(sessionTimes)}`);

  // State update alone.
  state = seeded(lineCount);
  const applyTimes: number[] = [];
  for (let i = 0; i < SCANS; i++) {
    const code = `APP${String(i).padStart(11, '0')}`;
    const t0 = performance.now();
    state = applyScan(state, code, 'scanner', ctx).state;
    applyTimes.push(performance.now() - t0);
  }
  console.log(`applyScan accepted (${label}): ${quantiles(applyTimes)}`);

  const dupTimes: number[] = [];
  for (let i = 0; i < SCANS; i++) {
    const code = `SN0-${String((i * 7919) % (EXISTING / lineCount)).padStart(8, '0')}`;
    const t0 = performance.now();
    applyScan(state, code, 'scanner', ctx);
    dupTimes.push(performance.now() - t0);
  }
  console.log(`applyScan duplicate, with its position (${label}): ${quantiles(dupTimes)}`);

  // What the app saves after each accepted scan: the patch of what changed (diffForPatches), against
  // writing the whole state as text.
  const patchTimes: number[] = [];
  const plainTimes: number[] = [];
  let patchBytes = 0;
  let bytes = 0;
  for (let i = 0; i < SCANS / 4; i++) {
    const before = state;
    state = applyScan(state, `SER${String(i).padStart(11, '0')}`, 'scanner', ctx).state;
    let t0 = performance.now();
    const patches = diffForPatches(before, state);
    patchTimes.push(performance.now() - t0);
    if (patches === 'replace') throw new Error('an accepted scan should patch, not replace');
    patchBytes = Math.max(patchBytes, JSON.stringify(patches).length);
    t0 = performance.now();
    bytes = JSON.stringify(state).length;
    plainTimes.push(performance.now() - t0);
  }
  console.log(
    `draft patch per scan, diffForPatches (${label}, at most ${patchBytes} B): ${quantiles(patchTimes)}`,
  );
  console.log(
    `whole draft as text, JSON.stringify (${label}, ${Math.round(bytes / 1024)} KiB): ${quantiles(plainTimes)}`,
  );
}

export async function run(): Promise<void> {
  measureShape(100);
  measureShape(1);
  measureBulk();
}
