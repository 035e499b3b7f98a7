/** One row of the detail grid; memoized so editing one cell re-renders one row, not 10,000. */
import { memo } from 'react';
import type { FieldSpec } from '../../../shared/spec';
import type { GridRow } from './gridOps';
import { columnWidth, displayText } from './fieldText';
import { ActiveCell, type ActiveCellProps } from './ActiveCell';

export interface GridRowViewProps {
  readonly index: number;
  readonly line: GridRow;
  readonly columns: readonly FieldSpec[];
  readonly top: number;
  readonly height: number;
  /** The active column when this row holds the active cell, else -1. */
  readonly activeCol: number;
  /** Columns with a problem on this row. */
  readonly problemKeys: ReadonlySet<string> | undefined;
  readonly active: Omit<ActiveCellProps, 'field' | 'value' | 'row'> | undefined;
  readonly onCellMouseDown: (row: number, col: number) => void;
  readonly onCellDoubleClick: (row: number, col: number) => void;
}

export const GridRowView = memo(function GridRowView(props: GridRowViewProps) {
  const { index, line, columns, top, height, activeCol, problemKeys, active } = props;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`grid-row${index % 2 === 1 ? ' grid-row-odd' : ''}${activeCol >= 0 ? ' grid-row-active' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
    >
      <div role="rowheader" className="grid-rownum">
        {index + 1}
      </div>
      {columns.map((field, col) => {
        const value = line[field.key];
        const bad = problemKeys?.has(field.key) ?? false;
        const isActive = col === activeCol && active !== undefined;
        return (
          <div
            key={field.key}
            role="gridcell"
            aria-colindex={col + 2}
            aria-selected={isActive}
            data-row={index}
            data-col={col}
            className={`grid-cell${isActive ? ' grid-cell-active' : ''}${bad ? ' grid-cell-bad' : ''}${
              field.type.kind === 'int' || field.type.kind === 'decimal' ? ' grid-cell-number' : ''
            }`}
            style={{ width: columnWidth(field) }}
            onMouseDown={(event) => {
              if (!isActive) {
                event.preventDefault();
                props.onCellMouseDown(index, col);
              }
            }}
            onDoubleClick={() => props.onCellDoubleClick(index, col)}
          >
            {isActive ? (
              <ActiveCell {...active} field={field} value={value} row={index} />
            ) : (
              <span className="grid-cell-text">{displayText(field, value)}</span>
            )}
          </div>
        );
      })}
    </div>
  );
});
