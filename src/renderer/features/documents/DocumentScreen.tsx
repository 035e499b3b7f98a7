/**
 * One screen for every document method, driven only by its spec: header form, detail grid, problems,
 * preview, import, and submission with every outcome shown as it is.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DocumentSpec, ProblemFix } from '../../../shared/spec';
import { clearDocDraft, loadDocDraft } from './documentDraftSync';
import {
  getDoc,
  requestFocus,
  revealProblems,
  setActiveCell,
  setLines,
  useDocHeader,
  useDocLoaded,
  useProblems,
  useSubmitView,
  useVisits,
} from './documentStore';
import { showNotice } from '../../stores/noticeStore';
import { dismissSubmitView, submitDoc } from './submitActions';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ConfirmResendDialog } from './ConfirmResendDialog';
import { DetailGrid } from './DetailGrid';
import { editText } from './fieldText';
import { GridToolbar } from './GridToolbar';
import { HeaderForm, KeepHeaderSwitch } from './HeaderForm';
import { applyImport, type ImportResult } from './importApply';
import { ImportActions } from './ImportActions';
import { PreviewDialog } from './PreviewDialog';
import { mergeDocRows } from './mergeAction';
import { listProblems, type ListedProblem } from './problemIndex';
import { ProblemList } from './ProblemList';
import { shownProblems } from './problemVisibility';
import { SnEditorDialog } from './SnEditorDialog';
import { SubmitButton } from './SubmitButton';
import { SubmitResultPanel } from './SubmitResultPanel';
import { useDocValidation } from './useDocValidation';
import { useCatalogNotices } from './useCatalogNotices';
import { LineScanButton, LinesModeSwitch, useLinesMode, useScanRestore } from '../scan/views/ScanEntry';
import { scanKindOf } from '../scan/model/scanFields';
import { ScanLinesPanel } from '../scan/views/ScanLinesPanel';
import './documents.css';
import { setCell, type CellAddress } from './gridOps';
import { focusFirstHeaderField, focusGrid, screenKey } from './docFocus';

interface SnEditing {
  readonly cell: CellAddress;
  readonly initialText: string;
}

export function DocumentScreen({ spec }: { readonly spec: DocumentSpec }) {
  const method = spec.method;
  useEffect(() => {
    void loadDocDraft(spec);
  }, [spec]);
  const loaded = useDocLoaded(method);
  const pending = useDocValidation(spec);
  const { problems, problemsHeader, importIssues } = useProblems(method);
  const view = useSubmitView(method);
  const [snEditing, setSnEditing] = useState<SnEditing | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const scanKind = scanKindOf(spec);
  const [linesMode, setLinesMode] = useLinesMode(method);
  useScanRestore(spec);

  const mainProblems = view.phase === 'invalid' ? view.problems : undefined;
  const notices = useCatalogNotices(spec);
  // A fresh document is quiet: the list, the count and the field messages show a problem only once its
  // field was visited, or after a try to submit or preview (problemVisibility.ts).
  const header = useDocHeader(method);
  const { visited, revealAll } = useVisits(method);
  const allListed = useMemo(
    () => listProblems(spec, problems, mainProblems ?? [], importIssues, notices),
    [spec, problems, mainProblems, importIssues, notices],
  );
  const listed = useMemo(
    () => shownProblems(allListed, header, problemsHeader, { visited, revealAll }),
    [allListed, header, problemsHeader, visited, revealAll],
  );
  const headerProblems = useMemo(() => [...(mainProblems ?? []), ...problems], [mainProblems, problems]);
  const shownHeaderProblems = useMemo(
    () => shownProblems(headerProblems, header, problemsHeader, { visited, revealAll }),
    [headerProblems, header, problemsHeader, visited, revealAll],
  );
  const pick = useCallback((problem: ListedProblem) => requestFocus(method, problem.path), [method]);
  const fix = useCallback(
    (repair: ProblemFix) => {
      // Main's verdict named the rows before the merge; it no longer describes the document.
      if (repair.kind !== 'mergeLines' || !mergeDocRows(spec, repair.rows)) return;
      if (getDoc(method)?.submit.phase === 'invalid') dismissSubmitView(method);
    },
    [spec, method],
  );

  const onEditSns = useCallback(
    (cell: CellAddress, typed?: string) => {
      const field = spec.lines[cell.col];
      const existing = field ? editText(getDoc(method)?.lines[cell.row]?.[field.key]) : '';
      const initialText = typed === undefined ? existing : existing === '' ? typed : `${existing}\n${typed}`;
      setSnEditing({ cell, initialText });
    },
    [method, spec.lines],
  );

  const onImport = (result: ImportResult) => {
    const applied = applyImport(getDoc(method)?.lines ?? [], result);
    setLines(method, applied.lines, { importIssues: applied.issues });
    setActiveCell(method, { row: applied.firstRow, col: 0 });
    showNotice('success', `已导入 ${result.rows.length} 行${result.mode === 'append' ? '（追加）' : ''}`);
  };

  // Opening the screen (the nav, Alt+1…5, start-up) puts the cursor in the first header field, so typing
  // goes somewhere at once. Screens stay mounted while hidden: showing one again counts as opening it.
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = rootRef.current;
    const slot = root?.parentElement;
    if (!loaded || !root) return;
    const focusIfShown = () => {
      if (slot?.hidden !== true && root.offsetParent !== null) focusFirstHeaderField(root, spec);
    };
    focusIfShown();
    if (!slot) return;
    const observer = new MutationObserver(() => {
      if (!slot.hidden) requestAnimationFrame(focusIfShown);
    });
    observer.observe(slot, { attributes: true, attributeFilter: ['hidden'] });
    return () => observer.disconnect();
  }, [loaded, spec]);

  const onScreenKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const key = screenKey(event);
    if (key === undefined || !loaded) return;
    // Dialogs (SN editor, preview) have keys of their own, Ctrl+Enter among them.
    if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return;
    const root = event.currentTarget;
    event.preventDefault();
    if (key === 'submit') {
      root.querySelector<HTMLButtonElement>('.submit-button:not(:disabled)')?.click();
      return;
    }
    const inGrid = event.target instanceof Element && event.target.closest('[role="grid"]') !== null;
    if (inGrid) focusFirstHeaderField(root, spec);
    else focusGrid(spec);
  };

  const snField = snEditing ? spec.lines[snEditing.cell.col] : undefined;
  return (
    <div className="doc-screen" ref={rootRef} onKeyDown={onScreenKey}>
      <div className="doc-head">
        <h1>{spec.title}</h1>
        <div className="doc-head-actions">
          <KeepHeaderSwitch />
          <ImportActions spec={spec} onApply={onImport} />
          <Button
            onClick={() => {
              revealProblems(method);
              setPreviewing(true);
            }}
            disabled={!loaded}
          >
            预览
          </Button>
          <Button kind="danger" onClick={() => setConfirmClear(true)} disabled={!loaded}>
            清空草稿
          </Button>
        </div>
      </div>
      <SubmitResultPanel
        spec={spec}
        view={view}
        onRetry={() => void submitDoc(spec)}
        onDismiss={() => dismissSubmitView(method)}
      />
      {!loaded ? (
        <p className="muted">正在读取草稿…</p>
      ) : (
        <>
          <HeaderForm spec={spec} problems={shownHeaderProblems} />
          <div className="doc-main">
            <section className="doc-lines" aria-label={spec.linesLabel}>
              {scanKind === 'lines' && <LinesModeSwitch mode={linesMode} onChange={setLinesMode} />}
              {scanKind === 'lines' && linesMode === 'scan' ? (
                <ScanLinesPanel spec={spec} />
              ) : (
                <>
                  {scanKind === 'per-line' && <LineScanButton spec={spec} />}
                  <GridToolbar spec={spec} />
                  <DetailGrid spec={spec} problems={headerProblems} onEditSns={onEditSns} />
                </>
              )}
            </section>
            <ProblemList
              problems={listed}
              onPick={pick}
              onFix={fix}
              pending={pending}
              somePending={listed.length < allListed.length}
            />
          </div>
          <div className="doc-footer">
            <span className="muted doc-keys-hint">
              草稿自动保存 · <kbd>F6</kbd> 表头⇄明细 · Enter/Tab 移动 · F2 编辑 · Esc 取消 · <kbd>Ctrl+Z</kbd>{' '}
              撤销 / <kbd>Ctrl+Y</kbd> 重做明细 · 可粘贴 Excel 表格
            </span>
            <SubmitButton
              spec={spec}
              problems={problems}
              shownProblems={listed}
              firstProblem={allListed[0]}
              onPick={pick}
            />
          </div>
        </>
      )}
      {view.phase === 'confirm' && (
        <ConfirmResendDialog
          prior={view.prior}
          onCancel={() => dismissSubmitView(method)}
          onConfirm={() =>
            void submitDoc(
              spec,
              view.prior.map((entry) => entry.id),
            )
          }
        />
      )}
      {previewing && (
        <PreviewDialog
          spec={spec}
          header={getDoc(method)?.header ?? {}}
          lines={getDoc(method)?.lines ?? []}
          onClose={() => setPreviewing(false)}
        />
      )}
      {snEditing && snField && (
        <SnEditorDialog
          field={snField}
          row={snEditing.cell.row}
          initialText={snEditing.initialText}
          onClose={() => setSnEditing(null)}
          onSave={(text) => {
            setLines(method, setCell(getDoc(method)?.lines ?? [], snEditing.cell.row, snField.key, text));
            setSnEditing(null);
            requestFocus(method, { area: 'lines', row: snEditing.cell.row, field: snField.key });
          }}
        />
      )}
      {confirmClear && (
        <Dialog
          title="清空草稿"
          onClose={() => setConfirmClear(false)}
          actions={
            <>
              <Button onClick={() => setConfirmClear(false)} data-autofocus>
                取消
              </Button>
              <Button
                kind="danger"
                onClick={() => {
                  setConfirmClear(false);
                  dismissSubmitView(method);
                  void clearDocDraft(spec).then((ok) => ok && showNotice('info', '草稿已清空'));
                }}
              >
                清空
              </Button>
            </>
          }
        >
          <p>清空后，单据头和全部 {getDoc(method)?.lines.length ?? 0} 行明细都会删除，无法恢复。</p>
        </Dialog>
      )}
    </div>
  );
}
