/**
 * Keeps a scan state and a document's lines as one: each committed scan state becomes the document's lines
 * at once (so validation, preview and submit use it) and is sent to its own draft in the same task (so a
 * kill right after a scan loses nothing, even while earlier writes are in flight; a scan goes out as a
 * patch of the few values it changed, see src/renderer/drafts/patchedWriter.ts, so the cost does not grow
 * with the document); lines changed elsewhere (the grid, an import, 清空草稿, a submit) make the state be
 * rebuilt from them, and the scan draft is retired once the document draft holds them.
 *
 * On start the scan draft, when present, is newer than the document draft by construction: it is deleted
 * as soon as anything but a scan changes the lines.
 */
import { getSpec } from '../../../../shared/documents';
import { scanDraftIdFor } from '../../../../shared/draftIds';
import type { RawRecord, RawValue } from '../../../../shared/spec';
import { flushDrafts } from '../../../drafts/documentDrafts';
import { createPatchedDraftWriter, type PatchedDraftWriter } from '../../../drafts/patchedWriter';
import { bridge } from '../../../stores/bridge';
import { documentStore, getDoc, setLines } from '../../documents/documentStore';
import { showNotice } from '../../../stores/noticeStore';
import type { DraftJson } from '../../../drafts/documentDraftFile';
import type { GridRow } from '../../documents/gridOps';
import { requireScanFields } from '../model/scanFields';
import { linesFromScan, readLineFields, scanFromLines, type LineKeys } from '../model/uploadSnLines';
import type { ScanState } from '../model/scanData';
import { parseScanState } from './scanDraft';

export class ScanDocLink {
  private state: ScanState | null = null;
  private fields: RawRecord[] = [];
  /** The lines this link last wrote or rebuilt from; anything else in the store came from elsewhere. */
  private known: readonly GridRow[] | null = null;
  /** A scan draft on disk holds changes the document draft may not have yet. */
  private draftLive = false;
  private restoring: Promise<void> | null = null;
  private generation = 0;
  private writing = false;
  private linesTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly writer: PatchedDraftWriter;
  /** The spec's product code and SN list fields, which the lines hold the scans in. */
  private readonly keys: LineKeys;

  constructor(private readonly method: string) {
    const spec = getSpec(method);
    if (spec === undefined) throw new Error(`unknown document ${method}`);
    this.keys = requireScanFields(spec);
    // The document draft must hold the lines before the scan draft that also holds them goes.
    this.writer = createPatchedDraftWriter(scanDraftIdFor(method), bridge, { beforeDelete: flushDrafts });
  }

  /** Sends now, in the task that made the change; a failure is shown (the data stays in the window). */
  private save(data: DraftJson | null): void {
    this.writer
      .write(data)
      .catch((error: unknown) =>
        showNotice('error', `扫码草稿保存失败：${error instanceof Error ? error.message : String(error)}`),
      );
  }

  /** Reads the scan draft once the document's own draft is loaded; safe to call again. */
  restore(): Promise<void> {
    this.restoring ??= this.readDraft().finally(() => {
      documentStore.subscribe((state) => this.onLines(state.docs[this.method]?.lines));
    });
    return this.restoring;
  }

  /** Grows whenever the state was rebuilt from lines changed elsewhere: scan views start over then. */
  getGeneration = (): number => this.generation;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The state to scan into; rebuilt from the document's lines when they changed elsewhere. */
  current(): ScanState {
    if (this.linesTimer !== undefined) return this.state ?? this.stateForLines();
    return this.stateForLines();
  }

  private stateForLines(): ScanState {
    const lines = getDoc(this.method)?.lines ?? [];
    if (this.state === null || lines !== this.known) {
      const rebuilt = scanFromLines(lines, this.state?.expected ?? null, this.keys);
      if (rebuilt.duplicates > 0)
        showNotice(
          'warning',
          `明细中有 ${rebuilt.duplicates} 个重复的序列号，扫码模式只保留第一次出现的那个`,
        );
      this.state = rebuilt.state;
      this.fields = rebuilt.fields;
      this.known = lines;
    }
    return this.state;
  }

  /** A new state from the scan view: becomes the lines and is saved now. */
  commit(state: ScanState): void {
    this.state = state;
    this.writeLines();
  }

  /** A line's own field (defect) changed. */
  setField(line: number, key: string, value: RawValue): void {
    const fields = this.fields.slice();
    while (fields.length <= line) fields.push({});
    fields[line] = { ...fields[line], [key]: value };
    this.fields = fields;
    this.writeLines();
  }

  fieldsOf(line: number): RawRecord {
    return this.fields[line] ?? {};
  }

  /** Call in the same edit that removes line `line` from the state, so fields stay beside their lines. */
  dropFields(line: number): void {
    this.fields = this.fields.filter((_, index) => index !== line);
  }

  /** Resolves when every save so far has landed (tests, submit). */
  saved(): Promise<void> {
    return this.writer.idle();
  }

  /**
   * Saves now; the document's lines follow in the next task. The scan view shows the scan first, and the
   * document-wide work a change of lines sets off (re-rendering the screen, validation, the autosave) runs
   * after it instead of inside every scan; nothing is lost meanwhile, the scan draft is already on its way.
   */
  private writeLines(): void {
    const state = this.state;
    if (state === null) return;
    this.draftLive = true;
    const fields = this.fields;
    // The state as plain data, not as text: each later save then sends only the parts a scan changed.
    this.save({ v: 2, state: state as unknown as DraftJson, fields: fields as DraftJson });
    this.linesTimer ??= setTimeout(() => this.flushLines(), 0);
  }

  /** Puts the latest state into the document now (before anything reads the lines). */
  flushLines(): void {
    if (this.linesTimer !== undefined) clearTimeout(this.linesTimer);
    this.linesTimer = undefined;
    const state = this.state;
    if (state === null) return;
    this.writing = true;
    try {
      // The scan draft holds these lines; the document draft catches up with the next other change, and
      // always before the scan draft is retired (see the saver above).
      setLines(this.method, linesFromScan(state, this.fields, this.keys), { keptElsewhere: true });
    } finally {
      this.writing = false;
    }
    // Read back rather than keep our array: setLines puts a blank row in an empty document.
    this.known = getDoc(this.method)?.lines ?? null;
  }

  private async readDraft(): Promise<void> {
    const result = await bridge().loadDraft({ id: scanDraftIdFor(this.method) });
    if (!result.ok || !result.value.found) return;
    if (result.value.notice !== undefined) showNotice('warning', result.value.notice);
    const data = result.value.data;
    const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
    const saved = record['state'];
    const parsed = typeof saved === 'object' && saved !== null ? parseScanState(saved) : null;
    if (parsed === null || !parsed.ok) {
      showNotice('warning', '扫码草稿无法识别，已按明细表格中的内容继续。');
      return;
    }
    this.state = parsed.value;
    this.fields = readLineFields(record['fields']);
    // The scan draft replaces the lines the document holds now. Only a later change of them comes from
    // elsewhere: without this, any store update before the lines are written (a validation result, a
    // header value) looked like one, and the restored scans and their draft were thrown away.
    this.known = getDoc(this.method)?.lines ?? null;
    this.writeLines();
  }

  private onLines(lines: readonly GridRow[] | undefined): void {
    if (this.writing || lines === undefined || lines === this.known) return;
    if (this.linesTimer !== undefined) clearTimeout(this.linesTimer);
    this.linesTimer = undefined;
    this.known = lines;
    this.state = null;
    this.generation++;
    if (this.draftLive) {
      this.draftLive = false;
      this.save(null);
    }
    for (const listener of this.listeners) listener();
  }
}

const links = new Map<string, ScanDocLink>();

export function scanLinkFor(method: string): ScanDocLink {
  let link = links.get(method);
  if (link === undefined) {
    link = new ScanDocLink(method);
    links.set(method, link);
  }
  return link;
}
