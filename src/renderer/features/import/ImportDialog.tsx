/**
 * The import dialog: pick or drop a spreadsheet, watch it being read and checked in a worker, see every
 * problem by row and column, then import into the document (replace or append) or export the error report.
 * In catalog mode (target 'catalog') there is no document: the caller renders what to do with the result.
 */
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import {
  CATALOG_IMPORT_KEY,
  errorReportFileName,
  type ColumnChoices,
  type ImportProblem,
  type ImportResult,
  type ImportTarget,
  type LineQuantity,
} from '../../../shared/import';
import type { DocumentSpec } from '../../../shared/spec';
import { canApply, toApplied, type ImportApplied } from './applyResult';
import { saveBytesAs } from '../../ui/download';
import { ColumnMapper } from './ColumnMapper';
import { defaultChoiceStorage, recallChoices, rememberChoices } from './columnMemory';
import { TemplateButton } from './TemplateButton';
import { useImportJob, type ImportJobState } from './useImportJob';
import './import.css';

export type { ImportApplied } from './applyResult';

interface DocumentImportProps {
  readonly spec: DocumentSpec;
  readonly target: 'lines' | 'sns';
  readonly onApply: (result: ImportApplied) => void;
  readonly onClose: () => void;
  /** For an SN import: the document's lines, to check each product's SN count against its quantity. */
  readonly lines?: readonly LineQuantity[];
}

/** A goods-list file into the local catalog: the caller acts on the result (confirm, send to main). */
interface CatalogImportProps {
  readonly target: 'catalog';
  readonly onClose: () => void;
  /** The footer's actions for a read file (its products and problems are in `result`). */
  readonly renderActions: (result: ImportResult) => ReactNode;
  /**
   * Shown under the summary: e.g. the replacement being sent, or how it went. Given the file read now
   * (undefined while none is), so what belongs to an earlier file is not shown for a new one.
   */
  readonly renderStatus?: (result: ImportResult | undefined) => ReactNode;
  /** The template button, since a catalog has no document spec to build one from. */
  readonly templateButton?: ReactNode;
}

type ImportDialogProps = DocumentImportProps | CatalogImportProps;

const ACCEPT = '.xlsx,.xlsm,.xls,.csv,.txt';
/** Enough to see what is wrong; the error report has them all. */
const SHOWN_PROBLEMS = 500;

export function ImportDialog(props: ImportDialogProps) {
  const { target, onClose } = props;
  const spec = props.target === 'catalog' ? undefined : props.spec;
  const lines = props.target === 'catalog' ? undefined : props.lines;
  const method = spec?.method ?? CATALOG_IMPORT_KEY;
  const titleId = useId();
  const { state, start, cancel } = useImportJob({ method, target, lines });
  const fileInput = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState(false);
  const storage = useMemo(() => defaultChoiceStorage(), []);
  /** The file being imported, read again when the user maps its columns. */
  const lastFile = useRef<File | null>(null);
  /** The header set whose mapping was already applied to this file: never applied twice in a row. */
  const mappedSignature = useRef<string | null>(null);
  const [usedRemembered, setUsedRemembered] = useState(false);

  useEffect(() => dialog.current?.focus(), []);

  const open = (file: File) => {
    lastFile.current = file;
    mappedSignature.current = null;
    setUsedRemembered(false);
    void start(file);
  };

  const importWith = (signature: string, choices: ColumnChoices, remembered: boolean) => {
    const file = lastFile.current;
    if (file === null) return;
    mappedSignature.current = signature;
    setUsedRemembered(remembered);
    void start(file, choices);
  };

  // A file whose headers were mapped before (the same supplier's export again) imports at once.
  const need = state.status === 'done' ? state.result.mapping : undefined;
  useEffect(() => {
    if (need === undefined || mappedSignature.current === need.signature) return;
    const remembered = recallChoices(storage, method, need.signature);
    if (remembered !== undefined) importWith(need.signature, remembered, true);
    // importWith only reads refs and stable setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [need, storage, method]);

  // Read the file again without the remembered mapping; mappedSignature keeps it from being applied again,
  // so the mapping form appears with the automatic suggestions.
  const onRemap = () => {
    const file = lastFile.current;
    if (file === null) return;
    setUsedRemembered(false);
    void start(file);
  };

  const onMap = (signature: string, choices: ColumnChoices) => {
    rememberChoices(storage, method, signature, choices);
    importWith(signature, choices, false);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    if (state.status === 'running') cancel();
    else onClose();
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined) open(file);
  };

  return (
    <div className="import-backdrop">
      <div
        ref={dialog}
        className="import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="import-header">
          <h2 id={titleId}>
            {spec === undefined
              ? '从文件导入商品目录'
              : `${target === 'lines' ? `导入${spec.linesLabel}` : '导入序列号'} · ${spec.title}`}
          </h2>
          {spec === undefined ? (
            props.target === 'catalog' && props.templateButton
          ) : (
            <TemplateButton spec={spec} target={target} />
          )}
        </header>

        <div
          className={dragging ? 'import-drop import-drop-active' : 'import-drop'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>把 Excel / CSV 文件拖到这里，或</p>
          <button
            type="button"
            onClick={() => fileInput.current?.click()}
            disabled={state.status === 'running'}
          >
            选择文件…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept={ACCEPT}
            hidden
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file !== undefined) open(file);
            }}
          />
          <p className="import-hint">
            支持 .xlsx、.xls、.csv、.txt，最大 50 MB、{target === 'catalog' ? '50 万行' : '20 万行'}
          </p>
        </div>

        <JobView state={state} target={target} onMap={onMap} onRemap={usedRemembered ? onRemap : undefined} />
        {props.target === 'catalog' &&
          props.renderStatus?.(state.status === 'done' ? state.result : undefined)}

        <footer className="import-actions">
          {state.status === 'running' && (
            <button type="button" onClick={cancel}>
              取消
            </button>
          )}
          {state.status === 'done' && state.report !== null && (
            <button
              type="button"
              onClick={() => state.report && saveBytesAs(errorReportFileName(state.fileName), state.report)}
            >
              导出错误报告
            </button>
          )}
          {state.status === 'done' && props.target === 'catalog' && props.renderActions(state.result)}
          {state.status === 'done' && props.target !== 'catalog' && (
            <>
              <button
                type="button"
                className="import-primary"
                disabled={!canApply(state.result)}
                onClick={() => props.onApply(toApplied(state.result, 'replace'))}
              >
                导入（替换）
              </button>
              <button
                type="button"
                disabled={!canApply(state.result)}
                onClick={() => props.onApply(toApplied(state.result, 'append'))}
              >
                导入（追加）
              </button>
            </>
          )}
          <button type="button" onClick={onClose}>
            关闭
          </button>
        </footer>
      </div>
    </div>
  );
}

const PHASE_TEXT = { reading: '正在读取文件…', checking: '正在检查数据…' } as const;

interface JobViewProps {
  readonly state: ImportJobState;
  readonly target: ImportTarget;
  readonly onMap: (signature: string, choices: ColumnChoices) => void;
  /** Given when the columns were placed by a mapping remembered from an earlier file: map them anew. */
  readonly onRemap?: () => void;
}

function JobView({ state, target, onMap, onRemap }: JobViewProps) {
  switch (state.status) {
    case 'idle':
      return state.note === undefined ? null : <p className="import-note">{state.note}</p>;
    case 'failed':
      return (
        <p className="import-error" role="alert">
          {state.fileName}：{state.message}
        </p>
      );
    case 'running': {
      const { phase, done, total } = state.progress;
      return (
        <div className="import-progress" aria-live="polite">
          <p>
            {state.fileName} · {PHASE_TEXT[phase]}
            {phase === 'checking' && total > 0
              ? ` ${done.toLocaleString()} / ${total.toLocaleString()} 行`
              : ''}
          </p>
          {/* Reading is one step inside SheetJS: an indeterminate bar (no value) says so honestly. */}
          <progress max={total || undefined} value={phase === 'checking' && total > 0 ? done : undefined} />
        </div>
      );
    }
    case 'done': {
      const { result } = state;
      const count =
        target === 'sns'
          ? `${result.snGroups.reduce((sum, group) => sum + group.sns.length, 0)} 个序列号`
          : target === 'catalog'
            ? `${result.rowsRead} 行、${result.products?.length ?? 0} 个商家编码`
            : `${result.rowsRead} 行明细`;
      return (
        <div className="import-summary">
          <p role="status">
            {state.fileName}
            {result.sheetName === ''
              ? ''
              : `（工作表「${result.sheetName}」，表头在第${result.headerRow}行）`}
            ：读取 {count}，
            {result.problems.length === 0 ? '没有发现问题' : `发现 ${result.problems.length} 个问题`}
          </p>
          {onRemap !== undefined && (
            <p className="import-note">
              已按上次为这些表头指定的列对应读取。
              <button type="button" onClick={onRemap}>
                重新指定列对应
              </button>
            </p>
          )}
          {result.notices.length > 0 && (
            <ul className="import-notices">
              {result.notices.map((notice) => (
                <li key={notice}>{notice}</li>
              ))}
            </ul>
          )}
          {result.problems.length > 0 && <ProblemTable problems={result.problems} />}
          {result.mapping !== undefined && (
            <ColumnMapper
              key={result.mapping.signature}
              need={result.mapping}
              onConfirm={(choices) => result.mapping && onMap(result.mapping.signature, choices)}
            />
          )}
        </div>
      );
    }
  }
}

function ProblemTable({ problems }: { problems: readonly ImportProblem[] }) {
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  return (
    <div className="import-problems" tabIndex={0} aria-label="问题列表">
      <table>
        <thead>
          <tr>
            <th scope="col">行号</th>
            <th scope="col">列</th>
            <th scope="col">问题</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((problem, index) => (
            <tr key={index}>
              <td>{problem.row ?? '—'}</td>
              <td>{problem.column ?? '—'}</td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > shown.length && (
        <p className="import-note">
          仅显示前 {SHOWN_PROBLEMS} 个问题，共 {problems.length} 个；请导出错误报告查看全部。
        </p>
      )}
    </div>
  );
}
