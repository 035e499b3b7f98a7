/**
 * The editable detail grid: virtualized rows (10,000 stay smooth), Excel-like keys (gridKeys.ts), paste of
 * blocks copied from Excel (clipboardGrid.ts), and one live text box at the active cell. All values go
 * straight into the document store, so the draft autosave sees every keystroke, and every change is one
 * step of the grid's own undo (Ctrl+Z / Ctrl+Y, see gridHistory.ts). Columns show in the order of use, some
 * hidden (columnLayout.ts); the store's activeCell.col and the cells' data-col stay spec indexes.
 */
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { DocumentSpec, Problem, RawValue } from '../../../shared/spec';
import {
  getDoc,
  markVisited,
  sealLinesHistory,
  setActiveCell,
  setLines,
  undoLines,
  useActiveCell,
  useDocLines,
  useFocusRequest,
} from './documentStore';
import { showNotice } from '../../stores/noticeStore';
import { isBlockPaste, parseClipboardGrid } from './clipboardGrid';
import { columnWidth, suggestionsFor } from './fieldText';
import { gridKeyAction } from './gridKeys';
import { duplicateRow, insertRow, removeRow, setCell, type CellAddress, type GridRow } from './gridOps';
import { pasteIntoGrid } from './gridPaste';
import { GridRowView } from './GridRowView';
import { problemKeysByRow } from './problemIndex';
import { LINES_VISIT } from './problemVisibility';
import { convertBarcodes } from './barcodeConvert';
import { useVisibleCodeLookups } from './useVisibleCodeLookups';
import { columnView, readHiddenColumns, setColumnHidden, useColumnView } from './columnLayout';

const ROW_HEIGHT = 28;

function linesNow(method: string) {
  return getDoc(method)?.lines ?? [];
}
const ROWNUM_WIDTH = 52;

interface DetailGridProps {
  readonly spec: DocumentSpec;
  readonly problems: readonly Problem[];
  readonly onEditSns: (cell: CellAddress, initialText?: string) => void;
}

export function DetailGrid({ spec, problems, onEditSns }: DetailGridProps) {
  const method = spec.method;
  const view = useColumnView(spec);
  const columns = view.columns;
  const specIndex = view.specIndex;
  const lines = useDocLines(method);
  const stored = useActiveCell(method);
  // A restored or stale position may point past the grid or at a hidden column: clamp it so there is
  // always an active cell. `active.col` is a screen position from here on.
  const active = useMemo(
    () => ({
      row: Math.max(0, Math.min(stored.row, lines.length - 1)),
      col: Math.max(0, specIndex.indexOf(stored.col)),
    }),
    [stored.row, stored.col, lines.length, specIndex],
  );
  const toSpec = useCallback(
    (cell: CellAddress): CellAddress => ({ row: cell.row, col: specIndex[cell.col] ?? 0 }),
    [specIndex],
  );
  const focusRequest = useFocusRequest(method);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<{ original: RawValue } | null>(null);
  const [focusToken, setFocusToken] = useState(0);
  const listIdBase = useId();
  // Keystrokes in one cell visit are one undo step; a move starts a new visit.
  const editSession = useRef(0);
  // Where entry on a row began (the first cell typed into on it): Enter returns there on the next row.
  const rowStart = useRef<CellAddress | null>(null);

  // TanStack Virtual returns fresh functions each render; this component is written for that (no memo on it).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // The sticky column header sits above the rows inside the same scroll box.
    scrollPaddingStart: ROW_HEIGHT,
    overscan: 12,
  });

  const badCells = useMemo(() => problemKeysByRow(problems), [problems]);
  const totalWidth = useMemo(
    () => ROWNUM_WIDTH + columns.reduce((sum, field) => sum + columnWidth(field), 0),
    [columns],
  );

  // The spec_no cell typed in last and not yet committed: a barcode in it becomes its spec_no once the user
  // leaves the cell (Enter, Tab, a move, a click elsewhere), never while still typing.
  const typedCode = useRef<{ row: number; col: number; text: string } | null>(null);
  const commitTyped = useCallback(() => {
    const typed = typedCode.current;
    typedCode.current = null;
    const field = typed ? columns[typed.col] : undefined;
    if (typed && field) void convertBarcodes(method, field, [{ row: typed.row, text: typed.text }]);
  }, [columns, method]);

  const goTo = useCallback(
    (cell: CellAddress) => {
      commitTyped();
      setEditing(null);
      editSession.current += 1;
      sealLinesHistory(method);
      setActiveCell(method, toSpec(cell));
      virtualizer.scrollToIndex(cell.row, { align: 'auto' });
      setFocusToken((token) => token + 1);
    },
    [method, virtualizer, commitTyped, toSpec],
  );

  useEffect(() => {
    if (focusRequest?.path.area !== 'lines') return;
    const { row, field } = focusRequest.path;
    // A problem in a hidden column shows the column again: the clerk must see what to fix.
    if (field !== undefined && readHiddenColumns(method).has(field)) setColumnHidden(method, field, false);
    const shown = columnView(spec.lines, readHiddenColumns(method));
    const specCol = spec.lines.findIndex((candidate) => candidate.key === field);
    const col = Math.max(0, shown.specIndex.indexOf(specCol));
    if (shown.specIndex.join() !== specIndex.join()) {
      // The column just came back: the position is the spec index, resolved once the grid re-renders.
      setActiveCell(method, {
        row: Math.min(row ?? 0, Math.max(0, lines.length - 1)),
        col: specCol < 0 ? 0 : specCol,
      });
      virtualizer.scrollToIndex(Math.min(row ?? 0, Math.max(0, lines.length - 1)), { align: 'auto' });
      setFocusToken((token) => token + 1);
      return;
    }
    goTo({ row: Math.min(row ?? 0, Math.max(0, lines.length - 1)), col });
    // Only a new request moves the focus, not every edit of the lines.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const virtualItems = virtualizer.getVirtualItems();
  useVisibleCodeLookups(
    columns,
    lines,
    virtualItems[0]?.index ?? 0,
    virtualItems[virtualItems.length - 1]?.index ?? -1,
  );

  const activeField = columns[active.col];
  const activeValue = activeField ? lines[active.row]?.[activeField.key] : undefined;

  const onInput = useCallback(
    (text: string) => {
      const field = columns[active.col];
      if (!field) return;
      const current = linesNow(method);
      markVisited(method, LINES_VISIT);
      if (!editing) setEditing({ original: current[active.row]?.[field.key] });
      if (rowStart.current?.row !== active.row) rowStart.current = { ...active };
      setLines(method, setCell(current, active.row, field.key, text), {
        coalesce: `${active.row}:${field.key}:${editSession.current}`,
      });
      typedCode.current = field.catalog === 'spec' ? { row: active.row, col: active.col, text } : null;
    },
    [active, columns, editing, method],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = gridKeyAction(
      event,
      active,
      {
        rows: lines.length,
        cols: columns.length,
        pageRows: Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 280) / ROW_HEIGHT) - 1),
      },
      editing !== null,
      rowStart.current?.row === active.row ? rowStart.current.col : undefined,
    );
    if (action.kind === 'pass') return;
    event.preventDefault();
    const field = columns[active.col];
    switch (action.kind) {
      case 'move':
        markVisited(method, LINES_VISIT);
        if (action.grow) setLines(method, insertRow(lines, lines.length), { undoable: false });
        goTo(action.to);
        return;
      case 'undo':
      case 'redo': {
        // Undo stays in the grid: the browser's own undo would walk on into the header fields.
        typedCode.current = null;
        const row = undoLines(method, action.kind);
        if (row === undefined) {
          showNotice('info', action.kind === 'undo' ? '明细没有可撤销的操作' : '明细没有可重做的操作');
          return;
        }
        rowStart.current = null;
        goTo({ row: Math.min(row, Math.max(0, linesNow(method).length - 1)), col: active.col });
        return;
      }
      case 'edit':
        if (field?.type.kind === 'snList') onEditSns(toSpec(active));
        else setEditing({ original: activeValue });
        return;
      case 'cancel':
        typedCode.current = null;
        if (editing && field)
          setLines(method, setCell(lines, active.row, field.key, editing.original), {
            coalesce: `${active.row}:${field.key}:${editSession.current}`,
          });
        setEditing(null);
        setFocusToken((token) => token + 1);
        return;
      case 'clear':
        if (field) setLines(method, setCell(lines, active.row, field.key, ''));
        return;
      case 'insertRow':
        setLines(method, insertRow(lines, active.row + 1));
        goTo({ row: active.row + 1, col: active.col });
        return;
      case 'duplicateRow':
        setLines(method, duplicateRow(lines, active.row));
        goTo({ row: active.row + 1, col: active.col });
        return;
      case 'deleteRow':
        setLines(method, removeRow(lines, active.row));
        goTo({ row: Math.max(0, Math.min(active.row, lines.length - 2)), col: active.col });
        return;
    }
  };

  /** Barcodes pasted into spec_no columns become their spec_no, like typed ones. */
  const convertPastedBarcodes = (pasted: readonly GridRow[], rowCount: number) => {
    columns.forEach((field) => {
      if (field.catalog !== 'spec') return;
      const typed = [];
      for (let row = active.row; row < Math.min(pasted.length, active.row + rowCount); row++) {
        const value = pasted[row]?.[field.key];
        if (typeof value === 'string' && value.trim() !== '') typed.push({ row, text: value });
      }
      void convertBarcodes(method, field, typed);
    });
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (text === '' || (editing !== null && !isBlockPaste(text))) return;
    event.preventDefault();
    const block = parseClipboardGrid(text);
    const outcome = pasteIntoGrid(columns, lines, active, block);
    setLines(method, outcome.lines);
    convertPastedBarcodes(outcome.lines, block.length);
    setEditing(null);
    setFocusToken((token) => token + 1);
    if (!outcome.worthTelling) return;
    if (!outcome.suspicious) {
      showNotice('info', outcome.message);
      return;
    }
    showNotice('warning', outcome.message, {
      label: '撤销粘贴',
      run: () => {
        // Only the paste is undone: once the grid was edited after it, undoing would lose that work too.
        if (linesNow(method) !== outcome.lines) {
          showNotice('warning', '粘贴后表格已有修改，请用 Ctrl+Z 逐步撤销');
          return;
        }
        undoLines(method);
      },
    });
  };

  const activeProps = {
    editing: editing !== null,
    focusToken,
    listId: activeField && suggestionsFor(activeField).length > 0 ? `${listIdBase}-${active.col}` : undefined,
    onInput,
    onOpenSnEditor: (initialText?: string) => onEditSns(toSpec(active), initialText),
  };
  const onCellMouseDown = useCallback(
    (row: number, col: number) => {
      // A click on another cell leaves the active one.
      if (scrollRef.current?.contains(document.activeElement)) markVisited(method, LINES_VISIT);
      goTo({ row, col });
    },
    [goTo, method],
  );
  const onCellDoubleClick = useCallback(
    (row: number, col: number) => {
      const field = columns[col];
      if (field?.type.kind === 'snList') onEditSns(toSpec({ row, col }));
      else
        setEditing(
          (current) => current ?? { original: field ? linesNow(method)[row]?.[field.key] : undefined },
        );
    },
    [columns, method, onEditSns, toSpec],
  );

  return (
    <div
      ref={scrollRef}
      className="grid-scroll"
      role="grid"
      aria-label={spec.linesLabel}
      aria-rowcount={lines.length + 1}
      aria-colcount={columns.length + 1}
      // Cells scrolled into view must not end up under the sticky row number and 商家编码 columns.
      style={{ scrollPaddingLeft: ROWNUM_WIDTH + (columns[0] ? columnWidth(columns[0]) : 0) }}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      onBlur={(event) => {
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        markVisited(method, LINES_VISIT);
        commitTyped();
        setEditing(null);
      }}
    >
      <div className="grid-header" role="row" aria-rowindex={1} style={{ width: totalWidth }}>
        <div role="columnheader" className="grid-rownum grid-sticky">
          行
        </div>
        {columns.map((field, col) => (
          <div
            key={field.key}
            role="columnheader"
            className={`grid-headcell${col === 0 ? ' grid-sticky grid-sticky-first' : ''}`}
            style={{ width: columnWidth(field), ...(col === 0 ? { left: ROWNUM_WIDTH } : {}) }}
            title={field.help}
          >
            {field.label}
            {field.required && <span className="required-mark">*</span>}
          </div>
        ))}
      </div>
      <div className="grid-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
        {virtualItems.map((item) => {
          const line = lines[item.index] ?? {};
          const isActiveRow = item.index === active.row;
          return (
            <GridRowView
              key={item.key}
              method={method}
              index={item.index}
              line={line}
              columns={columns}
              specIndex={specIndex}
              stickyLeft={ROWNUM_WIDTH}
              top={item.start}
              height={ROW_HEIGHT}
              activeCol={isActiveRow ? active.col : -1}
              problemKeys={badCells.get(item.index)}
              active={isActiveRow ? activeProps : undefined}
              onCellMouseDown={onCellMouseDown}
              onCellDoubleClick={onCellDoubleClick}
            />
          );
        })}
      </div>
      {columns.map((field, col) => {
        const options = suggestionsFor(field);
        return options.length === 0 ? null : (
          <datalist key={field.key} id={`${listIdBase}-${col}`}>
            {options.map((option) => (
              <option key={option} value={option} />
            ))}
          </datalist>
        );
      })}
    </div>
  );
}
