/**
 * An in-memory stand-in for the journal part of `window.wdt`, filtering the way main's journal does
 * (written independently of the renderer's own matching, so the tests compare two readings of the contract).
 * Answers can be held back to test out-of-order replies.
 */
import type { ExportFile, WdtBridge } from '../../../src/shared/ipc';
import type {
  JournalChange,
  JournalEntry,
  JournalEntryDetail,
  JournalPage,
  JournalQuery,
} from '../../../src/shared/journal';
import type { Result } from '../../../src/shared/result';
import { FakeReconciler } from './reconcileFakeBridge';

export type JournalBridge = Pick<
  WdtBridge,
  'queryJournal' | 'getJournalEntry' | 'exportJournal' | 'reconcileEntry' | 'events'
>;

const BASE_TIME = Date.parse('2026-03-15T02:00:00.000Z');

/** Entry `n` was submitted `n` minutes before 2026-03-15 10:00 Beijing time, so higher n is older. */
export function makeEntry(n: number, overrides: Partial<JournalEntry> = {}): JournalEntry {
  const time = new Date(BASE_TIME - n * 60_000).toISOString();
  const id = `${time.replace(/[-:.]/g, '')}-${String(n).padStart(6, '0')}`;
  return {
    id,
    time,
    operator: '张三',
    profileName: '练习',
    environment: '练习环境',
    method: 'wms.outer.OuterOut.createOrder',
    documentTitle: '外仓调整出库单创建',
    businessKey: `OUT${String(n).padStart(5, '0')}`,
    outcome: 'accepted',
    documentNo: `CK${String(n).padStart(6, '0')}`,
    ...overrides,
  };
}

export class FakeJournal {
  readonly entries: JournalEntry[] = [];
  readonly bodies = new Map<string, string>();
  readonly queries: JournalQuery[] = [];
  readonly exports: JournalQuery[] = [];
  failNextQuery: string | null = null;
  /** What main reports as damaged journal lines skipped at open; undefined: the field is left out. */
  skippedLines: number | undefined = undefined;
  private held: (() => void)[] | null = null;
  private readonly listeners = new Set<(change: JournalChange) => void>();
  /** main's 核对: a finding is recorded on the entry and announced as journalChanged 'updated', as main does. */
  readonly reconciler = new FakeReconciler();

  constructor() {
    this.reconciler.onFinding = (id, finding) => {
      const entry = this.entries.find((candidate) => candidate.id === id);
      if (entry === undefined) return;
      const updated = { ...entry, reconciled: finding };
      this.replace(updated);
      this.announce({ type: 'updated', entry: updated });
    };
  }

  /** What main sends as journalChanged. */
  announce(change: JournalChange): void {
    for (const listener of this.listeners) listener(change);
  }

  add(
    entry: JournalEntry,
    body = `[{"order_no":"${entry.businessKey}"},[{"spec_no":"SKU-${entry.id.slice(-3)}"}],1]`,
  ): void {
    this.entries.push(entry);
    this.bodies.set(entry.id, body);
  }

  /** What main does when a result arrives: the stored entry changes. */
  replace(entry: JournalEntry): void {
    const index = this.entries.findIndex((candidate) => candidate.id === entry.id);
    if (index !== -1) this.entries[index] = entry;
  }

  /** Replies wait until `release` is called. */
  hold(): void {
    this.held = [];
  }

  /** Lets the held replies go, by default the last request's first: the earlier answers arrive late. */
  release(order: 'newest-first' | 'oldest-first' = 'newest-first'): void {
    const waiting = this.held ?? [];
    this.held = null;
    if (order === 'newest-first') waiting.reverse();
    for (const resume of waiting) resume();
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  readonly bridge: JournalBridge = {
    queryJournal: async (query) => {
      this.queries.push(query);
      await this.wait();
      if (this.failNextQuery !== null) {
        const message = this.failNextQuery;
        this.failNextQuery = null;
        return { ok: false, error: { code: 'INTERNAL', message } };
      }
      const rows = this.filter(query);
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 100;
      const page: JournalPage = {
        entries: rows.slice(offset, offset + limit),
        total: rows.length,
        offset,
        limit,
        ...(this.skippedLines !== undefined && { skippedLines: this.skippedLines }),
      };
      return { ok: true, value: page };
    },
    getJournalEntry: async ({ id }): Promise<Result<JournalEntryDetail>> => {
      await this.wait();
      const entry = this.entries.find((candidate) => candidate.id === id);
      const body = this.bodies.get(id);
      if (!entry || body === undefined)
        return { ok: false, error: { code: 'NOT_FOUND', message: '没有这条记录' } };
      return { ok: true, value: { ...entry, body } };
    },
    exportJournal: async (query): Promise<Result<ExportFile>> => {
      this.exports.push(query);
      return { ok: true, value: { fileName: '提交记录.xlsx', bytes: new Uint8Array([80, 75, 3, 4]) } };
    },
    events: {
      journalChanged: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
      submissionProgress: () => () => undefined,
      reconcileProgress: (listener) => this.reconciler.part.reconcileProgress(listener),
      // The log never shows the catalog; the event exists on every bridge.
      catalogChanged: () => () => undefined,
    },
    reconcileEntry: (input) => this.reconciler.part.reconcileEntry(input),
  };

  private async wait(): Promise<void> {
    if (this.held) await new Promise<void>((resume) => this.held?.push(resume));
  }

  private filter(query: JournalQuery): JournalEntry[] {
    const text = query.text?.trim() ?? '';
    return this.entries
      .filter((entry) => {
        const time = Date.parse(entry.time);
        if (query.from && time < Date.parse(query.from)) return false;
        if (query.to && time >= Date.parse(query.to)) return false;
        if (query.methods?.length && !query.methods.includes(entry.method)) return false;
        if (query.outcomes?.length && !query.outcomes.includes(entry.outcome)) return false;
        if (query.operator && entry.operator !== query.operator) return false;
        if (query.profileName && entry.profileName !== query.profileName) return false;
        if (text === '') return true;
        const lowered = text.toLowerCase();
        return (
          entry.businessKey.toLowerCase().includes(lowered) ||
          (entry.documentNo ?? '').toLowerCase().includes(lowered) ||
          (this.bodies.get(entry.id) ?? '').includes(text)
        );
      })
      .sort((a, b) => (a.id < b.id ? 1 : -1));
  }
}
