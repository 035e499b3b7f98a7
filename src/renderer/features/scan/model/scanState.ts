/**
 * The scan rules over a document's scanned SNs (scanData.ts): a scan taken, refused or asked about, with its
 * message, and the edits of the scan view. A lookup index is kept beside the data so a scan costs the same
 * at 20 SNs as at 20,000.
 *
 * The index and the copy-on-write change every edit goes through are in scanStateChange.ts; edits that are
 * not scans (lines, the expected list) and lookups are in scanLineEdits.ts; scans of a product's code rather
 * than an SN in productScan.ts.
 */
import { snShapeMismatch } from '../../../../shared/snShape';
import type { ScanSource } from '../input/keyClassifier';
import { findSnProblem, normalizeScannedValue } from './normalizeCode';
import type { ScanResult } from './scanResult';
import { countText, placeText, snProblemText } from './scanResult';
import type { ScanSettings } from './scanTunables';
import { defaultScanSettings } from './scanTunables';
import { productScan } from './productScan';
import { lineNumberOf, type ScanContext } from './scanContext';
import { edit, type StateChange } from './scanStateChange';
import type { ScanState } from './scanData';

export function createScanState(
  lines: readonly { readonly specNo: string; readonly required: number | null }[] = [],
): ScanState {
  return {
    version: 1,
    lines: lines.map((line) => ({ specNo: line.specNo, required: line.required, sns: [], count: 0 })),
    activeLine: lines.length > 0 ? 0 : null,
    expected: null,
    typed: [],
    undo: [],
  };
}

function result<K extends ScanResult['kind']>(
  fields: Extract<ScanResult, { kind: K }>,
): Extract<ScanResult, { kind: K }> {
  return fields;
}

// Results are built as plain literals, never by spreading a shared base object (see lineWith in
// scanStateChange.ts).

/**
 * The SN path shared by scans and pastes: shape, duplicates, the journal, the expected list, routing and
 * the line's count, in that order, so the most specific reason wins.
 */
function placeSn(change: StateChange, value: string, source: ScanSource, ctx: ScanContext): ScanResult {
  const custom = ctx.validateSn?.(value) ?? null;
  if (custom !== null) {
    return result({
      value,
      source,
      kind: 'invalid',
      problem: 'custom',
      tone: 'error',
      message: custom,
      line: null,
    });
  }
  const problem = findSnProblem(value, change.settings.maxSnLength);
  if (problem !== null) {
    const message = `${snProblemText[problem]}：${value}`;
    return result({ value, source, kind: 'invalid', problem, tone: 'error', message, line: null });
  }

  const existingLine = change.index.lineOf.get(value);
  if (existingLine !== undefined) {
    const position = change.positionInLine(existingLine, value);
    return result({
      value,
      source,
      kind: 'duplicate-in-document',
      tone: 'duplicate',
      message: `SN 重复：已在${placeText(lineNumberOf(ctx, existingLine), position)}`,
      line: existingLine,
      specNo: change.line(existingLine)?.specNo ?? '',
      position,
    });
  }

  const sent = ctx.isAlreadySent?.(value) ?? false;
  if (sent !== false) {
    const entryId = sent === true ? null : sent.entryId;
    return result({
      value,
      source,
      kind: 'already-sent',
      tone: 'duplicate',
      message: 'SN 已在之前的提交中发送过，不能再次录入',
      line: null,
      entryId,
    });
  }

  let target = change.activeLine;
  const expected = change.expected;
  if (expected !== null) {
    const specNo = expected.get(value);
    if (specNo === undefined) {
      return result({
        value,
        source,
        kind: 'not-expected',
        tone: 'error',
        message: `SN 不在预期清单中：${value}`,
        line: null,
      });
    }
    if (specNo !== null) {
      const found = change.findSpecLine(specNo);
      target = found >= 0 ? found : change.addLine(specNo, ctx.requiredFor?.(specNo) ?? null);
    }
  }

  const line = target === null ? undefined : change.line(target);
  if (target === null || line === undefined) {
    return result({
      value,
      source,
      kind: 'no-active-line',
      tone: 'error',
      message: '请先扫描商家编码或选中一行，再扫 SN',
      line: null,
    });
  }
  if (line.required !== null && line.count >= line.required) {
    return result({
      value,
      source,
      kind: 'over-count',
      tone: 'error',
      message: `第${lineNumberOf(ctx, target)}行 ${line.specNo} 已扫满 ${line.required} 个，不能再加`,
      line: target,
      specNo: line.specNo,
      required: line.required,
    });
  }

  change.append(target, value, source);
  change.select(target);
  const count = line.count + 1;
  const typedNote = source === 'typed' ? '（手工输入）' : '';
  return result({
    value,
    source,
    kind: 'accepted',
    tone: 'success',
    message: `已录入：${placeText(lineNumberOf(ctx, target), count - 1)} ${line.specNo}（${countText(count, line.required)}）${typedNote}`,
    line: target,
    specNo: line.specNo,
    position: count - 1,
    count,
    required: line.required,
  });
}

/**
 * Applies one submitted value (already read from the field at the terminator). Returns the new state (the
 * same object when nothing changed) and the result to show. Bounce filtering is the session's job.
 * A product's code (a line's spec_no, a code the catalog knows, an expected spec_no) selects or adds its line
 * (productScan.ts); anything else must fit the SN shape, or is asked about, before it becomes an SN.
 */
export function applyScan(
  state: ScanState,
  rawValue: string,
  source: ScanSource,
  ctx: ScanContext = {},
  settings: ScanSettings = defaultScanSettings,
): { state: ScanState; result: ScanResult } {
  const value = normalizeScannedValue(rawValue);
  if (value === '') {
    const ignored = result({ kind: 'empty-ignored', tone: 'none', message: '', value, source, line: null });
    return { state, result: ignored };
  }
  const edited = edit(
    state,
    settings,
    (change) =>
      productScan(change, value, source, ctx) ??
      notAnSn(value, source, ctx) ??
      placeSn(change, value, source, ctx),
  );
  return { state: edited.state, result: edited.outcome };
}

/** A value that does not fit the SN shape: refused, or a question when it may be a product's code. */
function notAnSn(value: string, source: ScanSource, ctx: ScanContext): ScanResult | null {
  const reason = ctx.snShape ? snShapeMismatch(value, ctx.snShape) : null;
  if (reason === null) return null;
  if (ctx.canAddLines === true) {
    return result({
      kind: 'ask-kind',
      tone: 'not-sn',
      message: `“${value}”不像 SN（${reason}）：按 1 作为 SN，按 2 作为商家编码新增行`,
      value,
      source,
      line: null,
      reason,
    });
  }
  return result({
    kind: 'not-sn',
    tone: 'not-sn',
    message: `不是 SN，未录入：${value}（${reason}）`,
    value,
    source,
    line: null,
    reason,
  });
}

/** The worker's answer to an 'ask-kind' question: take `value` as an SN, or as a product's 商家编码. */
export function applyScanAs(
  state: ScanState,
  value: string,
  as: 'sn' | 'spec',
  ctx: ScanContext = {},
  settings: ScanSettings = defaultScanSettings,
): { state: ScanState; result: ScanResult } {
  const edited = edit(state, settings, (change) =>
    as === 'spec'
      ? (productScan(change, value, 'typed', { ...ctx, expectingSpecNo: true }) ??
        placeSn(change, value, 'typed', ctx))
      : placeSn(change, value, 'typed', ctx),
  );
  return { state: edited.state, result: edited.outcome };
}

export interface BulkAddSummary {
  /** One result per non-empty pasted line, in order. */
  readonly items: readonly ScanResult[];
  readonly added: number;
  /** Already in the document (including earlier in the same paste) or already sent. */
  readonly duplicates: number;
  readonly invalid: number;
  /** Refused for another reason: over count, not expected, no line to go to. */
  readonly refused: number;
  /** For people, in Chinese. */
  readonly message: string;
}

/**
 * Adds many SNs pasted one per line (from Excel or a text file) in one state change, each checked like a
 * scan. The chosen line, if given, becomes the active line first.
 */
export function bulkAddSns(
  state: ScanState,
  text: string,
  ctx: ScanContext = {},
  options: { readonly line?: number; readonly settings?: ScanSettings } = {},
): { state: ScanState; summary: BulkAddSummary } {
  const settings = options.settings ?? defaultScanSettings;
  const edited = edit(state, settings, (change) => {
    if (options.line !== undefined && change.line(options.line) !== undefined) change.select(options.line);
    const items: ScanResult[] = [];
    for (const rawLine of text.split(/\r\n|\n|\r/)) {
      const value = normalizeScannedValue(rawLine);
      if (value !== '') items.push(placeSn(change, value, 'typed', ctx));
    }
    return items;
  });
  const items = edited.outcome;
  let added = 0;
  let duplicates = 0;
  let invalid = 0;
  for (const item of items) {
    if (item.kind === 'accepted') added++;
    else if (item.kind === 'duplicate-in-document' || item.kind === 'already-sent') duplicates++;
    else if (item.kind === 'invalid') invalid++;
  }
  const refused = items.length - added - duplicates - invalid;
  const message = `已添加 ${added} 个，重复 ${duplicates} 个，无效 ${invalid} 个，其他未添加 ${refused} 个`;
  return { state: edited.state, summary: { items, added, duplicates, invalid, refused, message } };
}

/** Removes the most recently accepted SN that is still in the document. */
export function undoLastScan(
  state: ScanState,
  settings: ScanSettings = defaultScanSettings,
): { state: ScanState; undone: { sn: string; line: number; position: number } | null } {
  if (state.undo.length === 0) return { state, undone: null };
  const edited = edit(state, settings, (change) => {
    for (let sn = change.popUndo(); sn !== undefined; sn = change.popUndo()) {
      const removed = change.remove(sn);
      if (removed !== null) return { sn, ...removed };
    }
    return null;
  });
  return { state: edited.state, undone: edited.outcome };
}

export function deleteSn(
  state: ScanState,
  sn: string,
  settings: ScanSettings = defaultScanSettings,
): { state: ScanState; removed: { line: number; position: number } | null } {
  const edited = edit(state, settings, (change) => change.remove(sn));
  return { state: edited.state, removed: edited.outcome };
}
