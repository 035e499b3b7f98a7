/**
 * Row actions (with their shortcuts), the column menu and the grid's totals: rows, quantity, SNs. The
 * buttons are out of the Tab order, so Tab from the header reaches the grid at once; each has a key of its
 * own (the grid shortcut, or Alt+letter) shown in its tooltip.
 */
import { useMemo } from 'react';
import type { DocumentSpec } from '../../../shared/spec';
import { requestFocus, setLines, useActiveCell, useDocLines } from './documentStore';
import { Button } from '../../ui/Button';
import { quantityField } from './fieldText';
import { ColumnMenu } from './ColumnMenu';
import { columnTotal, duplicateRow, insertRow, removeRow, splitSns, trimTrailingEmptyRows } from './gridOps';

export function GridToolbar({ spec }: { readonly spec: DocumentSpec }) {
  const method = spec.method;
  const lines = useDocLines(method);
  const active = useActiveCell(method);
  const quantity = quantityField(spec.lines);
  const snField = spec.lines.find((field) => field.type.kind === 'snList');

  const totals = useMemo(() => {
    const filled = trimTrailingEmptyRows(lines);
    return {
      rows: filled.length,
      quantity: quantity ? columnTotal(filled, quantity.key) : undefined,
      sns: snField ? filled.reduce((sum, line) => sum + splitSns(line[snField.key]).length, 0) : undefined,
    };
  }, [lines, quantity, snField]);

  const focusRow = (row: number) =>
    requestFocus(method, { area: 'lines', row: Math.max(0, row), field: spec.lines[active.col]?.key });
  const change = (next: typeof lines, row: number) => {
    setLines(method, next);
    focusRow(row);
  };

  return (
    <div className="grid-toolbar" role="toolbar" aria-label="明细操作">
      <Button
        tabIndex={-1}
        accessKey="a"
        title="Alt+A"
        onClick={() => {
          const trimmed = trimTrailingEmptyRows(lines);
          change(insertRow(trimmed, trimmed.length), trimmed.length);
        }}
      >
        添加行
      </Button>
      <Button
        tabIndex={-1}
        accessKey="i"
        title="Ctrl+I 或 Alt+I"
        onClick={() => change(insertRow(lines, active.row + 1), active.row + 1)}
      >
        插入行
      </Button>
      <Button
        tabIndex={-1}
        title="Ctrl+D"
        onClick={() => change(duplicateRow(lines, active.row), active.row + 1)}
      >
        复制行
      </Button>
      <Button
        tabIndex={-1}
        title="Ctrl+Delete"
        onClick={() => change(removeRow(lines, active.row), Math.min(active.row, lines.length - 2))}
      >
        删除行
      </Button>
      <ColumnMenu spec={spec} />
      <span className="grid-totals" aria-live="polite">
        <span>
          共 <strong>{totals.rows}</strong> 行
        </span>
        {quantity && totals.quantity !== undefined && (
          <span>
            {quantity.label}合计 <strong>{totals.quantity}</strong>
          </span>
        )}
        {totals.sns !== undefined && (
          <span>
            序列号 <strong>{totals.sns}</strong> 个
          </span>
        )}
      </span>
    </div>
  );
}
