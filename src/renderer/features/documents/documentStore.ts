/**
 * The document screens' state, one entry per method: header values, grid rows, the active cell, the
 * problems found, and where the submission is. Edits are plain functions; drafts are saved by watching
 * this store (documentDraftSync.ts), submissions run in submitActions.ts.
 */
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { JournalEntry } from '../../../shared/journal';
import type { CallOutcome } from '../../../shared/outcome';
import type { AppError } from '../../../shared/result';
import type { DocumentSpec, Problem, ProblemPath, RawRecord, RawValue } from '../../../shared/spec';
import type { DocDraftData } from '../../drafts/documentDraftFile';
import { freshDraft } from './docModel';
import type { CellAddress, GridRow } from './gridOps';
import { GridHistory } from './gridHistory';

export type SubmitView =
  | { readonly phase: 'idle' }
  | { readonly phase: 'sending'; readonly step?: string }
  | { readonly phase: 'invalid'; readonly problems: readonly Problem[] }
  | { readonly phase: 'confirm'; readonly prior: readonly JournalEntry[] }
  | { readonly phase: 'sent'; readonly entry: JournalEntry; readonly outcome: CallOutcome }
  | { readonly phase: 'error'; readonly error: AppError };

export interface RowIssue {
  readonly index: number;
  readonly messages: readonly string[];
}

export interface DocState {
  /** False until the saved draft has been read (or found missing). */
  readonly loaded: boolean;
  /** True while the screen holds an untouched fresh draft, which is not worth saving. */
  readonly pristine: boolean;
  readonly header: RawRecord;
  readonly lines: readonly GridRow[];
  /**
   * The lines were last set by a view that keeps them in a draft of its own (scan mode, see scanDocLink.ts):
   * the document draft need not be written again for that change alone.
   */
  readonly linesKeptElsewhere: boolean;
  readonly activeCell: CellAddress;
  /** The renderer's own validation of the current values. */
  readonly problems: readonly Problem[];
  /**
   * The header the problems were found in. A header field's problem is shown only while the field still
   * holds that value: kept values written into a fresh document must not show its empty fields' problems.
   */
  readonly problemsHeader: RawRecord;
  /** Problems the import found in rows it could not read cleanly. */
  readonly importIssues: readonly RowIssue[];
  readonly submit: SubmitView;
  /** A request to move the focus to a field or cell (a click in the problem list); seq makes repeats count. */
  readonly focusRequest: { readonly path: ProblemPath; readonly seq: number } | null;
  /**
   * Where the user has been on this document: header field keys they left, and LINES_VISIT once they edited
   * or left a grid cell. The field messages and the problem list both read it (problemVisibility.ts).
   */
  readonly visited: ReadonlySet<string>;
  /** True once the user tried to submit or preview this document: every problem shows from then on. */
  readonly revealAll: boolean;
}

interface DocumentsState {
  readonly docs: Readonly<Record<string, DocState>>;
}

const useDocumentStore = create<DocumentsState>(() => ({ docs: {} }));

/** The grid's undo history per document; outside the store, as it never drives rendering. */
const histories = new Map<string, GridHistory<readonly RowIssue[]>>();
function historyOf(method: string): GridHistory<readonly RowIssue[]> {
  let history = histories.get(method);
  if (history === undefined) {
    history = new GridHistory<readonly RowIssue[]>();
    histories.set(method, history);
  }
  return history;
}

const NOTHING_VISITED: ReadonlySet<string> = new Set();

function blankState(spec: DocumentSpec, data: DocDraftData = freshDraft(spec)): DocState {
  return {
    loaded: false,
    pristine: true,
    header: data.header,
    lines: data.lines,
    linesKeptElsewhere: false,
    activeCell: data.activeCell ?? { row: 0, col: 0 },
    problems: [],
    problemsHeader: data.header,
    importIssues: [],
    submit: { phase: 'idle' },
    focusRequest: null,
    visited: NOTHING_VISITED,
    revealAll: false,
  };
}

export const documentStore = {
  getState: () => useDocumentStore.getState(),
  subscribe: useDocumentStore.subscribe,
};

export function getDoc(method: string): DocState | undefined {
  return useDocumentStore.getState().docs[method];
}

function update(method: string, change: (doc: DocState) => Partial<DocState>): void {
  useDocumentStore.setState((state) => {
    const doc = state.docs[method];
    if (doc === undefined) return state;
    return { docs: { ...state.docs, [method]: { ...doc, ...change(doc) } } };
  });
}

/** Creates the screen's entry with a fresh draft; the saved draft replaces it once read. */
export function ensureDoc(spec: DocumentSpec): void {
  if (getDoc(spec.method) !== undefined) return;
  useDocumentStore.setState((state) => ({ docs: { ...state.docs, [spec.method]: blankState(spec) } }));
}

export function restoreDoc(spec: DocumentSpec, data: DocDraftData | undefined): void {
  histories.delete(spec.method);
  const base = blankState(spec, data);
  update(spec.method, (doc) => ({ ...base, submit: doc.submit, loaded: true, pristine: data === undefined }));
}

/** Starts over with a fresh draft, keeping the submission view (the success panel stays visible). */
export function resetDoc(spec: DocumentSpec): void {
  histories.delete(spec.method);
  const base = blankState(spec);
  update(spec.method, (doc) => ({ ...base, loaded: true, submit: doc.submit }));
}

export function setHeaderValue(method: string, key: string, value: RawValue): void {
  update(method, (doc) => ({ header: { ...doc.header, [key]: value }, pristine: false }));
}

interface SetLinesOptions {
  /** The caller saves these lines in its own draft (see DocState.linesKeptElsewhere); not undoable here. */
  readonly keptElsewhere?: boolean;
  /** Typing into one cell: changes with the same key are one undo step (see GridHistory.record). */
  readonly coalesce?: string;
  /** The import's row notes change with the lines (an import, a merge) and are undone with them. */
  readonly importIssues?: readonly RowIssue[];
  /**
   * False for the empty row Enter opens below the last one: not an operation worth an undo step of its own.
   * Only rows appended at the end may skip history: entries are anchored at their start row, so earlier
   * entries still apply.
   */
  readonly undoable?: boolean;
}

/** Every change of the grid goes through here, and each call is one undo step unless it coalesces. */
export function setLines(method: string, lines: readonly GridRow[], options: SetLinesOptions = {}): void {
  const doc = getDoc(method);
  if (doc === undefined) return;
  const next = lines.length > 0 ? lines : [{}];
  const history = historyOf(method);
  // Lines another view keeps (scan mode) are not the grid's edits; older entries would no longer apply.
  if (options.keptElsewhere === true) history.clear();
  else if (options.undoable !== false)
    history.record(doc.lines, next, {
      ...(options.coalesce !== undefined ? { coalesce: options.coalesce } : {}),
      ...(options.importIssues !== undefined
        ? { extra: { before: doc.importIssues, after: options.importIssues } }
        : {}),
    });
  update(method, () => ({
    lines: next,
    linesKeptElsewhere: options.keptElsewhere === true,
    pristine: false,
    ...(options.importIssues !== undefined ? { importIssues: options.importIssues } : {}),
  }));
}

/** Ends the cell edit being typed: the next keystroke is a new undo step. */
export function sealLinesHistory(method: string): void {
  histories.get(method)?.seal();
}

/**
 * Undoes (or redoes) the grid's last operation; returns the first row it changed, or undefined when there
 * was nothing to undo. The header is never touched: its fields keep the browser's own undo.
 */
export function undoLines(method: string, direction: 'undo' | 'redo' = 'undo'): number | undefined {
  const doc = getDoc(method);
  const history = histories.get(method);
  if (doc === undefined || history === undefined) return undefined;
  const applied = direction === 'undo' ? history.undo(doc.lines) : history.redo(doc.lines);
  if (applied === undefined) return undefined;
  update(method, () => ({
    lines: applied.lines.length > 0 ? applied.lines : [{}],
    linesKeptElsewhere: false,
    pristine: false,
    ...(applied.extra !== undefined ? { importIssues: applied.extra } : {}),
  }));
  return applied.row;
}

export function setActiveCell(method: string, cell: CellAddress): void {
  update(method, (doc) =>
    doc.activeCell.row === cell.row && doc.activeCell.col === cell.col ? {} : { activeCell: cell },
  );
}

/** The problems found in `header` (the values checked, which may be older than the current ones). */
export function setProblems(method: string, problems: readonly Problem[], header: RawRecord): void {
  update(method, () => ({ problems, problemsHeader: header }));
}

export function setImportIssues(method: string, importIssues: readonly RowIssue[]): void {
  update(method, () => ({ importIssues }));
}

export function setSubmitView(method: string, submit: SubmitView): void {
  update(method, () => ({ submit }));
}

/**
 * A journal entry changed in main (a 核对 recorded its finding): a result panel showing that entry shows the
 * new version. Entries not on any panel are ignored.
 */
export function refreshSubmitEntry(entry: JournalEntry): void {
  useDocumentStore.setState((state) => {
    const docs: Record<string, DocState> = { ...state.docs };
    let changed = false;
    for (const [method, doc] of Object.entries(state.docs)) {
      if (doc.submit.phase !== 'sent' || doc.submit.entry.id !== entry.id) continue;
      docs[method] = { ...doc, submit: { ...doc.submit, entry } };
      changed = true;
    }
    return changed ? { docs } : state;
  });
}

/** The user left a header field (its key) or edited or left a grid cell (LINES_VISIT). */
export function markVisited(method: string, key: string): void {
  update(method, (doc) => (doc.visited.has(key) ? {} : { visited: new Set(doc.visited).add(key) }));
}

/** The user tried to submit or preview: every problem shows until a fresh document starts. */
export function revealProblems(method: string): void {
  update(method, (doc) => (doc.revealAll ? {} : { revealAll: true }));
}

export function requestFocus(method: string, path: ProblemPath): void {
  update(method, (doc) => ({ focusRequest: { path, seq: (doc.focusRequest?.seq ?? 0) + 1 } }));
}

// ---------------------------------------------------------------------------------------------------------
// Selector hooks

export function useDocLoaded(method: string): boolean {
  return useDocumentStore((state) => state.docs[method]?.loaded ?? false);
}

export function useDocHeader(method: string): RawRecord {
  return useDocumentStore((state) => state.docs[method]?.header ?? EMPTY_RECORD);
}

export function useDocLines(method: string): readonly GridRow[] {
  return useDocumentStore((state) => state.docs[method]?.lines ?? EMPTY_LINES);
}

export function useActiveCell(method: string): CellAddress {
  return useDocumentStore(useShallow((state) => state.docs[method]?.activeCell ?? { row: 0, col: 0 }));
}

export function useProblems(method: string): {
  problems: readonly Problem[];
  problemsHeader: RawRecord;
  importIssues: readonly RowIssue[];
} {
  return useDocumentStore(
    useShallow((state) => ({
      problems: state.docs[method]?.problems ?? EMPTY_PROBLEMS,
      problemsHeader: state.docs[method]?.problemsHeader ?? EMPTY_RECORD,
      importIssues: state.docs[method]?.importIssues ?? EMPTY_ISSUES,
    })),
  );
}

export function useSubmitView(method: string): SubmitView {
  return useDocumentStore((state) => state.docs[method]?.submit ?? IDLE);
}

export function useFocusRequest(method: string): DocState['focusRequest'] {
  return useDocumentStore((state) => state.docs[method]?.focusRequest ?? null);
}

export function useVisits(method: string): Pick<DocState, 'visited' | 'revealAll'> {
  return useDocumentStore(
    useShallow((state) => ({
      visited: state.docs[method]?.visited ?? NOTHING_VISITED,
      revealAll: state.docs[method]?.revealAll ?? false,
    })),
  );
}

const EMPTY_RECORD: RawRecord = {};
const EMPTY_LINES: readonly GridRow[] = [];
const EMPTY_PROBLEMS: readonly Problem[] = [];
const EMPTY_ISSUES: readonly RowIssue[] = [];
const IDLE: SubmitView = { phase: 'idle' };

/** Replaces the screen's content (复制为新单据 from the log): a new, unsent draft. */
export function replaceDocContent(spec: DocumentSpec, header: RawRecord, lines: readonly GridRow[]): void {
  ensureDoc(spec);
  histories.delete(spec.method);
  update(spec.method, () => ({
    loaded: true,
    pristine: false,
    header,
    lines: lines.length > 0 ? lines : [{}],
    activeCell: { row: 0, col: 0 },
    problems: [],
    problemsHeader: header,
    importIssues: [],
    submit: { phase: 'idle' },
    visited: NOTHING_VISITED,
    revealAll: false,
  }));
}

/** Forgets every screen's state (tests; a future "sign out"). */
export function resetDocuments(): void {
  useDocumentStore.setState({ docs: {} });
  histories.clear();
}
