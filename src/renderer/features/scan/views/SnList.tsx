/**
 * The SNs of one line, newest first, each with its own delete button; the SN just scanned, or the existing
 * entry a duplicate hit, is highlighted and scrolled to. Rows have one fixed height, so the visible window
 * is computed from the scroll position alone: a scan at 20,000 SNs renders the same ~15 rows as at 20
 * (a general virtualizer re-measures every row when the count changes, which is what each scan does).
 * Rows are placed from the bottom by their position in the line, which a scan does not change: the rows
 * already shown keep their props, so React skips them and a scan inserts one row.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useStableCallback } from '../../../ui/useStableCallback';
import type { ScanLine } from '../model/scanData';
import { positionOf, snAt } from '../model/snChunks';

const ROW = 26;
const HEIGHT = 320;
const OVERSCAN = 4;

export interface SnListProps {
  readonly line: ScanLine;
  readonly lineIndex: number;
  readonly highlight: string | null;
  /** Bumps on every feedback, so a repeated duplicate scrolls to its entry again. */
  readonly seq: number;
  readonly isTyped: (sn: string) => boolean;
  readonly onDelete: (sn: string) => void;
}

interface SnRowProps {
  readonly sn: string;
  readonly position: number;
  readonly highlighted: boolean;
  readonly typed: boolean;
  readonly onDelete: (sn: string) => void;
}

// Memoized with a stable onDelete: a scan re-renders only the row it adds and the rows whose highlight moves.
const SnRow = memo(function SnRow({ sn, position, highlighted, typed, onDelete }: SnRowProps) {
  return (
    <div
      role="listitem"
      className={`scan-sn-row${highlighted ? ' scan-sn-highlight' : ''}`}
      style={{ bottom: position * ROW, height: ROW }}
    >
      <span className="scan-sn-pos">{position + 1}</span>
      <span className="scan-sn-value mono">{sn}</span>
      {typed && <span className="scan-sn-typed">手工</span>}
      <button type="button" className="scan-sn-delete" aria-label={`删除 ${sn}`} onClick={() => onDelete(sn)}>
        删除
      </button>
    </div>
  );
});

export function SnList({ line, lineIndex, highlight, seq, isTyped, onDelete }: SnListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const deleteSn = useStableCallback(onDelete);
  const count = line.count;
  const highlightRow = useMemo(() => {
    if (highlight === null) return -1;
    const position = positionOf(line.sns, highlight);
    return position < 0 ? -1 : count - 1 - position;
  }, [line.sns, highlight, count]);

  useEffect(() => {
    const box = scrollRef.current;
    if (box === null || highlightRow < 0) return;
    const top = highlightRow * ROW;
    // Compared with the position onScroll keeps, not box.scrollTop: reading that forces a style and layout
    // pass in the middle of every scan (this effect runs right after the scan's render).
    if (top < scrollTop || top + ROW > scrollTop + HEIGHT) box.scrollTop = Math.max(0, top - HEIGHT / 2);
    // Scroll on each new feedback, not on every render or scroll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [highlightRow, seq]);

  if (count === 0) return <p className="muted scan-sn-empty">第{lineIndex + 1}行还没有 SN</p>;
  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + HEIGHT) / ROW) + OVERSCAN);
  const rows = [];
  for (let index = first; index < last; index++) {
    const position = count - 1 - index;
    const sn = snAt(line.sns, position) ?? '';
    rows.push(
      <SnRow
        key={sn}
        sn={sn}
        position={position}
        highlighted={index === highlightRow}
        typed={isTyped(sn)}
        onDelete={deleteSn}
      />,
    );
  }
  return (
    <div className="scan-sn-box">
      <div className="scan-sn-caption">
        第{lineIndex + 1}行 {line.specNo} 的 SN（共 {count} 个，最新在上）
      </div>
      <div
        ref={scrollRef}
        className="scan-sn-list"
        style={{ height: HEIGHT }}
        role="list"
        aria-label={`第${lineIndex + 1}行的SN`}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div style={{ height: count * ROW, position: 'relative' }}>{rows}</div>
      </div>
    </div>
  );
}
