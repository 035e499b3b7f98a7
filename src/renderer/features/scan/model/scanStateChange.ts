/**
 * The copy-on-write editing of a scan state (scanState.ts), and the lookup index kept beside each state.
 *
 * The index (SN → line, and the typed SNs) is not part of the data. It lives in a WeakMap keyed by the
 * state object and is handed from each state to the state derived from it, so the hot path never rebuilds
 * it. A state that has no index (loaded from a draft, or an older state used again after a newer one was
 * derived from it) builds one on first use: slower once, never wrong.
 */
import type { ScanSource } from '../input/keyClassifier';
import type { ExpectedSn, ScanLine, ScanState } from './scanData';
import type { ScanSettings } from './scanTunables';
import type { SnChunks } from './snChunks';
import { ChunkWriter, positionOf } from './snChunks';

interface ScanIndex {
  readonly lineOf: Map<string, number>;
  readonly typed: Set<string>;
}

const indexes = new WeakMap<ScanState, ScanIndex>();
const expectedIndexes = new WeakMap<readonly ExpectedSn[], ReadonlyMap<string, string | null>>();

function buildIndex(state: ScanState): ScanIndex {
  const lineOf = new Map<string, number>();
  state.lines.forEach((line, lineIndex) => {
    for (const chunk of line.sns) for (const sn of chunk) lineOf.set(sn, lineIndex);
  });
  const typed = new Set<string>();
  for (const chunk of state.typed) for (const sn of chunk) typed.add(sn);
  return { lineOf, typed };
}

export function indexFor(state: ScanState): ScanIndex {
  let index = indexes.get(state);
  if (index === undefined) {
    index = buildIndex(state);
    indexes.set(state, index);
  }
  return index;
}

function expectedIndexFor(expected: readonly ExpectedSn[]): ReadonlyMap<string, string | null> {
  let index = expectedIndexes.get(expected);
  if (index === undefined) {
    index = new Map(expected.map((entry) => [entry.sn, entry.specNo]));
    expectedIndexes.set(expected, index);
  }
  return index;
}

/** A literal rather than a spread, which V8 builds through a slow path (measured: most of a scan's cost). */
function lineWith(line: ScanLine, sns: SnChunks, count: number): ScanLine {
  return { specNo: line.specNo, required: line.required, sns, count };
}

/**
 * One state change: copy-on-write over the base state, with the base's index taken over and updated in
 * place. The first write detaches the index from the base; `commit` attaches it to the new state. A change
 * that writes nothing leaves the index with the base, and one that throws drops it (see `edit`).
 */
export class StateChange {
  private readonly lines: ScanLine[];
  private readonly writers = new Map<number, ChunkWriter>();
  private typedWriter: ChunkWriter | null = null;
  private undo: string[] | null = null;
  private changed = false;
  activeLine: number | null;
  readonly index: ScanIndex;

  constructor(
    private readonly base: ScanState,
    readonly settings: ScanSettings,
  ) {
    this.index = indexFor(base);
    this.lines = base.lines.slice();
    this.activeLine = base.activeLine;
  }

  get expected(): ReadonlyMap<string, string | null> | null {
    return this.base.expected === null ? null : expectedIndexFor(this.base.expected);
  }

  line(lineIndex: number): ScanLine | undefined {
    return this.lines[lineIndex];
  }

  lineCount(): number {
    return this.lines.length;
  }

  positionInLine(lineIndex: number, sn: string): number {
    const writer = this.writers.get(lineIndex);
    const line = this.lines[lineIndex];
    return positionOf(writer?.result() ?? line?.sns ?? [], sn);
  }

  /** First line for the spec_no with room left, else its first line; -1 when there is none. */
  findSpecLine(specNo: string): number {
    let first = -1;
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i];
      if (line?.specNo !== specNo) continue;
      if (line.required === null || line.count < line.required) return i;
      if (first < 0) first = i;
    }
    return first;
  }

  addLine(specNo: string, required: number | null): number {
    this.detachIndex();
    this.lines.push({ specNo, required, sns: [], count: 0 });
    return this.lines.length - 1;
  }

  select(lineIndex: number): void {
    if (this.activeLine === lineIndex) return;
    this.detachIndex();
    this.activeLine = lineIndex;
  }

  append(lineIndex: number, sn: string, source: ScanSource): void {
    const line = this.lines[lineIndex];
    if (line === undefined) throw new RangeError(`no line ${lineIndex}`);
    this.detachIndex();
    const writer = this.writerFor(lineIndex, line);
    writer.append(sn);
    this.lines[lineIndex] = lineWith(line, writer.result(), line.count + 1);
    this.index.lineOf.set(sn, lineIndex);
    if (source === 'typed') {
      this.typedWriter ??= new ChunkWriter(this.base.typed);
      this.typedWriter.append(sn);
      this.index.typed.add(sn);
    }
    const undo = (this.undo ??= this.base.undo.slice());
    undo.push(sn);
    if (undo.length > this.settings.undoDepth) undo.splice(0, undo.length - this.settings.undoDepth);
  }

  /** Removes an SN wherever it is; returns where it was, or null. */
  remove(sn: string): { line: number; position: number } | null {
    const lineIndex = this.index.lineOf.get(sn);
    const line = lineIndex === undefined ? undefined : this.lines[lineIndex];
    if (lineIndex === undefined || line === undefined) return null;
    this.detachIndex();
    const writer = this.writerFor(lineIndex, line);
    const position = writer.remove(sn);
    this.lines[lineIndex] = lineWith(line, writer.result(), line.count - 1);
    this.index.lineOf.delete(sn);
    if (this.index.typed.delete(sn)) {
      this.typedWriter ??= new ChunkWriter(this.base.typed);
      this.typedWriter.remove(sn);
    }
    return { line: lineIndex, position };
  }

  popUndo(): string | undefined {
    this.detachIndex();
    this.undo ??= this.base.undo.slice();
    return this.undo.pop();
  }

  /** The new state, or the base itself when nothing changed. */
  commit(): ScanState {
    if (!this.changed) return this.base;
    const next: ScanState = {
      version: 1,
      lines: this.lines,
      activeLine: this.activeLine,
      expected: this.base.expected,
      typed: this.typedWriter?.result() ?? this.base.typed,
      undo: this.undo ?? this.base.undo,
    };
    indexes.set(next, this.index);
    return next;
  }

  /** Called before the first write: from now on the index describes the new state, not the base. */
  private detachIndex(): void {
    if (this.changed) return;
    this.changed = true;
    indexes.delete(this.base);
  }

  private writerFor(lineIndex: number, line: ScanLine): ChunkWriter {
    let writer = this.writers.get(lineIndex);
    if (writer === undefined) {
      writer = new ChunkWriter(line.sns);
      this.writers.set(lineIndex, writer);
    }
    return writer;
  }
}

export function edit<T>(
  state: ScanState,
  settings: ScanSettings,
  work: (change: StateChange) => T,
): { state: ScanState; outcome: T } {
  const change = new StateChange(state, settings);
  try {
    const outcome = work(change);
    return { state: change.commit(), outcome };
  } catch (error) {
    // A half-applied change must not leave a wrong index behind for either state.
    indexes.delete(state);
    throw error;
  }
}

/** A state derived without moving any SN (a required count, the expected list) keeps its base's index. */
export function handOverIndex(from: ScanState, to: ScanState): void {
  const index = indexes.get(from);
  if (index === undefined) return;
  indexes.delete(from);
  indexes.set(to, index);
}
