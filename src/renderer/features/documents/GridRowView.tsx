/** One row of the detail grid; memoized so editing one cell re-renders one row, not 10,000. */
import { memo } from 'react';
import type { FieldSpec } from '../../../shared/spec';
import type { GridRow } from './gridOps';
import { columnWidth, displayText } from './fieldText';
import { ActiveCell, type ActiveCellProps } from './ActiveCell';
import { cachedMatch } from '../catalog/catalogLookup';
import { codesOfValue, nameText } from '../catalog/catalogCodes';
import { barcodeFor, useBarcodeMemoryVersion } from '../catalog/barcodeMemory';
import { useCatalogVersion } from '../catalog/catalogState';

interface GridRowViewProps {
  /** The document: barcodes typed into it are remembered per document. */
  readonly method: string;
  readonly index: number;
  readonly line: GridRow;
  /** The columns on screen, in screen order. */
  readonly columns: readonly FieldSpec[];
  /** Each screen column's index in spec.lines: what data-col says, so a cell is found however columns sit. */
  readonly specIndex: readonly number[];
  /** Where the first column sticks when scrolling sideways (right of the row number). */
  readonly stickyLeft: number;
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
  const { method, index, line, columns, top, height, activeCol, problemKeys, active } = props;
  // Names come from the lookup cache, which the grid fills for the rows on screen; these re-render the row
  // when answers arrive or a barcode is remembered.
  useCatalogVersion();
  useBarcodeMemoryVersion();
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`grid-row${index % 2 === 1 ? ' grid-row-odd' : ''}${activeCol >= 0 ? ' grid-row-active' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
    >
      <div role="rowheader" className="grid-rownum grid-sticky">
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
            data-col={props.specIndex[col] ?? col}
            className={`grid-cell${isActive ? ' grid-cell-active' : ''}${bad ? ' grid-cell-bad' : ''}${
              field.type.kind === 'int' || field.type.kind === 'decimal' ? ' grid-cell-number' : ''
            }${col === 0 ? ' grid-sticky grid-sticky-first' : ''}`}
            style={{ width: columnWidth(field), ...(col === 0 ? { left: props.stickyLeft } : {}) }}
            onMouseDown={(event) => {
              if (!isActive) {
                event.preventDefault();
                props.onCellMouseDown(index, col);
              }
            }}
            onDoubleClick={() => props.onCellDoubleClick(index, col)}
          >
            {field.catalog === undefined ? (
              isActive ? (
                <ActiveCell {...active} field={field} value={value} row={index} />
              ) : (
                <span className="grid-cell-text">{displayText(field, value)}</span>
              )
            ) : (
              <div className="grid-cell-coded">
                {isActive ? (
                  <ActiveCell {...active} field={field} value={value} row={index} />
                ) : (
                  <span className="grid-cell-text">{displayText(field, value)}</span>
                )}
                <CodeName method={method} field={field} value={value} />
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
});

/**
 * The read-only name beside a code, and under it the barcode it was typed or scanned as: two small lines fit
 * the row, so the barcode stays in sight however long the name. Empty until the lookup answers.
 */
function CodeName({ method, field, value }: { method: string; field: FieldSpec; value: GridRow[string] }) {
  const [code] = codesOfValue(field, value);
  if (code === undefined || field.catalog === undefined) return <span className="grid-cell-name" />;
  const match = cachedMatch(field.catalog, code);
  const barcode = field.catalog === 'spec' ? barcodeFor(method, code) : undefined;
  const name = nameText(match);
  const barcodeLine = barcode === undefined ? '' : `条码 ${barcode}`;
  return (
    <span
      className={`grid-cell-name${name !== '' && barcodeLine !== '' ? ' grid-cell-name-two' : ''}`}
      title={[name, barcodeLine].filter((part) => part !== '').join('\n')}
      data-testid="grid-code-name"
    >
      {name !== '' && <span className="grid-cell-name-line">{name}</span>}
      {barcodeLine !== '' && <span className="grid-cell-name-line">{barcodeLine}</span>}
    </span>
  );
}
