/**
 * The virtualized list of submissions: only the rows in view are in the DOM, so 100,000 entries scroll
 * as smoothly as 100. Pages load as the end comes into view. Keyboard: arrows, Page Up/Down, Home/End move
 * the selection; Enter opens the detail.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent, RefObject } from 'react';
import { useEffect, useMemo } from 'react';
import { describeBusinessKey } from '../../../shared/businessKeyText';
import type { JournalEntry } from '../../../shared/journal';
import { documentNoOf, formatLocalTime, rowTone, rowTooltip, shortKey } from './logFormat';
import { loadMoreLog, moveLogSelection, openLogDetail, selectLogEntry, useLogList } from './logStore';
import { OutcomeBadge } from './OutcomeBadge';
import { ReconcileBadge } from '../reconcile/ReconcileBadge';

const ROW_HEIGHT = 34;
/** Start loading the next page this many rows before the end comes into view. */
const LOAD_AHEAD_ROWS = 40;

function rowElementId(id: string): string {
  return `log-row-${id}`;
}

interface LogListProps {
  readonly listRef: RefObject<HTMLDivElement | null>;
}

export function LogList({ listRef }: LogListProps) {
  const { rows, total, loading, selectedId } = useLogList();
  // The virtualizer re-renders this component itself on scroll; nothing here relies on compiler memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.at(-1)?.index ?? -1;
  const selectedIndex = useMemo(() => rows.findIndex((row) => row.id === selectedId), [rows, selectedId]);

  useEffect(() => {
    if (rows.length < total && lastVisible >= rows.length - LOAD_AHEAD_ROWS) void loadMoreLog();
  }, [lastVisible, rows.length, total]);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const pageRows = Math.max(1, Math.floor((listRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: pageRows,
      PageUp: -pageRows,
      Home: -rows.length,
      End: rows.length,
    };
    const delta = moves[event.key];
    if (delta !== undefined) {
      event.preventDefault();
      moveLogSelection(delta);
    } else if (event.key === 'Enter' && selectedId !== null) {
      event.preventDefault();
      void openLogDetail(selectedId);
    }
  };

  return (
    <div className="log-list-frame">
      <div className="log-row log-list-head" aria-hidden="true">
        <span>时间</span>
        <span>单据类型</span>
        <span>业务单号</span>
        <span>结果</span>
        <span>ERP 单号</span>
        <span>操作员</span>
        <span>账号配置 / 环境</span>
      </div>
      <div
        ref={listRef}
        className="log-list"
        role="listbox"
        aria-label="提交记录列表"
        aria-busy={loading !== 'idle'}
        aria-activedescendant={
          selectedIndex >= 0 && selectedId !== null ? rowElementId(selectedId) : undefined
        }
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div className="log-list-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const entry = rows[item.index];
            if (!entry) return null;
            return (
              <LogRow
                key={entry.id}
                entry={entry}
                selected={entry.id === selectedId}
                top={item.start}
                height={item.size}
              />
            );
          })}
        </div>
      </div>
      {rows.length === 0 && loading === 'idle' && <p className="log-empty">没有符合条件的提交记录。</p>}
      {loading === 'more' && <p className="log-loading-more">正在加载更多…</p>}
    </div>
  );
}

interface LogRowProps {
  readonly entry: JournalEntry;
  readonly selected: boolean;
  readonly top: number;
  readonly height: number;
}

function LogRow({ entry, selected, top, height }: LogRowProps) {
  const classes = ['log-row', rowTone(entry), selected ? 'log-row-selected' : ''];
  return (
    <div
      id={rowElementId(entry.id)}
      role="option"
      aria-selected={selected}
      className={classes.join(' ').trim()}
      style={{ height, transform: `translateY(${top}px)` }}
      title={rowTooltip(entry)}
      onClick={() => selectLogEntry(entry.id)}
      onDoubleClick={() => void openLogDetail(entry.id)}
    >
      <span className="log-cell-time">{formatLocalTime(entry.time)}</span>
      <span className="log-cell-title">{entry.documentTitle}</span>
      <span className="log-cell-key">{shortKey(describeBusinessKey(entry.method, entry.businessKey))}</span>
      <span className="log-cell-outcome">
        <OutcomeBadge outcome={entry.outcome} method={entry.method} />
        <ReconcileBadge entry={entry} />
      </span>
      <span className="log-cell-docno">{documentNoOf(entry) ?? '—'}</span>
      <span className="log-cell-operator">{entry.operator || '—'}</span>
      <span className="log-cell-profile">
        {entry.profileName} · {entry.environment}
      </span>
    </div>
  );
}
